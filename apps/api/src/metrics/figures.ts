import {
  COMPLETENESS_CRITERIA,
  FRESHNESS_STATUSES,
  UP_TO_DATE_STATUSES,
  compositeScore,
  round1,
  type CompletenessCriterion,
  type FreshnessStatus,
  type PublicationFigures,
} from '@marsad/contracts';

/** Counts for one administration (or the whole portal), as the aggregate queries return them. */
export interface DatasetAggregate {
  datasets: number;
  newDatasets: number;
  resources: number;
  /** Sum of stars and of completeness points, so means can be computed exactly. */
  starsSum: number;
  stars: [number, number, number, number, number, number];
  machineReadable: number;
  openLicence: number;
  completenessSum: number;
  criteria: Record<CompletenessCriterion, number>;
  freshness: Record<FreshnessStatus, number>;
}

export interface InventoryAggregate {
  inventoried: number;
  published: number;
  fresh: number;
  due: number;
  onTime: number;
}

export const EMPTY_DATASETS: DatasetAggregate = {
  datasets: 0,
  newDatasets: 0,
  resources: 0,
  starsSum: 0,
  stars: [0, 0, 0, 0, 0, 0],
  machineReadable: 0,
  openLicence: 0,
  completenessSum: 0,
  criteria: Object.fromEntries(COMPLETENESS_CRITERIA.map((c) => [c, 0])) as Record<CompletenessCriterion, number>,
  freshness: Object.fromEntries(FRESHNESS_STATUSES.map((s) => [s, 0])) as Record<FreshnessStatus, number>,
};

export const EMPTY_INVENTORY: InventoryAggregate = { inventoried: 0, published: 0, fresh: 0, due: 0, onTime: 0 };

/** n ÷ d as a percentage with one decimal; null when there is nothing to divide by. */
export const share = (n: number, d: number): number | null => (d > 0 ? round1((100 * n) / d) : null);

/**
 * The published figures and the composite score, from the counts. Every rule
 * is in @marsad/contracts (methodology.ts) and on the methodology page.
 */
export function buildFigures(
  data: DatasetAggregate,
  inventory: InventoryAggregate,
  formats: { format: string; datasets: number }[],
): PublicationFigures {
  const n = data.datasets;
  const meanStars = n > 0 ? round1(data.starsSum / n) : null;
  const meanCompleteness = n > 0 ? round1(data.completenessSum / n) : null;
  const assessed = FRESHNESS_STATUSES.filter((s) => s !== 'not_applicable' && s !== 'unknown').reduce(
    (sum, s) => sum + data.freshness[s],
    0,
  );
  const upToDate = UP_TO_DATE_STATUSES.reduce((sum, s) => sum + data.freshness[s], 0);
  const upToDateShare = share(upToDate, assessed);
  const coverage = share(inventory.published, inventory.inventoried);
  const score = compositeScore(n, {
    // Unrounded inputs, so the score does not depend on display rounding.
    openness: n > 0 ? (data.starsSum / n / 5) * 100 : null,
    metadata: n > 0 ? data.completenessSum / n : null,
    freshness: assessed > 0 ? (100 * upToDate) / assessed : null,
    inventory: inventory.inventoried > 0 ? (100 * inventory.published) / inventory.inventoried : null,
  });
  return {
    datasets: n,
    newDatasets: data.newDatasets,
    resources: data.resources,
    openness: {
      meanStars,
      stars: {
        0: data.stars[0],
        1: data.stars[1],
        2: data.stars[2],
        3: data.stars[3],
        4: data.stars[4],
        5: data.stars[5],
      },
      machineReadableShare: share(data.machineReadable, n),
      openLicenceShare: share(data.openLicence, n),
    },
    formats: [...formats].sort((a, b) => b.datasets - a.datasets || a.format.localeCompare(b.format)),
    completeness: {
      mean: meanCompleteness,
      byCriterion: Object.fromEntries(COMPLETENESS_CRITERIA.map((c) => [c, share(data.criteria[c], n)])) as Record<
        CompletenessCriterion,
        number | null
      >,
    },
    freshness: { ...data.freshness, upToDateShare },
    inventory: {
      ...inventory,
      coverage,
      scheduleKeeping: share(inventory.onTime, inventory.due),
    },
    score,
  };
}
