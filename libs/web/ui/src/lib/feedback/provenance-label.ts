import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { Provenance } from '@marsad/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { FIGURE_SOURCE_LABEL_KEYS } from '../chips/labels';
import { LocaleDatePipe } from '../pipes/locale-format.pipes';

/**
 * Where a figure comes from and as of when, in one small line: "Validated by ADD · 3 Dec 2026",
 * "Self-reported, awaiting validation", "Demo data", "As loaded from the plan: no report yet".
 */
@Component({
  selector: 'msd-provenance',
  imports: [TranslatePipe, LocaleDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host {
      display: inline-flex;
    }
    .msd-provenance {
      display: inline-flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.3rem;
      font-size: 0.78rem;
      color: #4d5660;
    }
    .msd-provenance__source {
      font-weight: 600;
      padding: 0 0.4rem;
      border-radius: 4px;
      border: 1px solid #c5ccd3;
      background: #f7f8fa;
    }
    .msd-provenance--demo .msd-provenance__source {
      background: #fff0c2;
      border-color: #d9a400;
      color: #5c4300;
    }
    .msd-provenance--self-reported .msd-provenance__source {
      background: #fff6dc;
      border-color: #d9a400;
      color: #6b4a00;
    }
    .msd-provenance--validated .msd-provenance__source {
      background: #e7f4e8;
      border-color: #8fc393;
      color: #1f5e23;
    }
  `,
  template: `<span class="msd-provenance msd-provenance--{{ provenance().source }}" data-provenance>
    <span class="msd-provenance__source">{{ sourceKey() | translate }}</span>
    @if (provenance().source === 'validated' && provenance().by; as by) {
      <span>{{ 'provenance.by' | translate: { name: provenance().by } }}</span>
    }
    @if (provenance().asOf; as asOf) {
      <span>· {{ 'provenance.asOf' | translate: { date: (asOf | msdDate) } }}</span>
    }
  </span>`,
})
export class ProvenanceLabel {
  readonly provenance = input.required<Provenance>();
  protected readonly sourceKey = computed(() => FIGURE_SOURCE_LABEL_KEYS[this.provenance().source]);
}
