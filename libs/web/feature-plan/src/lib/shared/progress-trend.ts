import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import type { IsoDate } from '@marsad/contracts';
import { formatDate, formatNumber, formatPercent, LocaleDatePipe, LocalePercentPipe, MSD_LOCALE } from '@marsad/web/ui';
import { LineChart } from '@marsad/web/ui/chart';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';

/** One day of a progress series (a plan's or a measure's), from the daily snapshots. */
export interface TrendPoint {
  day: IsoDate;
  progress: number | null;
}

/** The sentence beside a trend chart: first and last known figures and the change between them. */
export function trendSummary(
  points: readonly TrendPoint[],
): { first: TrendPoint; last: TrendPoint; change: number } | null {
  const known = points.filter((p) => p.progress !== null);
  if (known.length < 2) return null;
  const first = known[0];
  const last = known[known.length - 1];
  return { first, last, change: Math.round(((last.progress as number) - (first.progress as number)) * 10) / 10 };
}

/**
 * Progress over time as a line (time runs right to left in Arabic: the chart wrapper reverses
 * the axis), with its sentence and its table for those who do not read the canvas. Fewer than
 * two points: a short note instead of an empty chart.
 */
@Component({
  selector: 'msd-progress-trend',
  imports: [TranslatePipe, LineChart, LocaleDatePipe, LocalePercentPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .trend__table {
      max-block-size: 18rem;
      overflow-y: auto;
    }
    .trend__summary {
      margin-block: 0.5rem;
    }
  `,
  template: `
    @if (summary(); as s) {
      <msd-line-chart
        [labels]="labels()"
        [series]="series()"
        [primaryMax]="100"
        [height]="240"
        [ariaLabel]="'trend.aria' | translate: { from: (s.first.day | msdDate), to: (s.last.day | msdDate) }"
      />
      <p class="trend__summary" data-trend-summary>
        {{
          'trend.summary'
            | translate
              : {
                  start: percent(s.first.progress),
                  end: percent(s.last.progress),
                  from: (s.first.day | msdDate),
                  to: (s.last.day | msdDate),
                  change: signed(s.change),
                }
        }}
      </p>
      <details>
        <summary>{{ 'trend.showTable' | translate }}</summary>
        <div class="msd-table-scroll trend__table">
          <table class="msd-table">
            <caption class="msd-visually-hidden">
              {{
                caption()
              }}
            </caption>
            <thead>
              <tr>
                <th scope="col">{{ 'trend.day' | translate }}</th>
                <th scope="col">{{ 'trend.progress' | translate }}</th>
              </tr>
            </thead>
            <tbody>
              @for (p of newestFirst(); track p.day) {
                <tr>
                  <th scope="row">{{ p.day | msdDate: 'short' }}</th>
                  <td>{{ p.progress === null ? ('common.none' | translate) : (p.progress | msdPercent) }}</td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      </details>
    } @else {
      <p class="msd-muted" data-trend-empty>{{ 'trend.empty' | translate }}</p>
    }
  `,
})
export class ProgressTrend {
  readonly points = input.required<readonly TrendPoint[]>();
  /** The table's caption (the section's heading), already translated. */
  readonly caption = input('');

  private readonly locale = inject(MSD_LOCALE);
  private readonly translate = inject(TranslateService);
  // Re-emits once the language's texts are in, so the series label follows the language.
  private readonly seriesLabel = toSignal(this.translate.stream('trend.series'), { initialValue: '' });

  protected readonly summary = computed(() => trendSummary(this.points()));
  protected readonly labels = computed(() => this.points().map((p) => formatDate(p.day, this.locale(), 'short')));
  protected readonly series = computed(() => [
    {
      label: this.seriesLabel() as string,
      data: this.points().map((p) => p.progress),
      color: '#1f63c6',
      percent: true,
    },
  ]);
  protected readonly newestFirst = computed(() => [...this.points()].reverse());

  /** A 0–100 figure in the locale's percent format, for the summary sentence. */
  protected percent(value: number | null): string {
    return formatPercent(value, this.locale());
  }

  protected signed(value: number): string {
    const text = formatNumber(Math.abs(value), this.locale());
    return value > 0 ? `+${text}` : value < 0 ? `−${text}` : text;
  }
}
