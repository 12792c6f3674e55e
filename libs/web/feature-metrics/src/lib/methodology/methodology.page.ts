import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import {
  COMPLETENESS_CRITERIA,
  COMPLETENESS_POINTS,
  compositeScore,
  DESCRIPTION_MIN_LENGTH,
  FORMAT_STARS,
  FREQUENCIES,
  FRESHNESS_STATUSES,
  FRESHNESS_THRESHOLDS,
  MACHINE_READABLE_MIN_STARS,
  NEW_DATASET_WINDOW_DAYS,
  OPEN_LICENCES,
  SCORE_COMPONENTS,
  SCORE_WEIGHTS,
  TRAFFIC_LIGHT_INPUTS,
  UP_TO_DATE_STATUSES,
  type Frequency,
  type FreshnessStatus,
  type ScoreComponent,
  type TrafficLightInput,
} from '@marsad/contracts';
import { LocaleService } from '@marsad/web/data-access';
import {
  formatNumber,
  isShare,
  LocaleNumberPipe,
  LocalePercentPipe,
  NOT_MEASURED_KEYS,
  thresholdBounds,
  TRAFFIC_LIGHT_INPUT_KEYS,
  TRAFFIC_LIGHT_KEYS,
} from '@marsad/web/ui';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import {
  COMPONENT_HINT_KEYS,
  COMPONENT_KEYS,
  CRITERION_KEYS,
  FRESHNESS_KEYS,
  FREQUENCY_KEYS,
} from '../shared/metrics-labels';

/** Formats grouped by their stars, most open first. */
export function formatsByStars(
  table: Readonly<Record<string, number>> = FORMAT_STARS,
): { stars: number; formats: string[] }[] {
  const groups = new Map<number, string[]>();
  for (const [format, stars] of Object.entries(table)) groups.set(stars, [...(groups.get(stars) ?? []), format]);
  return [...groups.entries()].sort((a, b) => b[0] - a[0]).map(([stars, formats]) => ({ stars, formats }));
}

const STATUS_HINT_KEYS: Record<FreshnessStatus, string> = {
  fresh: 'metrics.methodology.statusHints.fresh',
  due: 'metrics.methodology.statusHints.due',
  overdue: 'metrics.methodology.statusHints.overdue',
  delinquent: 'metrics.methodology.statusHints.delinquent',
  not_applicable: 'metrics.methodology.statusHints.not_applicable',
  unknown: 'metrics.methodology.statusHints.unknown',
};

/** What each input of the traffic light measures. */
const LIGHT_HINT_KEYS: Record<TrafficLightInput, string> = {
  plan: 'trafficLight.methodology.planHint',
  reporting: 'trafficLight.methodology.reportingHint',
  publication: 'trafficLight.methodology.publicationHint',
};

/** An illustrative administration, computed by the very function the API applies. */
export const EXAMPLE_COMPONENTS: Record<ScoreComponent, number | null> = {
  openness: 60,
  metadata: 80,
  freshness: 50,
  inventory: null,
};

/** How every figure is computed, rendered from the constants the API applies (libs/shared/contracts methodology.ts). */
@Component({
  selector: 'msd-methodology-page',
  imports: [RouterLink, TranslatePipe, LocaleNumberPipe, LocalePercentPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './methodology.page.html',
  styleUrls: ['../shared/metrics.scss', './methodology.page.scss'],
})
export class MethodologyPage {
  protected readonly locale = inject(LocaleService).locale;
  private readonly translate = inject(TranslateService);
  private readonly texts = toSignal(this.translate.onLangChange, { initialValue: null });
  protected readonly statusHintKeys = STATUS_HINT_KEYS;
  protected readonly componentKeys = COMPONENT_KEYS;
  protected readonly componentHintKeys = COMPONENT_HINT_KEYS;
  protected readonly criterionKeys = CRITERION_KEYS;
  protected readonly frequencyKeys = FREQUENCY_KEYS;
  protected readonly freshnessKeys = FRESHNESS_KEYS;

  protected readonly starGroups = formatsByStars();
  protected readonly machineReadableMin = MACHINE_READABLE_MIN_STARS;
  protected readonly licences = OPEN_LICENCES;
  protected readonly thresholds = FREQUENCIES.flatMap((f) => {
    const t = FRESHNESS_THRESHOLDS[f];
    return t ? [{ frequency: f, ...t }] : [];
  });
  protected readonly notApplicable: Frequency[] = FREQUENCIES.filter((f) => !FRESHNESS_THRESHOLDS[f]);
  protected readonly statuses = FRESHNESS_STATUSES;
  protected readonly upToDate = UP_TO_DATE_STATUSES;
  protected readonly criteria = COMPLETENESS_CRITERIA.map((c) => ({
    criterion: c,
    key: CRITERION_KEYS[c],
    points: COMPLETENESS_POINTS[c],
  }));
  protected readonly completenessTotal = COMPLETENESS_CRITERIA.reduce((sum, c) => sum + COMPLETENESS_POINTS[c], 0);
  protected readonly descriptionMin = DESCRIPTION_MIN_LENGTH;
  protected readonly weights = SCORE_COMPONENTS.map((c) => ({ component: c, weight: SCORE_WEIGHTS[c] }));
  protected readonly weightTotal = SCORE_COMPONENTS.reduce((sum, c) => sum + SCORE_WEIGHTS[c], 0);
  protected readonly newWindow = NEW_DATASET_WINDOW_DAYS;
  protected readonly example = compositeScore(10, EXAMPLE_COMPONENTS);

  /** The traffic light's thresholds, read from TRAFFIC_LIGHT_THRESHOLDS (libs/shared/contracts traffic-light.ts). */
  protected readonly lightColumns = ['green', 'amber', 'red'] as const;
  protected readonly lightRows = TRAFFIC_LIGHT_INPUTS.map((input) => ({
    input,
    hintKey: LIGHT_HINT_KEYS[input],
    share: isShare(input),
    bounds: thresholdBounds(input),
  }));
  protected readonly lightKeys = TRAFFIC_LIGHT_KEYS;
  protected readonly lightInputKeys = TRAFFIC_LIGHT_INPUT_KEYS;
  protected readonly notMeasuredKeys = Object.values(NOT_MEASURED_KEYS);

  /** The programme's monthly and annual thresholds, read from the table (formatted for the reader). */
  protected readonly programme = computed(() => {
    const locale = this.locale();
    const m = FRESHNESS_THRESHOLDS.monthly;
    const a = FRESHNESS_THRESHOLDS.annual;
    const n = (v: number | undefined) => formatNumber(v, locale);
    return {
      m1: n(m?.due),
      m2: n(m?.overdue),
      m3: n(m?.delinquent),
      a1: n(a?.due),
      a2: n(a?.overdue),
      a3: n(a?.delinquent),
    };
  });

  /** "fresh or due", from UP_TO_DATE_STATUSES. */
  protected readonly upToDateLabel = computed(() => {
    this.texts();
    const names = this.upToDate.map((s) => this.translate.instant(FRESHNESS_KEYS[s]) as string);
    return names.join(this.translate.instant('metrics.methodology.or') as string);
  });
}
