import type { PartialLocalizedText } from './locale';
import type { IsoDate } from './plan';

/**
 * An administration's traffic light: one look at how it keeps up with the programme, from three
 * inputs, each judged against its own thresholds. One pure function read by the API (which
 * computes) and the web (which explains it on the methodology page).
 *
 * - `plan`: the share of the plan activities it leads that are late (the plan's own rule: not
 *   completed, not cancelled, due date passed);
 * - `reporting`: its punctuality in the last closed reporting round, the share of what it owed
 *   (reports and confirmations) handed in by the closing date;
 * - `publication`: its publication score in the newest metrics snapshot (0–100).
 *
 * The light is the worst of the inputs that could be measured; an input that cannot be measured
 * (it leads no activity, owed nothing in the round, has no portal organisation…) is said to be
 * "not measured" and the light is decided from the others. None measured: grey, "not measured".
 */
export const TRAFFIC_LIGHTS = ['green', 'amber', 'red', 'grey'] as const;
export type TrafficLight = (typeof TRAFFIC_LIGHTS)[number];

export const TRAFFIC_LIGHT_INPUTS = ['plan', 'reporting', 'publication'] as const;
export type TrafficLightInput = (typeof TRAFFIC_LIGHT_INPUTS)[number];

/** One input's verdict: a colour, or not measured. */
export type InputLight = 'green' | 'amber' | 'red' | 'not_measured';

/**
 * The thresholds, in percent (score points for `publication`).
 * - `plan` (lower is better): late share ≤ `green` → green; ≤ `amber` → amber; above → red.
 * - `reporting` and `publication` (higher is better): ≥ `green` → green; ≥ `amber` → amber; below → red.
 */
export const TRAFFIC_LIGHT_THRESHOLDS = {
  plan: { green: 0, amber: 25, better: 'lower' },
  reporting: { green: 90, amber: 60, better: 'higher' },
  publication: { green: 60, amber: 40, better: 'higher' },
} as const satisfies Record<TrafficLightInput, { green: number; amber: number; better: 'lower' | 'higher' }>;

/** Why an input could not be measured. */
export type NotMeasuredReason =
  /** plan: it leads no activity that counts (none, or all cancelled). */
  | 'leads_no_activity'
  /** reporting: no reporting round has been closed yet. */
  | 'no_closed_round'
  /** reporting: it owed nothing in the last closed round. */
  | 'owed_nothing'
  /** publication: no metrics snapshot yet (no harvest). */
  | 'no_snapshot'
  /** publication: not matched to a portal organisation. */
  | 'no_portal_org'
  /** publication: matched, but no dataset on the portal, so no score. */
  | 'no_dataset';

/** The facts the light is computed from, each with where it comes from and as of when. */
export interface TrafficLightFacts {
  plan: {
    /** Activities it leads, cancelled ones left out. */
    led: number;
    /** Of those, late on `asOf`. */
    late: number;
    /** The day lateness is judged on (today). */
    asOf: IsoDate;
    planCode: string | null;
  };
  /** null: no round has been closed yet. */
  reporting: {
    round: { id: string; name: PartialLocalizedText; closesOn: IsoDate };
    /** What it owed in the round (reports and confirmations); 0 when it took no part. */
    owed: number;
    onTime: number;
    /** When the round was closed (its figures are frozen then). */
    asOf: string;
  } | null;
  /** null: no metrics snapshot yet. */
  publication: {
    /** Matched to a portal organisation. */
    mapped: boolean;
    /** Its score in the snapshot; null when it has none (no dataset, or not in the snapshot). */
    score: number | null;
    /** The snapshot's day. */
    day: IsoDate;
    /** When the snapshot was computed. */
    asOf: string;
  } | null;
}

/** One input as judged: its verdict, the figure compared, and where and when it comes from. */
export interface TrafficLightInputResult {
  input: TrafficLightInput;
  light: InputLight;
  /** The figure compared with the thresholds (late share %, punctuality %, score); null when not measured. */
  value: number | null;
  /** For `plan`: late of led; for `reporting`: on time of owed. */
  count: number | null;
  of: number | null;
  notMeasured: NotMeasuredReason | null;
  /** As of when: a day (plan, publication) or the round's closing time. */
  asOf: string | null;
  source:
    | { kind: 'plan'; planCode: string | null }
    | { kind: 'round'; roundId: string; name: PartialLocalizedText; closesOn: IsoDate }
    | { kind: 'snapshot'; day: IsoDate }
    | null;
}

/** A reason for amber or red: which input, how it stands, and the threshold it missed. */
export interface TrafficLightReason {
  input: TrafficLightInput;
  light: 'amber' | 'red';
  value: number;
  /** The bound it failed to meet: the green bound for amber, the amber bound for red. */
  threshold: number;
}

/** The compact form, for lists: the light, why, and as of when. */
export interface TrafficLightSummary {
  light: TrafficLight;
  /** The inputs that made it amber or red, worst first; empty when green or grey. */
  reasons: TrafficLightReason[];
  /** The newest date among the measured inputs; null when none was measured. */
  asOf: string | null;
}

/** The light with every input as judged. */
export interface TrafficLightResult extends TrafficLightSummary {
  inputs: TrafficLightInputResult[];
}

/** GET /api/v1/institutions/:code/traffic-light. */
export interface TrafficLightReport extends TrafficLightResult {
  institution: { code: string };
}

const round1 = (value: number) => Math.round(value * 10) / 10;

/** One input's colour from its value and thresholds. */
export function inputLight(input: TrafficLightInput, value: number): 'green' | 'amber' | 'red' {
  const t = TRAFFIC_LIGHT_THRESHOLDS[input];
  if (t.better === 'lower') return value <= t.green ? 'green' : value <= t.amber ? 'amber' : 'red';
  return value >= t.green ? 'green' : value >= t.amber ? 'amber' : 'red';
}

function judge(
  input: TrafficLightInput,
  value: number | null,
  notMeasured: NotMeasuredReason | null,
  rest: Pick<TrafficLightInputResult, 'count' | 'of' | 'asOf' | 'source'>,
): TrafficLightInputResult {
  if (value === null || notMeasured) {
    return { input, light: 'not_measured', value: null, notMeasured: notMeasured ?? 'no_snapshot', ...rest };
  }
  return { input, light: inputLight(input, value), value, notMeasured: null, ...rest };
}

/** Each input as judged, in TRAFFIC_LIGHT_INPUTS order. */
export function trafficLightInputs(facts: TrafficLightFacts): TrafficLightInputResult[] {
  const { plan, reporting, publication } = facts;
  const planResult = judge(
    'plan',
    plan.led > 0 ? round1((100 * plan.late) / plan.led) : null,
    plan.led > 0 ? null : 'leads_no_activity',
    {
      count: plan.led > 0 ? plan.late : null,
      of: plan.led > 0 ? plan.led : null,
      asOf: plan.asOf,
      source: { kind: 'plan', planCode: plan.planCode },
    },
  );
  const reportingResult = judge(
    'reporting',
    reporting && reporting.owed > 0 ? round1((100 * reporting.onTime) / reporting.owed) : null,
    !reporting ? 'no_closed_round' : reporting.owed > 0 ? null : 'owed_nothing',
    {
      count: reporting && reporting.owed > 0 ? reporting.onTime : null,
      of: reporting && reporting.owed > 0 ? reporting.owed : null,
      asOf: reporting?.asOf ?? null,
      source: reporting
        ? { kind: 'round', roundId: reporting.round.id, name: reporting.round.name, closesOn: reporting.round.closesOn }
        : null,
    },
  );
  const publicationResult = judge(
    'publication',
    publication?.mapped && publication.score !== null ? publication.score : null,
    !publication
      ? 'no_snapshot'
      : !publication.mapped
        ? 'no_portal_org'
        : publication.score === null
          ? 'no_dataset'
          : null,
    {
      count: null,
      of: null,
      asOf: publication?.asOf ?? null,
      source: publication ? { kind: 'snapshot', day: publication.day } : null,
    },
  );
  return [planResult, reportingResult, publicationResult];
}

const SEVERITY: Record<'green' | 'amber' | 'red', number> = { green: 0, amber: 1, red: 2 };

/**
 * The traffic light from its facts: the worst measured input (grey when none is measured), the
 * inputs that made it amber or red (worst first, then in input order), and as of when.
 */
export function trafficLight(facts: TrafficLightFacts): TrafficLightResult {
  const inputs = trafficLightInputs(facts);
  const measured = inputs.filter(
    (i): i is TrafficLightInputResult & { light: 'green' | 'amber' | 'red'; value: number } =>
      i.light !== 'not_measured',
  );
  const light: TrafficLight = measured.length
    ? measured.reduce<'green' | 'amber' | 'red'>(
        (worst, i) => (SEVERITY[i.light] > SEVERITY[worst] ? i.light : worst),
        'green',
      )
    : 'grey';
  const reasons: TrafficLightReason[] = measured
    .filter((i) => i.light !== 'green')
    .sort((a, b) => SEVERITY[b.light] - SEVERITY[a.light])
    .map((i) => {
      const t = TRAFFIC_LIGHT_THRESHOLDS[i.input];
      const reasonLight = i.light as 'amber' | 'red';
      return {
        input: i.input,
        light: reasonLight,
        value: i.value,
        threshold: reasonLight === 'amber' ? t.green : t.amber,
      };
    });
  const asOf = measured.reduce<string | null>(
    (newest, i) => (i.asOf && (!newest || i.asOf > newest) ? i.asOf : newest),
    null,
  );
  return { light, reasons, asOf, inputs };
}
