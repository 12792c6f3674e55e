/**
 * Fault injection. Each fault kind takes one rule or a list of rules. A rule counts the calls it
 * matches (its `actions` and `params`), and fires on some of them:
 *
 *  - `from` (default 1, or `every` when `every` is set): the 1-based number of the first matching call that may fail;
 *  - `every`: then only every Nth matching call (from, from+N, from+2N, …);
 *  - `share`: instead, a deterministic pseudo-random share (0..1) of the matching calls from `from` on;
 *  - `times` (default unlimited): how many times the rule fires in all.
 *
 * "The 3rd package_search call fails twice, then it works": `{ actions: ['package_search'], from: 3, times: 2 }`
 * (calls 3 and 4 fail, so a client that retries once sees two failures in a row).
 */
import { hash32 } from './rng';

export interface FaultRule {
  /** Actions the rule applies to (default: every action). */
  actions?: string[];
  /** Only calls whose parameters include these values (compared as strings), e.g. `{ start: 1000 }`. */
  params?: Record<string, string | number | boolean>;
  /** 1-based number of the first matching call that fails (default 1, or `every`). */
  from?: number;
  /** Fail every Nth matching call. */
  every?: number;
  /** Fail this share (0..1) of the matching calls, chosen deterministically. */
  share?: number;
  /** Fire at most this many times (default: no limit). */
  times?: number;
}

export interface Http500Rule extends FaultRule {
  /** HTTP status (default 500; 502/503 are useful too). */
  status?: number;
  /** Body (default: CKAN's HTML "Internal Server Error" page). */
  body?: string;
  /** Content type of the body (default `text/html; charset=utf-8`). */
  contentType?: string;
}

export interface SuccessFalseRule extends FaultRule {
  /** HTTP status of the answer (default 200: some portals answer errors so). */
  status?: number;
  /** The `error` object (default `{ __type: 'Internal Error', message: 'Simulated failure' }`). */
  error?: Record<string, unknown>;
}

export interface TruncatedJsonRule extends FaultRule {
  /** Bytes of the body to send (default: half of it). */
  bytes?: number;
  /**
   * false (default): a complete HTTP answer whose body is cut JSON (Content-Length matches) → a JSON parse error.
   * true: announce the full length, send part, then destroy the socket → a network error mid-body.
   */
  abort?: boolean;
}

/** A call that is never answered (the socket stays open until the client gives up or the server closes). */
export type TimeoutRule = FaultRule;

export interface Faults {
  /** Delay before every answer, in milliseconds. */
  latencyMs?: number;
  http500?: Http500Rule | Http500Rule[];
  timeout?: TimeoutRule | TimeoutRule[];
  truncatedJson?: TruncatedJsonRule | TruncatedJsonRule[];
  successFalse?: SuccessFalseRule | SuccessFalseRule[];
  /**
   * These dataset indexes (0-based, as in the catalogue) are served with wrong types wherever they
   * appear (package_search, package_show): `resources` is a string, `tags` an object,
   * `metadata_modified` a number (epoch seconds), `num_resources` a string, `extras` an object, `organization` a string.
   */
  wrongTypes?: { datasetIndexes: number[] };
}

export type FaultKind = 'timeout' | 'http500' | 'successFalse' | 'truncatedJson';

export interface FiredFault {
  kind: FaultKind;
  rule: FaultRule;
}

interface RuleState {
  kind: FaultKind;
  rule: FaultRule;
  ordinal: number;
  seen: number;
  fired: number;
}

/** Order of precedence when several rules fire on the same call. */
const KINDS: FaultKind[] = ['timeout', 'http500', 'successFalse', 'truncatedJson'];

export class FaultPlan {
  private rules: RuleState[] = [];
  readonly faults: Faults;
  readonly wrongTypes: ReadonlySet<number>;

  constructor(faults: Faults = {}) {
    this.faults = faults;
    this.wrongTypes = new Set(faults.wrongTypes?.datasetIndexes ?? []);
    let ordinal = 0;
    for (const kind of KINDS) {
      const value = faults[kind];
      const list: FaultRule[] = value === undefined ? [] : Array.isArray(value) ? value : [value];
      for (const rule of list) this.rules.push({ kind, rule, ordinal: ordinal++, seen: 0, fired: 0 });
    }
  }

  get latencyMs(): number {
    return this.faults.latencyMs ?? 0;
  }

  /** Count this call against every rule; return the fault to inject, if any. */
  next(action: string, params: Record<string, unknown>): FiredFault | undefined {
    let chosen: FiredFault | undefined;
    for (const state of this.rules) {
      const { rule } = state;
      if (rule.actions && !rule.actions.includes(action)) continue;
      if (rule.params && !Object.entries(rule.params).every(([k, v]) => paramString(params[k]) === String(v))) continue;
      const n = ++state.seen;
      if (rule.times !== undefined && state.fired >= rule.times) continue;
      const from = rule.from ?? rule.every ?? 1;
      if (n < from) continue;
      let fires: boolean;
      if (rule.every) fires = (n - from) % rule.every === 0;
      else if (rule.share !== undefined) fires = hash32(state.ordinal, n, 0x5a) / 4294967296 < rule.share;
      else fires = true;
      if (!fires) continue;
      state.fired++;
      if (!chosen) chosen = { kind: state.kind, rule };
    }
    return chosen;
  }
}

function paramString(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
}
