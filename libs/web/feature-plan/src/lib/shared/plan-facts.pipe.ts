import { Pipe, type PipeTransform } from '@angular/core';
import type { ActivitySummary, MeasureSummary } from '@marsad/contracts';
import type { Fact } from '@marsad/web/ui';

/** The facts of an activity: on a card, or on its own page with its weight and last change. */
export function activityFacts(a: ActivitySummary, view: 'card' | 'page' = 'card'): Fact[] {
  const page = view === 'page';
  return [
    { key: 'activity.startDate', kind: 'date', value: a.startDate },
    { key: 'activity.dueDate', kind: 'date', value: a.dueDate },
    ...(page ? [{ key: 'activity.weight', kind: 'number', value: a.weight } satisfies Fact] : []),
    { key: 'activity.lead', kind: 'text', value: a.leadInstitution?.name },
    { key: 'activity.contributors', kind: 'list', value: a.contributors.map((c) => c.name) },
    ...(page ? [{ key: 'activity.updatedAt', kind: 'datetime', value: a.updatedAt } satisfies Fact] : []),
  ];
}

/** The facts of a measure: on an overview card, or on its own page with its weight. */
export function measureFacts(m: MeasureSummary, view: 'card' | 'page' = 'card'): Fact[] {
  return [
    { key: 'measure.lead', kind: 'text', value: m.leadInstitution?.name },
    { key: 'measure.nextDue', kind: 'date', value: m.nextDueDate },
    ...(m.overdueSince ? [{ key: 'measure.overdueSince', kind: 'date', value: m.overdueSince } satisfies Fact] : []),
    ...(view === 'page' ? [{ key: 'measure.weight', kind: 'number', value: m.weight } satisfies Fact] : []),
  ];
}

/** `a | msdActivityFacts` for `<msd-progress-facts [facts]>`; pure, so a card's list is built once per activity. */
@Pipe({ name: 'msdActivityFacts' })
export class ActivityFactsPipe implements PipeTransform {
  transform(a: ActivitySummary, view: 'card' | 'page' = 'card'): Fact[] {
    return activityFacts(a, view);
  }
}

/** `m | msdMeasureFacts` for `<msd-progress-facts [facts]>`. */
@Pipe({ name: 'msdMeasureFacts' })
export class MeasureFactsPipe implements PipeTransform {
  transform(m: MeasureSummary, view: 'card' | 'page' = 'card'): Fact[] {
    return measureFacts(m, view);
  }
}
