import type { IsoDate, MilestoneView, ProgressUpdateView } from '@marsad/contracts';

export type TimelineEntry =
  | { kind: 'update'; date: IsoDate; update: ProgressUpdateView }
  | { kind: 'milestone'; date: IsoDate | null; done: boolean; milestone: MilestoneView };

/** Milestones and progress updates in one list, newest first; undated milestones last. */
export function buildTimeline(
  milestones: readonly MilestoneView[],
  updates: readonly ProgressUpdateView[],
): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    ...updates.map((update) => ({ kind: 'update' as const, date: update.reportedOn, update })),
    ...milestones.map((milestone) => ({
      kind: 'milestone' as const,
      date: milestone.doneOn ?? milestone.dueDate,
      done: milestone.doneOn !== null,
      milestone,
    })),
  ];
  return entries.sort((a, b) => {
    if (a.date !== b.date) {
      if (a.date === null) return 1;
      if (b.date === null) return -1;
      return a.date < b.date ? 1 : -1;
    }
    // Same day: updates before milestones, later-created updates first.
    if (a.kind !== b.kind) return a.kind === 'update' ? -1 : 1;
    if (a.kind === 'update' && b.kind === 'update') return a.update.createdAt < b.update.createdAt ? 1 : -1;
    return 0;
  });
}
