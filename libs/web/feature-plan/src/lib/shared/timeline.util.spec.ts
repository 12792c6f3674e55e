import type { MilestoneView, ProgressUpdateView } from '@marsad/contracts';
import { buildTimeline } from './timeline.util';

const milestone = (id: string, dueDate: string | null, doneOn: string | null = null): MilestoneView => ({
  id,
  activityId: 'a',
  activityCode: '1.1',
  title: { ar: id, fr: id, en: id },
  dueDate,
  doneOn,
  state: doneOn ? 'done' : 'upcoming',
  daysLate: 0,
  demo: false,
});
const update = (id: string, reportedOn: string, createdAt = `${reportedOn}T10:00:00Z`): ProgressUpdateView => ({
  id,
  activityId: 'a',
  activityCode: '1.1',
  reportedOn,
  authorName: 'X',
  authorInstitution: null,
  state: 'validated',
  status: 'in_progress',
  progress: 10,
  narrative: {},
  blockers: [],
  evidence: [],
  submittedAt: null,
  decidedAt: null,
  decidedBy: null,
  returnComment: null,
  demo: false,
  version: 1,
  createdAt,
});

describe('buildTimeline', () => {
  it('merges by date, newest first, with undated milestones at the end', () => {
    const entries = buildTimeline(
      [milestone('m-old', '2021-03-01'), milestone('m-none', null), milestone('m-done', '2022-12-31', '2022-05-02')],
      [update('u1', '2022-01-10'), update('u2', '2022-06-01')],
    );
    expect(entries.map((e) => (e.kind === 'update' ? e.update.id : e.milestone.id))).toEqual([
      'u2',
      'm-done',
      'u1',
      'm-old',
      'm-none',
    ]);
  });
});
