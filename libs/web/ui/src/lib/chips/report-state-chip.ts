import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { ProgressUpdateState } from '@marsad/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { REPORT_STATE_GLYPHS, REPORT_STATE_LABEL_KEYS } from './labels';

/** Where a progress report stands in validation: draft, submitted (awaiting ADD), validated, returned. Glyph and text. */
@Component({
  selector: 'msd-report-state-chip',
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
      padding: 0.1rem 0.55rem;
      border-radius: 4px;
      font-size: 0.78rem;
      font-weight: 600;
      line-height: 1.4;
      white-space: nowrap;
      border: 1px dashed currentColor;
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
  template: `<span class="msd-chip msd-report-{{ state() }}">
    <span aria-hidden="true">{{ glyph() }}</span><span>{{ labelKey() | translate }}</span>
  </span>`,
})
export class ReportStateChip {
  readonly state = input.required<ProgressUpdateState>();
  protected readonly glyph = computed(() => REPORT_STATE_GLYPHS[this.state()]);
  protected readonly labelKey = computed(() => REPORT_STATE_LABEL_KEYS[this.state()]);
}
