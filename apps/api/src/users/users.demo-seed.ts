import type { Role } from '@marsad/contracts';
import { DataSource, In } from 'typeorm';
import { User } from '../auth/entities/user.entity';
import { hashPassword } from '../auth/passwords';
import { Institution } from '../institutions/entities/institution.entity';

/** One account per role, officers of two administrations; listed in the README. Demo only. */
export const DEMO_PASSWORD = 'Marsad-Demo-2026';
export const DEMO_ACCOUNTS: { email: string; displayName: string; role: Role; institution: string | null }[] = [
  { email: 'admin@marsad.ma', displayName: 'Admin Marsad', role: 'ADMIN', institution: null },
  { email: 'coordination@add.gov.ma', displayName: 'Salma Bennani', role: 'COORDINATOR', institution: null },
  { email: 'comite@hcp.ma', displayName: 'Youssef El Idrissi', role: 'COMMITTEE', institution: null },
  { email: 'rod@mef.gov.ma', displayName: 'Nadia Alaoui', role: 'OFFICER', institution: 'MEF' },
  { email: 'rod@hcp.ma', displayName: 'Karim Tazi', role: 'OFFICER', institution: 'HCP' },
  { email: 'gdd@mef.gov.ma', displayName: 'Imane Berrada', role: 'DATA_MANAGER', institution: 'MEF' },
];

/** Creates the demo accounts that do not exist yet; never touches existing ones. Returns how many were created. */
export async function seedDemoAccounts(dataSource: DataSource): Promise<number> {
  return dataSource.transaction(async (manager) => {
    const users = manager.getRepository(User);
    const existing = new Set(
      (await users.findBy({ email: In(DEMO_ACCOUNTS.map((a) => a.email)) })).map((u) => u.email),
    );
    const missing = DEMO_ACCOUNTS.filter((account) => !existing.has(account.email));
    if (missing.length === 0) return 0;
    const institutions = await manager.getRepository(Institution).find();
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    for (const account of missing) {
      const institution = institutions.find((i) => i.code === account.institution) ?? null;
      await users.insert({
        email: account.email,
        displayName: account.displayName,
        role: account.role,
        institutionId: institution?.id ?? null,
        preferredLocale: 'fr',
        active: true,
        passwordHash,
      });
    }
    return missing.length;
  });
}
