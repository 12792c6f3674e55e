import { ROLE_PERMISSIONS, type InventoryItemView, type Role, type SessionView } from '@marsad/contracts';

/** An inventory item for specs. */
export function itemFixture(overrides: Partial<InventoryItemView> = {}): InventoryItemView {
  return {
    id: '11111111-1111-4111-8111-111111111111',
    institution: {
      code: 'MEF',
      name: { ar: 'وزارة الاقتصاد والمالية', fr: "Ministère de l'Économie et des Finances" },
      type: 'ministry',
    },
    reference: 'MEF-DS-001',
    title: { ar: 'الميزانية', fr: 'Budget' },
    description: null,
    theme: 'ECON',
    owningUnit: null,
    classification: 'open',
    legalBasis: null,
    priority: 'medium',
    plannedDate: '2026-06-30',
    frequency: 'annual',
    formats: ['CSV'],
    status: 'identified',
    public: true,
    match: {
      state: 'none',
      ckanId: null,
      name: null,
      title: null,
      portalUrl: null,
      basis: null,
      freshness: null,
      publishedAt: null,
    },
    version: 3,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    ...overrides,
  };
}

/** A signed-in session for specs (the shape GET /auth/session answers). */
export function sessionFor(role: Role, institution: 'MEF' | 'HCP' | null = null): SessionView {
  return {
    user: {
      id: `u-${role}`,
      email: `${role.toLowerCase()}@example.ma`,
      displayName: `Person ${role}`,
      role,
      institution: institution
        ? { code: institution, name: { ar: institution, fr: institution }, type: 'ministry' }
        : null,
      preferredLocale: 'fr',
      permissions: [...ROLE_PERMISSIONS[role]],
    },
    csrfToken: 'csrf-1',
    expiresAt: '2030-01-01T00:00:00Z',
  };
}
