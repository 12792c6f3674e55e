import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { ActivityStatus, Health, ProgressUpdateState } from '@marsad/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import {
  HEALTH_GLYPHS,
  HEALTH_LABEL_KEYS,
  HEALTH_NONE_KEY,
  REPORT_STATE_GLYPHS,
  REPORT_STATE_LABEL_KEYS,
  STATUS_GLYPHS,
  STATUS_LABEL_KEYS,
} from './labels';

/**
 * The one chip for a state: an activity's `<msd-status-chip [status]>` or `<msd-health-chip [health]>`, or a
 * progress report's validation `<msd-report-state-chip [reportState]>` (square, dashed until validated).
 * The tags stay so pages, tests and styles that look for them keep working. Glyph and text, never colour alone.
 */
@Component({
  selector: 'msd-status-chip, msd-health-chip, msd-report-state-chip',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host {
      display: inline-flex;
    }
    .msd-chip {
      display: inline-flex;
      align-items: center;
      gap: 0.35rem;
      padding: 0.15rem 0.6rem;
      border-radius: 999px;
      font-size: 0.8rem;
      font-weight: 600;
      line-height: 1.4;
      white-space: nowrap;
      border: 1px solid currentColor;
    }
    .msd-chip__glyph {
      font-size: 0.75rem;
    }
    .msd-status-not_started {
      color: #4d5660;
      background: #f0f2f4;
    }
    .msd-status-in_progress {
      color: #174d9c;
      background: #e8f0fc;
    }
    .msd-status-completed {
      color: #1f5e23;
      background: #e7f4e8;
    }
    .msd-status-delayed {
      color: #8a3a00;
      background: #fff0e3;
    }
    .msd-status-cancelled {
      color: #74304a;
      background: #f8eaf0;
    }
    .msd-health-on_track {
      color: #1f5e23;
      background: #e7f4e8;
    }
    .msd-health-at_risk {
      color: #7a5200;
      background: #fff6dc;
    }
    .msd-health-late {
      color: #a11d1d;
      background: #fdecec;
    }
    .msd-health-none {
      color: #4d5660;
      background: #f0f2f4;
    }
    .msd-chip--report {
      border-radius: 4px;
      border-style: dashed;
    }
    .msd-report-draft {
      color: #4d5660;
      background: #f0f2f4;
    }
    .msd-report-submitted {
      color: #6b4a00;
      background: #fff6dc;
    }
    .msd-report-validated {
      color: #1f5e23;
      background: #e7f4e8;
      border-style: solid;
    }
    .msd-report-returned {
      color: #a11d1d;
      background: #fdecec;
    }
    @media print {
      .msd-chip {
        print-color-adjust: exact;
        -webkit-print-color-adjust: exact;
      }
    }
  `,
  template: `<span [class]="look().classes">
    <span class="msd-chip__glyph" aria-hidden="true">{{ look().glyph }}</span>
    <span class="msd-chip__label">{{ look().labelKey | translate }}</span>
  </span>`,
})
export class StateChip {
  /** A status: the chip shows it. */
  readonly status = input<ActivityStatus | null>(null);
  /** A health, when no status is given; none at all reads "no health". */
  readonly health = input<Health | null>(null);
  /** A progress report's validation state, when neither status nor health is given. */
  readonly reportState = input<ProgressUpdateState | null>(null);

  protected readonly look = computed(() => {
    const reportState = this.reportState();
    if (reportState)
      return {
        classes: `msd-chip msd-chip--report msd-report-${reportState}`,
        glyph: REPORT_STATE_GLYPHS[reportState],
        labelKey: REPORT_STATE_LABEL_KEYS[reportState],
      };
    const status = this.status();
    if (status)
      return {
        classes: `msd-chip msd-status-${status}`,
        glyph: STATUS_GLYPHS[status],
        labelKey: STATUS_LABEL_KEYS[status],
      };
    const health = this.health();
    return health
      ? {
          classes: `msd-chip msd-chip--health msd-health-${health}`,
          glyph: HEALTH_GLYPHS[health],
          labelKey: HEALTH_LABEL_KEYS[health],
        }
      : { classes: 'msd-chip msd-chip--health msd-health-none', glyph: '–', labelKey: HEALTH_NONE_KEY };
  });
}
