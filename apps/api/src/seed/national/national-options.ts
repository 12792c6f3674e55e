import type { IsoDate } from '@marsad/contracts';
import { addDays } from '../../common/time/today';

/**
 * What `npm run db:generate:national` makes: a national year of the plan, anchored on a fixed
 * "as of" day so that two runs with the same options write the same rows.
 */
export interface NationalOptions {
  /** The last day of the generated year (Morocco's calendar); nothing happens after 18:00 that day. */
  asOf: IsoDate;
  /** Multiplies every volume (officers, reports, datasets…); 1 is the national size. */
  scale: number;
  /** Seed of every pseudo-random draw (md5 of the seed and the row's key). */
  seed: number;
}

export const DEFAULT_NATIONAL_OPTIONS: NationalOptions = { asOf: '2026-12-01', scale: 1, seed: 2026 };

/** The volumes at scale 1 (the figures). Calendar structure (rounds, meetings, days) does not scale. */
export const NATIONAL_VOLUMES = {
  appointments: 5_000,
  reports: 20_000,
  actionItems: 300,
  events: 300,
  participations: 20_000,
  reuses: 500,
  datasets: 200_000,
  auditEvents: 200_000,
  notifications: 50_000,
} as const;

export type NationalVolumes = Record<keyof typeof NATIONAL_VOLUMES, number>;

/** Fixed structure of the year. */
export const NATIONAL_STRUCTURE = {
  rounds: 4,
  meetings: 12,
  snapshotDays: 365,
} as const;

/** The password of every generated account (documented in the README; a test data set, never production). */
export const NATIONAL_PASSWORD = 'Marsad-National-2026';
/** The reserved domain of every generated person's address. */
export const NATIONAL_DOMAIN = 'national.example.ma';
/** The app setting that records what was generated (and refuses a second run). */
export const NATIONAL_SETTING_KEY = 'national_data_set';

export function volumesFor(scale: number): NationalVolumes {
  return Object.fromEntries(
    Object.entries(NATIONAL_VOLUMES).map(([key, value]) => [key, Math.max(1, Math.round(value * scale))]),
  ) as NationalVolumes;
}

export class NationalOptionsError extends Error {}

/** `--as-of YYYY-MM-DD`, `--scale 0.01`, `--seed 7` (also `--name=value`). */
export function parseNationalOptions(argv: readonly string[]): NationalOptions {
  const value = (name: string): string | undefined => {
    const inline = argv.find((arg) => arg.startsWith(`--${name}=`));
    if (inline) return inline.slice(name.length + 3);
    const index = argv.indexOf(`--${name}`);
    return index >= 0 ? argv[index + 1] : undefined;
  };
  const options = { ...DEFAULT_NATIONAL_OPTIONS };
  const asOf = value('as-of');
  if (asOf !== undefined) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || addDays(asOf, 0) !== asOf)
      throw new NationalOptionsError(`--as-of needs a date (YYYY-MM-DD), not "${asOf}".`);
    options.asOf = asOf;
  }
  const scale = value('scale');
  if (scale !== undefined) {
    const n = Number(scale);
    if (!Number.isFinite(n) || n <= 0 || n > 10)
      throw new NationalOptionsError(`--scale needs a number above 0 and at most 10, not "${scale}".`);
    options.scale = n;
  }
  const seed = value('seed');
  if (seed !== undefined) {
    const n = Number(seed);
    if (!Number.isSafeInteger(n) || n < 0)
      throw new NationalOptionsError(`--seed needs a whole number, not "${seed}".`);
    options.seed = n;
  }
  return options;
}
