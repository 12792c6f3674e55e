import {
  CONFIRMATION_KINDS,
  type ConfirmationKind,
  type InstitutionRef,
  type IsoDate,
  type LocalizedText,
  type ObligationStatus,
  type RoundAdministrationRow,
  type RoundChecklistItem,
  type RoundGroupRow,
  type RoundTally,
} from '@marsad/contracts';
import { todayInMorocco } from '../common/time/today';

/** The facts a round's standing is computed from (loaded by RoundsService, a few queries). */
export interface StandingInput {
  closesOn: IsoDate;
  /** Today, or the closing day of a closed round. */
  today: IsoDate;
  activities: {
    id: string;
    code: string;
    title: LocalizedText;
    leadId: string | null;
    contributorIds: string[];
  }[];
  institutions: Map<string, InstitutionRef & { id: string; regionCode: string | null }>;
  /** The newest report each administration handed in for each activity in this round. */
  reports: {
    id: string;
    version: number;
    activityId: string;
    institutionId: string;
    state: Exclude<ObligationStatus, 'owed' | 'confirmed'>;
    /** The earliest first submission among its reports for that activity in the round. */
    handedInAt: Date;
    returnComment: string | null;
  }[];
  confirmations: { institutionId: string; kind: ConfirmationKind; at: Date; by: string }[];
}

export interface AdministrationStanding {
  institution: InstitutionRef & { id: string; regionCode: string | null };
  items: RoundChecklistItem[];
  tally: RoundTally;
  lastActivityAt: string | null;
}

const collator = new Intl.Collator('en', { numeric: true });

export const emptyTally = (): RoundTally => ({
  owed: 0,
  submitted: 0,
  onTime: 0,
  late: 0,
  validated: 0,
  returned: 0,
  missing: 0,
  overdue: 0,
  completion: 0,
});

function count(tally: RoundTally, item: RoundChecklistItem, pastDeadline: boolean): void {
  tally.owed += 1;
  if (item.status === 'owed') {
    tally.missing += 1;
    if (pastDeadline) {
      tally.overdue += 1;
      tally.late += 1;
    }
    return;
  }
  tally.submitted += 1;
  if (item.onTime) tally.onTime += 1;
  else tally.late += 1;
  if (item.status === 'validated') tally.validated += 1;
  if (item.status === 'returned') tally.returned += 1;
}

/** Completion: the share of obligations handed in and not returned, in percent, one decimal. */
function complete(tally: RoundTally): RoundTally {
  const done = tally.submitted - tally.returned;
  tally.completion = tally.owed ? Math.round((1000 * done) / tally.owed) / 10 : 0;
  return tally;
}

export function addTally(into: RoundTally, from: RoundTally): RoundTally {
  for (const key of Object.keys(into) as (keyof RoundTally)[]) if (key !== 'completion') into[key] += from[key];
  return complete(into);
}

/**
 * What each administration owes in a round and where it stands: a report on every activity in
 * scope that it leads or contributes to, and the two confirmations. Only administrations that
 * take part in an activity in scope owe anything.
 */
export function computeStanding(input: StandingInput): AdministrationStanding[] {
  const onTime = (at: Date) => todayInMorocco(at) <= input.closesOn;
  const pastDeadline = input.today > input.closesOn;
  const reports = new Map(input.reports.map((r) => [`${r.activityId}/${r.institutionId}`, r]));
  const confirmations = new Map(input.confirmations.map((c) => [`${c.institutionId}/${c.kind}`, c]));
  const byInstitution = new Map<string, AdministrationStanding>();

  const standingOf = (id: string): AdministrationStanding | null => {
    const institution = input.institutions.get(id);
    if (!institution) return null; // inactive or gone: owes nothing
    let standing = byInstitution.get(id);
    if (!standing) {
      standing = { institution, items: [], tally: emptyTally(), lastActivityAt: null };
      byInstitution.set(id, standing);
    }
    return standing;
  };
  const touch = (standing: AdministrationStanding, at: Date) => {
    const iso = at.toISOString();
    if (!standing.lastActivityAt || iso > standing.lastActivityAt) standing.lastActivityAt = iso;
  };

  for (const activity of input.activities) {
    const parts: [string, 'lead' | 'contributor'][] = [
      ...(activity.leadId ? [[activity.leadId, 'lead'] as [string, 'lead']] : []),
      ...activity.contributorIds
        .filter((id) => id !== activity.leadId)
        .map((id) => [id, 'contributor'] as [string, 'contributor']),
    ];
    for (const [institutionId, involvement] of parts) {
      const standing = standingOf(institutionId);
      if (!standing) continue;
      const report = reports.get(`${activity.id}/${institutionId}`);
      if (report) touch(standing, report.handedInAt);
      standing.items.push({
        kind: 'report',
        activity: { id: activity.id, code: activity.code, title: activity.title, involvement },
        status: report?.state ?? 'owed',
        reportId: report?.id ?? null,
        reportVersion: report?.version ?? null,
        handedInAt: report?.handedInAt.toISOString() ?? null,
        onTime: report ? onTime(report.handedInAt) : pastDeadline ? false : null,
        returnComment: report?.state === 'returned' ? report.returnComment : null,
        by: null,
      });
    }
  }
  for (const standing of byInstitution.values()) {
    for (const kind of CONFIRMATION_KINDS) {
      const confirmation = confirmations.get(`${standing.institution.id}/${kind}`);
      if (confirmation) touch(standing, confirmation.at);
      standing.items.push({
        kind,
        activity: null,
        status: confirmation ? 'confirmed' : 'owed',
        reportId: null,
        reportVersion: null,
        handedInAt: confirmation?.at.toISOString() ?? null,
        onTime: confirmation ? onTime(confirmation.at) : pastDeadline ? false : null,
        returnComment: null,
        by: confirmation?.by ?? null,
      });
    }
    for (const item of standing.items) count(standing.tally, item, pastDeadline);
    complete(standing.tally);
  }
  return [...byInstitution.values()].sort((a, b) => collator.compare(a.institution.code, b.institution.code));
}

export function totalOf(standings: AdministrationStanding[]): RoundTally {
  return standings.reduce((total, s) => addTally(total, s.tally), complete(emptyTally()));
}

/** Standings grouped by a key (type, region), the groups in key order. */
export function groupStandings(
  standings: AdministrationStanding[],
  keyOf: (s: AdministrationStanding) => string,
  labelOf: (key: string) => InstitutionRef | null,
): RoundGroupRow[] {
  const groups = new Map<string, RoundGroupRow>();
  for (const standing of standings) {
    const key = keyOf(standing);
    let group = groups.get(key);
    if (!group) {
      group = { key, label: labelOf(key), administrations: 0, tally: emptyTally() };
      groups.set(key, group);
    }
    group.administrations += 1;
    addTally(group.tally, standing.tally);
  }
  return [...groups.values()].sort((a, b) => collator.compare(a.key, b.key));
}

export function administrationRow(standing: AdministrationStanding): RoundAdministrationRow {
  const { code, name, type, regionCode } = standing.institution;
  return {
    institution: { code, name, type },
    regionCode,
    tally: standing.tally,
    lastActivityAt: standing.lastActivityAt,
  };
}
