import { ROLE_PERMISSIONS, type Role, type SessionUser } from '@marsad/contracts';
import { homePathOf } from './home-redirect';

const user = (role: Role, institution: string | null = null): SessionUser => ({
  id: 'u',
  email: 'x@test.ma',
  displayName: 'X',
  role,
  institution: institution ? { code: institution, name: { ar: 'م', fr: 'M', en: 'M' }, type: 'ministry' } : null,
  preferredLocale: 'fr',
  permissions: [...ROLE_PERMISSIONS[role]],
});

describe('where each role lands after signing in', () => {
  it('sends officers and data managers to their administration', () => {
    expect(homePathOf(user('OFFICER', 'MEF'))).toEqual(['home', 'administration', 'MEF']);
    expect(homePathOf(user('DATA_MANAGER', 'HCP'))).toEqual(['home', 'administration', 'HCP']);
  });

  it('sends coordinators to the workbench and the committee to its view', () => {
    expect(homePathOf(user('COORDINATOR'))).toEqual(['workbench']);
    expect(homePathOf(user('COMMITTEE'))).toEqual(['committee']);
  });

  it('leaves admins and signed-out visitors on the public overview', () => {
    expect(homePathOf(user('ADMIN'))).toEqual([]);
    expect(homePathOf(null)).toEqual([]);
  });
});
