import type {
  ActivityDetail,
  ApiErrorBody,
  MeasureDetail,
  PlanDetail,
  PlanHistory,
  PlanSnapshotDetail,
} from '@marsad/contracts';
import { StampedCache } from '../common/cache/stamped-cache';
import { addDays, todayInMorocco } from '../common/time/today';
import { startTestApp, type Client, type TestApp } from '../testing/test-app';
import { Activity } from './entities/activity.entity';
import { Milestone } from './entities/milestone.entity';
import { Plan } from './entities/plan.entity';
import { PlanSnapshot } from './entities/plan-snapshot.entity';
import { DemoSeedService } from '../seed/demo-seed.service';
import { DEMO_HISTORY_DAYS } from './plan.demo-seed';
import { PlanHistoryService } from './plan-history.service';
import { progressChange } from './plan-history.util';

const PLAN = 'PANDO-2021';

describe('Plan history and lateness (real database)', () => {
  let t: TestApp;
  let coordinator: Client;
  let history: PlanHistoryService;
  const today = todayInMorocco();

  beforeAll(async () => {
    t = await startTestApp();
    coordinator = await t.as('COORDINATOR');
    history = t.app.get(PlanHistoryService);
  });
  afterAll(async () => {
    await t?.close();
  });

  const snapshotsOn = (day: string) => t.dataSource.getRepository(PlanSnapshot).countBy({ day });
  const plan = async (): Promise<PlanDetail> => (await t.http.get(`/api/v1/plans/${PLAN}`).expect(200)).body;
  const activityByCode = (code: string) => t.dataSource.getRepository(Activity).findOneByOrFail({ code });

  describe('daily snapshots', () => {
    it('takes today’s snapshot at start-up and keeps one row when taken again the same day', async () => {
      expect(await snapshotsOn(today)).toBe(1);
      const [first] = await history.recordToday(PLAN);
      const [second] = await history.recordToday();
      expect(await snapshotsOn(today)).toBe(1);
      expect(second).toEqual(first);
      expect(first.day).toBe(today);
      expect(first.activities).toHaveLength(26);
      expect(first.measures).toHaveLength(13);
      expect(first.statusCounts.not_started).toBe(26);
    });

    it('follows a coordinator’s validated report once it is committed', async () => {
      const activity = await activityByCode('1.1');
      await coordinator
        .post(`/api/v1/activities/${activity.id}/updates`)
        .send({ status: 'in_progress', progress: 40, narrative: { fr: 'Avancement' } })
        .expect(201);
      const snapshot = (await history.snapshotOn(PLAN, today)) as PlanSnapshotDetail;
      expect(snapshot.activities.find((a) => a.code === '1.1')).toMatchObject({ status: 'in_progress', progress: 40 });
      const body = await plan();
      expect(snapshot.progress).toBe(body.progress);
      expect(snapshot.measures.find((m) => m.number === 1)?.progress).toBe(
        body.measures.find((m) => m.number === 1)?.progress,
      );
      expect(await snapshotsOn(today)).toBe(1);
    });
  });

  describe('a 90-day series', () => {
    // 2024-01-01 … 2024-03-30; the days 5, 15, …, 85 are missing (nothing taken: the server was down).
    const first = '2024-01-01';
    const dayAt = (i: number) => addDays(first, i);
    // Progress climbs 2.5 points each full week; measure 1 twice as fast.
    const planProgress = (i: number) => Math.floor(i / 7) * 2.5;
    const missing = (i: number) => i % 10 === 5;

    beforeAll(async () => {
      const planRow = await t.dataSource.getRepository(Plan).findOneByOrFail({ code: PLAN });
      const rows = Array.from({ length: 90 }, (_, i) => i)
        .filter((i) => !missing(i))
        .map((i) => ({
          planId: planRow.id,
          day: dayAt(i),
          progress: planProgress(i),
          health: 'on_track' as const,
          figures: {
            point: {
              progress: planProgress(i),
              health: 'on_track' as const,
              statusCounts: { not_started: 26, in_progress: 0, completed: 0, delayed: 0, cancelled: 0 },
              late: 0,
              atRisk: 0,
              measures: [
                {
                  number: 1,
                  progress: planProgress(i) * 2,
                  health: 'on_track' as const,
                  status: 'in_progress' as const,
                },
              ],
            },
            activities: [],
          },
        }));
      await t.dataSource.getRepository(PlanSnapshot).insert(rows);
      StampedCache.invalidateAll();
    });

    it('finds the snapshot in force on a day: that day’s, or the newest before it', async () => {
      expect((await history.snapshotOn(PLAN, dayAt(20)))?.day).toBe(dayAt(20));
      // Day 35 was not taken: day 34 stands.
      const onMissingDay = await history.snapshotOn(PLAN, dayAt(35));
      expect(onMissingDay?.day).toBe(dayAt(34));
      expect(onMissingDay?.progress).toBe(10);
      expect(await history.snapshotOn(PLAN, addDays(first, -1))).toBeNull();
    });

    it('gives the hand-computed change between two days', async () => {
      const earlier = await history.snapshotOn(PLAN, dayAt(20)); // week 2: 5.0
      const later = await history.snapshotOn(PLAN, dayAt(75)); // not taken: day 74, week 10: 25.0
      expect(earlier?.progress).toBe(5);
      expect(later?.day).toBe(dayAt(74));
      expect(later?.progress).toBe(25);
      expect(progressChange(earlier?.progress, later?.progress)).toBe(20);
      expect(progressChange(earlier?.measures[0].progress, later?.measures[0].progress)).toBe(40);
      // From the first day to the last: 0 → 12 full weeks × 2.5 = 30 (day 89).
      const start = await history.snapshotOn(PLAN, first);
      const end = await history.snapshotOn(PLAN, dayAt(89));
      expect(progressChange(start?.progress, end?.progress)).toBe(30);
    });

    it('serves the window over HTTP, oldest first, and the day’s snapshot', async () => {
      const body: PlanHistory = (
        await t.http.get(`/api/v1/plans/${PLAN}/history?from=${first}&to=${dayAt(89)}`).expect(200)
      ).body;
      expect(body).toMatchObject({ planCode: PLAN, from: first, to: dayAt(89) });
      expect(body.points).toHaveLength(81);
      expect(body.points[0]).toMatchObject({ day: first, progress: 0 });
      expect(body.points.at(-1)).toMatchObject({ day: dayAt(89), progress: 30 });
      const days = body.points.map((p) => p.day);
      expect([...days].sort()).toEqual(days);

      const open: PlanHistory = (await t.http.get(`/api/v1/plans/${PLAN}/history`).expect(200)).body;
      expect(open.points.at(-1)?.day).toBe(today);
      expect(open.points).toHaveLength(82);

      const detail: PlanSnapshotDetail = (await t.http.get(`/api/v1/plans/${PLAN}/history/${dayAt(35)}`).expect(200))
        .body;
      expect(detail).toMatchObject({ planCode: PLAN, day: dayAt(34), progress: 10 });
      await t.http.get(`/api/v1/plans/${PLAN}/history/2023-12-31`).expect(404);
    });

    it('refuses bad dates with 400 naming the field, and unknown plans with 404', async () => {
      const badFrom: ApiErrorBody = (await t.http.get(`/api/v1/plans/${PLAN}/history?from=2024-13-01`).expect(400))
        .body;
      expect(badFrom.fields.map((f) => f.field)).toEqual(['from']);
      const badTo: ApiErrorBody = (await t.http.get(`/api/v1/plans/${PLAN}/history?to=yesterday`).expect(400)).body;
      expect(badTo.fields.map((f) => f.field)).toEqual(['to']);
      const reversed: ApiErrorBody = (
        await t.http.get(`/api/v1/plans/${PLAN}/history?from=2024-02-01&to=2024-01-01`).expect(400)
      ).body;
      expect(reversed.fields.map((f) => f.field)).toEqual(['from']);
      const badDay: ApiErrorBody = (await t.http.get(`/api/v1/plans/${PLAN}/history/2024-02-30`).expect(400)).body;
      expect(badDay.fields.map((f) => f.field)).toEqual(['day']);
      await t.http.get('/api/v1/plans/NOPE/history').expect(404);
      await t.http.get('/api/v1/plans/NOPE/history/2024-01-01').expect(404);
    });
  });

  describe('lateness', () => {
    it('counts days late from the day after the due date, and never shows a past next due date', async () => {
      const body = await plan();
      const measure = body.measures.find((m) => m.activities.length >= 2);
      if (!measure) throw new Error('no measure with two activities');
      const [dueYesterday, dueToday] = measure.activities;
      const edit = async (id: string, dueDate: string) => {
        const current: ActivityDetail = (await t.http.get(`/api/v1/activities/${id}`).expect(200)).body;
        await coordinator
          .patch(`/api/v1/activities/${id}`)
          .send({ version: current.version, startDate: addDays(today, -200), dueDate })
          .expect(200);
      };
      await edit(dueYesterday.id, addDays(today, -1));
      await edit(dueToday.id, today);
      for (const other of measure.activities.slice(2)) await edit(other.id, addDays(today, 30));

      const activityYesterday: ActivityDetail = (await t.http.get(`/api/v1/activities/${dueYesterday.id}`).expect(200))
        .body;
      expect(activityYesterday).toMatchObject({ health: 'late', daysLate: 1 });
      const activityToday: ActivityDetail = (await t.http.get(`/api/v1/activities/${dueToday.id}`).expect(200)).body;
      expect(activityToday.health).not.toBe('late');
      expect(activityToday.daysLate).toBe(0);

      const after = (await plan()).measures.find((m) => m.id === measure.id);
      expect(after).toMatchObject({ nextDueDate: today, overdueSince: addDays(today, -1), daysLate: 1 });
      const page: MeasureDetail = (await t.http.get(`/api/v1/measures/${measure.id}`).expect(200)).body;
      expect(page).toMatchObject({ nextDueDate: today, overdueSince: addDays(today, -1), daysLate: 1 });

      // The coordinator's edits were followed by today's snapshot.
      const snapshot = (await history.snapshotOn(PLAN, today)) as PlanSnapshotDetail;
      expect(snapshot.activities.find((a) => a.code === dueYesterday.code)).toMatchObject({
        health: 'late',
        daysLate: 1,
      });
      expect(snapshot.late).toBeGreaterThanOrEqual(1);

      // Once the due date of today passes too, nothing is ahead: the next due date is empty, not past.
      await edit(dueToday.id, addDays(today, -10));
      const later = (await plan()).measures.find((m) => m.id === measure.id);
      expect(later?.overdueSince).toBe(addDays(today, -10));
      expect(later?.daysLate).toBe(10);
      if (measure.activities.length === 2) expect(later?.nextDueDate).toBeNull();
      expect(later?.nextDueDate === null || (later?.nextDueDate as string) >= today).toBe(true);
    });

    it('marks a milestone missed from the day after its due date, never "planned"', async () => {
      const activity = await activityByCode('3.1');
      await t.dataSource.getRepository(Milestone).insert([
        { activityId: activity.id, key: 'due-today', title: { fr: 'a', ar: 'a', en: 'a' }, dueDate: today },
        {
          activityId: activity.id,
          key: 'due-yesterday',
          title: { fr: 'b', ar: 'b', en: 'b' },
          dueDate: addDays(today, -1),
        },
        {
          activityId: activity.id,
          key: 'done-late',
          title: { fr: 'c', ar: 'c', en: 'c' },
          dueDate: addDays(today, -20),
          doneOn: addDays(today, -5),
        },
      ]);
      StampedCache.invalidateAll();
      const body: ActivityDetail = (await t.http.get(`/api/v1/activities/${activity.id}`).expect(200)).body;
      const byTitle = (fr: string) => body.milestones.find((m) => m.title.fr === fr);
      expect(byTitle('a')).toMatchObject({ state: 'upcoming', daysLate: 0 });
      expect(byTitle('b')).toMatchObject({ state: 'missed', daysLate: 1 });
      expect(byTitle('c')).toMatchObject({ state: 'done', daysLate: 0 });
      const measure: MeasureDetail = (await t.http.get(`/api/v1/measures/${activity.measureId}`).expect(200)).body;
      expect(measure.milestones.find((m) => m.title.fr === 'b')).toMatchObject({ state: 'missed', daysLate: 1 });
    });
  });
});

describe('The demo plan history (real database)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ demo: true });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('backfills one demo snapshot a day before today, rising in steps as reports were validated, once', async () => {
    const today = todayInMorocco();
    const body: PlanHistory = (await t.http.get(`/api/v1/plans/${PLAN}/history`).expect(200)).body;
    expect(body.points).toHaveLength(DEMO_HISTORY_DAYS + 1);
    expect(body.points[0].day).toBe(addDays(today, -DEMO_HISTORY_DAYS));
    expect(body.points.at(-1)?.day).toBe(today);
    const progress = body.points.map((p) => p.progress as number);
    expect(new Set(progress).size).toBeGreaterThan(3);
    expect(progress[0]).toBeLessThan(progress.at(-1) as number);
    // The last backfilled day replays every demo report: it equals today's figure.
    expect(progress.at(-2)).toBe(progress.at(-1));
    expect(await t.dataSource.getRepository(PlanSnapshot).countBy({ isDemo: true })).toBe(DEMO_HISTORY_DAYS);
    await expect(t.app.get(DemoSeedService).ensureDemoPlanHistory()).resolves.toBe(false);
    expect(await t.dataSource.getRepository(PlanSnapshot).count()).toBe(DEMO_HISTORY_DAYS + 1);
  });
});
