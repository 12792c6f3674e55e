import type { IsoDate } from '@marsad/contracts';
import { DataSource } from 'typeorm';
import { addDays } from '../common/time/today';
import { Institution } from '../institutions/entities/institution.entity';
import { demoUnit, markDemoLoaded } from '../seed/demo-seed.util';
import { DEMO_ACCOUNTS } from '../users/users.demo-seed';
import { OfficerAppointment } from './entities/officer-appointment.entity';
import actionPlan from '../seed/data/action-plan-2021.json';

const DEMO_OFFICERS_KEY = 'demo_officers';

/**
 * Officers named across the registry, so the coverage dashboard shows something on a new
 * installation: the committee bodies, most ministries and regions, many other central bodies, some
 * provinces and communes (so vacancies show too). Loaded once:
 * returns how many appointments were made, or null when they already were.
 */
export async function seedDemoAppointments(dataSource: DataSource, today: IsoDate): Promise<number | null> {
  return dataSource.transaction(async (manager) => {
    if (!(await markDemoLoaded(manager, DEMO_OFFICERS_KEY, { loadedOn: today }))) return null;
    const institutions = await manager.getRepository(Institution).find({ order: { code: 'ASC' } });
    const share: Record<string, number> = {
      ministry: 0.8,
      public_institution: 0.6,
      public_enterprise: 0.5,
      independent_authority: 0.6,
      other: 0.6,
      region: 0.75,
      province: 0.45,
      commune: 0.12,
    };
    const committeeCodes = new Set(actionPlan.governance.steeringCommittee.members.map((member) => member.code));
    const rows: Partial<OfficerAppointment>[] = [];
    for (const institution of institutions) {
      const r = demoUnit(`officers-${institution.code}`);
      const committee = committeeCodes.has(institution.code);
      if (!committee && r >= (share[institution.type] ?? 0)) continue;
      const named = DEMO_ACCOUNTS.find((a) => a.role === 'OFFICER' && a.institution === institution.code);
      // An independent draw for the date, so appointments spread over about two and a half years.
      const appointedOn = addDays(today, -30 - Math.round(demoUnit(`appointed-${institution.code}`) * 900));
      rows.push({
        institutionId: institution.id,
        role: 'ROD',
        status: r < 0.04 ? 'interim' : 'active',
        fullName: { fr: named?.displayName ?? `ROD ${institution.name.fr}` },
        email: named?.email ?? `rod.${institution.code.toLowerCase()}@demo.marsad.ma`,
        publicConsent: r < 0.5,
        appointedOn,
      });
      // About two thirds also have a data manager.
      if (committee || r < (share[institution.type] ?? 0) * 0.66) {
        rows.push({
          institutionId: institution.id,
          role: 'GDD',
          status: 'active',
          fullName: { fr: `GdD ${institution.name.fr}` },
          email: `gdd.${institution.code.toLowerCase()}@demo.marsad.ma`,
          publicConsent: false,
          appointedOn: addDays(appointedOn, 20),
        });
      }
    }
    for (let i = 0; i < rows.length; i += 500)
      await manager.getRepository(OfficerAppointment).insert(rows.slice(i, i + 500));
    return rows.length;
  });
}
