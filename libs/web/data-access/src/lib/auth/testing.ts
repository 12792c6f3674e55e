import type { Role, SessionView } from '@marsad/contracts';
import { ROLE_PERMISSIONS } from '@marsad/contracts';

const INSTITUTIONS = {
  MEF: {
    code: 'MEF',
    name: {
      ar: 'وزارة الاقتصاد والمالية',
      fr: "Ministère de l'Économie et des Finances",
      en: 'Ministry of Economy and Finance',
    },
    type: 'ministry' as const,
  },
  HCP: {
    code: 'HCP',
    name: { ar: 'المندوبية السامية للتخطيط', fr: 'Haut-Commissariat au Plan', en: 'High Commission for Planning' },
    type: 'public_institution' as const,
  },
};

/** A signed-in session for specs. */
export function sessionFor(
  role: Role,
  institution: keyof typeof INSTITUTIONS | null = null,
  csrfToken = 'csrf-1',
): SessionView {
  return {
    user: {
      id: `u-${role}`,
      email: `${role.toLowerCase()}@example.ma`,
      displayName: `Person ${role}`,
      role,
      institution: institution ? INSTITUTIONS[institution] : null,
      preferredLocale: 'fr',
      permissions: [...ROLE_PERMISSIONS[role]],
    },
    csrfToken,
    expiresAt: '2030-01-01T00:00:00Z',
  };
}

export const SIGNED_OUT_SESSION: SessionView = { user: null, csrfToken: null, expiresAt: null };
export { INSTITUTIONS as TEST_INSTITUTIONS };
