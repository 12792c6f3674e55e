import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { seedDemoAward } from '../award/award.demo-seed';
import { todayInMorocco } from '../common/time/today';
import { seedDemoCommittee } from '../committee/committee.demo-seed';
import { seedDemoEvents, seedDemoHackathon } from '../events/events.demo-seed';
import { seedDemoInventory } from '../inventory/inventory.demo-seed';
import { seedDemoAppointments } from '../officers/officers.demo-seed';
import { seedDemoPlanHistory, seedDemoPlanProgress } from '../plan/plan.demo-seed';
import { seedDemoPortalMapping } from '../portal/portal.demo-seed';
import { seedDemoReuses } from '../reuses/reuses.demo-seed';
import { DEMO_DATA_KEY } from '../settings/settings.service';
import { StorageService } from '../storage/storage.service';
import { seedDemoAccounts } from '../users/users.demo-seed';
import { markDemoLoaded } from './demo-seed.util';

/**
 * The demo data set of a new installation, every row marked as demo. Each feature seeds its
 * own part (`<feature>.demo-seed.ts`); this runs them in order. Each part is loaded once:
 * a second run changes nothing.
 */
@Injectable()
export class DemoSeedService {
  private readonly logger = new Logger(DemoSeedService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly storage: StorageService,
  ) {}

  /** The plan's progress, the accounts, the officers and the portal mapping. */
  async run(today = todayInMorocco()): Promise<{ loaded: boolean }> {
    const storedKeys: string[] = [];
    try {
      const loaded = await this.dataSource.transaction(async (manager) => {
        if (!(await markDemoLoaded(manager, DEMO_DATA_KEY, { loadedOn: today }))) return false;
        await seedDemoPlanProgress(manager, this.storage, today, storedKeys);
        return true;
      });
      if (loaded) this.logger.log('Demo data loaded (marked as demo in the UI)');
      await this.ensureDemoPlanHistory(today);
      await this.ensureDemoAccounts();
      await this.ensureDemoAppointments(today);
      await this.ensureDemoPortalMapping();
      await this.ensureDemoCommittee(today);
      await this.ensureDemoEvents(today);
      await this.ensureDemoReuses();
      await this.ensureDemoAward(today);
      return { loaded };
    } catch (error) {
      await Promise.all(storedKeys.map((key) => this.storage.remove(key)));
      throw error;
    }
  }

  /** The plan's past days, replayed from the demo reports, so the trend charts are alive. Once. */
  async ensureDemoPlanHistory(today = todayInMorocco()): Promise<boolean> {
    const written = await seedDemoPlanHistory(this.dataSource, today);
    if (written !== null) this.logger.log(`Demo plan history: ${written} daily snapshots`);
    return written !== null;
  }

  /** Creates the demo accounts that do not exist yet; never touches existing ones. */
  async ensureDemoAccounts(): Promise<number> {
    const created = await seedDemoAccounts(this.dataSource);
    if (created > 0) this.logger.log(`Demo accounts created: ${created} (password in the README)`);
    return created;
  }

  /** Officers named across the registry, so coverage is not empty. Once. */
  async ensureDemoAppointments(today = todayInMorocco()): Promise<boolean> {
    const appointments = await seedDemoAppointments(this.dataSource, today);
    if (appointments !== null) this.logger.log(`Demo appointments: ${appointments}`);
    return appointments !== null;
  }

  /** The committee's representatives, two held meetings and a planned one, decisions and action items. Once. */
  async ensureDemoCommittee(today = todayInMorocco()): Promise<boolean> {
    const meetings = await seedDemoCommittee(this.dataSource, today);
    if (meetings !== null) this.logger.log(`Demo committee: ${meetings} meetings`);
    return meetings !== null;
  }

  /** A year of events with participants from the demo officers, feedback and targets. Once. */
  async ensureDemoEvents(today = todayInMorocco()): Promise<boolean> {
    const events = await seedDemoEvents(this.dataSource, today);
    if (events !== null) this.logger.log(`Demo events: ${events}`);
    return events !== null;
  }

  /** After the first demo harvest: the hackathon's challenges, teams and the winner's reuse. Once. */
  async ensureDemoHackathon(): Promise<boolean> {
    const seeded = await seedDemoHackathon(this.dataSource);
    // The showcase's other reuses need the harvested datasets too.
    await this.ensureDemoReuses();
    return seeded;
  }

  /** Reuses of the demo portal's datasets (five published, one to moderate), once datasets were harvested. Once. */
  async ensureDemoReuses(): Promise<boolean> {
    const reuses = await seedDemoReuses(this.dataSource);
    if (reuses !== null) this.logger.log(`Demo reuses: ${reuses}`);
    return reuses !== null;
  }

  /** The Imtiaz award: last year's edition with published results, this year's open for applications. Once. */
  async ensureDemoAward(today = todayInMorocco()): Promise<boolean> {
    const editions = await seedDemoAward(this.dataSource, today);
    if (editions !== null) this.logger.log(`Demo award editions: ${editions}`);
    return editions !== null;
  }

  /** Administrations mapped to organisations of the demo catalogue. Once. */
  async ensureDemoPortalMapping(): Promise<boolean> {
    return seedDemoPortalMapping(this.dataSource);
  }

  /** After the first demo harvest: inventories for the mapped administrations. Once. */
  async ensureDemoInventory(): Promise<boolean> {
    const items = await seedDemoInventory(this.dataSource);
    if (items !== null) this.logger.log(`Demo inventory: ${items} items`);
    return items !== null;
  }
}
