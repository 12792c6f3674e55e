import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { LocalePercentPipe } from '../pipes/locale-format.pipes';

/** A progress bar with its figure written beside it. */
@Component({
  selector: 'msd-progress',
  imports: [LocalePercentPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="msd-progress" [class.msd-progress--large]="size() === 'large'">
      <div
        class="msd-progress__track"
        role="progressbar"
        aria-valuemin="0"
        aria-valuemax="100"
        [attr.aria-valuenow]="value()"
        [attr.aria-valuetext]="value() === null ? '–' : (value() | msdPercent)"
        [attr.aria-label]="label() || null"
      >
        <div class="msd-progress__fill" [style.inline-size.%]="value() ?? 0"></div>
      </div>
      <span class="msd-progress__figure" aria-hidden="true">{{ value() === null ? '–' : (value() | msdPercent) }}</span>
    </div>
  `,
  styles: `
    .msd-progress {
      display: flex;
      align-items: center;
      gap: 0.5rem;
      min-inline-size: 0;
    }
    .msd-progress__track {
      flex: 1;
      block-size: 0.5rem;
      border-radius: 999px;
      overflow: hidden;
      background: var(--msd-track, #e3e6ea);
      min-inline-size: 3rem;
    }
    .msd-progress__fill {
      block-size: 100%;
      background: var(--msd-accent, #1b6b3a);
      border-radius: inherit;
    }
    .msd-progress__figure {
      font-variant-numeric: tabular-nums;
      min-inline-size: 3.5rem;
      text-align: end;
      font-weight: 600;
    }
    .msd-progress--large .msd-progress__track {
      block-size: 0.9rem;
    }
    @media print {
      .msd-progress__fill {
        print-color-adjust: exact;
        -webkit-print-color-adjust: exact;
      }
    }
  `,
})
export class ProgressWithLabel {
  readonly value = input<number | null>(null);
  readonly label = input<string>('');
  readonly size = input<'normal' | 'large'>('normal');
}
