import type { Activity } from './entities/activity.entity';
import type { Measure } from './entities/measure.entity';
import type { Plan } from './entities/plan.entity';
import { measureDueDates, milestoneState } from './plan.mappers';
import { progressChange, replayPlan, snapshotFigures, snapshotOfPlan, toSnapshotDetail } from './plan-history.util';

const activity = (id: string, position: number, dueDate: string): Activity =>
  ({
    id,
    code: `1.${position}`,
    measureId: 'm1',
    position,
    title: { fr: id, ar: id, en: id },
    leadInstitution: null,
    contributors: [],
    startDate: '2026-01-01',
    dueDate,
    weight: 1,
    status: 'not_started',
    progress: 0,
    figuresSource: 'reference',
    figuresAsOf: null,
    figuresBy: null,
    version: 1,
    updatedAt: new Date('2026-01-01T00:00:00Z'),
  }) as unknown as Activity;

const plan = {
  id: 'p',
  code: 'P',
  title: { fr: 'P', ar: 'P', en: 'P' },
  periodStart: null,
  periodEnd: null,
  measures: [
    {
      id: 'm1',
      number: 1,
      weight: 1,
      title: { fr: 'M', ar: 'M', en: 'M' },
      description: null,
      leadInstitution: null,
      activities: [activity('a', 1, '2026-12-31'), activity('b', 2, '2026-03-01')],
    } as unknown as Measure,
  ],
} as unknown as Plan;

const reports = [
  { activityId: 'a', reportedOn: '2026-02-01', status: 'in_progress' as const, progress: 20 },
  { activityId: 'a', reportedOn: '2026-04-01', status: 'in_progress' as const, progress: 60 },
  { activityId: 'b', reportedOn: '2026-02-15', status: 'completed' as const, progress: 100 },
];

describe('replayPlan and snapshotOfPlan', () => {
  it('replays each activity’s newest report on or before the day, with health on that day', () => {
    const before = replayPlan(plan, reports, '2026-01-15');
    expect(before.summary.progress).toBe(0);
    expect(before.summary.statusCounts.not_started).toBe(2);

    const march = replayPlan(plan, reports, '2026-03-10');
    const snapshot = snapshotOfPlan(march.summary, march.measures, '2026-03-10');
    expect(snapshot.activities).toEqual([
      { code: '1.1', status: 'in_progress', progress: 20, health: expect.any(String), daysLate: 0 },
      { code: '1.2', status: 'completed', progress: 100, health: 'on_track', daysLate: 0 },
    ]);
    expect(snapshot.progress).toBe(60);
    expect(snapshot.measures).toEqual([{ number: 1, progress: 60, health: snapshot.health, status: 'in_progress' }]);
    expect(toSnapshotDetail('P', { day: '2026-03-10', figures: snapshotFigures(snapshot) })).toEqual(snapshot);
  });

  it('counts late and at-risk activities on the day', () => {
    // b is unfinished past its due date on 2026-03-05 without its report.
    const replay = replayPlan(plan, reports.slice(0, 1), '2026-03-05');
    const snapshot = snapshotOfPlan(replay.summary, replay.measures, '2026-03-05');
    expect(snapshot.late).toBe(1);
    expect(snapshot.activities[1]).toMatchObject({ health: 'late', daysLate: 4 });
  });
});

describe('progressChange', () => {
  it('subtracts to one decimal, and is null when either side is unknown', () => {
    expect(progressChange(12.3, 20)).toBe(7.7);
    expect(progressChange(20, 12.3)).toBe(-7.7);
    expect(progressChange(null, 5)).toBeNull();
    expect(progressChange(5, undefined)).toBeNull();
  });
});

describe('measureDueDates', () => {
  const a = (status: 'in_progress' | 'completed' | 'cancelled', dueDate: string | null, daysLate = 0) => ({
    status,
    dueDate,
    daysLate,
  });
  it('never gives a past date as next; the oldest passed one of a late activity is overdue', () => {
    expect(
      measureDueDates(
        [a('in_progress', '2026-10-19', 46), a('in_progress', '2026-11-01', 33), a('in_progress', '2026-12-20')],
        '2026-12-04',
      ),
    ).toEqual({ nextDueDate: '2026-12-20', overdueSince: '2026-10-19' });
  });
  it('counts today as ahead, and ignores completed and cancelled work', () => {
    expect(
      measureDueDates(
        [a('in_progress', '2026-12-04'), a('completed', '2026-12-01'), a('cancelled', '2026-11-01')],
        '2026-12-04',
      ),
    ).toEqual({ nextDueDate: '2026-12-04', overdueSince: null });
    expect(measureDueDates([a('in_progress', '2026-11-01', 33)], '2026-12-04')).toEqual({
      nextDueDate: null,
      overdueSince: '2026-11-01',
    });
  });
});

describe('milestoneState', () => {
  it('is upcoming on its due date, missed (1 day late) the day after, done once done', () => {
    expect(milestoneState({ dueDate: '2026-12-04', doneOn: null }, '2026-12-04')).toEqual({
      state: 'upcoming',
      daysLate: 0,
    });
    expect(milestoneState({ dueDate: '2026-12-03', doneOn: null }, '2026-12-04')).toEqual({
      state: 'missed',
      daysLate: 1,
    });
    expect(milestoneState({ dueDate: '2026-10-01', doneOn: '2026-11-01' }, '2026-12-04')).toEqual({
      state: 'done',
      daysLate: 0,
    });
    expect(milestoneState({ dueDate: null, doneOn: null }, '2026-12-04')).toEqual({ state: 'upcoming', daysLate: 0 });
  });
});
