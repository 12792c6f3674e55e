import { FEEDBACK_OPEN_DAYS, type EventSummary, type IsoDate } from '@marsad/contracts';

export type FeedbackWindowState = 'cancelled' | 'notYet' | 'open' | 'closed';

/** `day` plus `days` calendar days. */
export function addDays(day: IsoDate, days: number): IsoDate {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Today in Morocco, as the API dates the feedback window. */
export function todayInMorocco(now = new Date()): IsoDate {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Africa/Casablanca' }).format(now);
}

/** When participants may answer, as the API counts it (it still decides): first day to 60 days after the last. */
export function feedbackWindow(
  event: Pick<EventSummary, 'startsOn' | 'endsOn' | 'status'>,
  today: IsoDate,
): { state: FeedbackWindowState; closesOn: IsoDate } {
  const closesOn = addDays(event.endsOn, FEEDBACK_OPEN_DAYS);
  const state: FeedbackWindowState =
    event.status === 'cancelled'
      ? 'cancelled'
      : today < event.startsOn
        ? 'notYet'
        : today > closesOn
          ? 'closed'
          : 'open';
  return { state, closesOn };
}
