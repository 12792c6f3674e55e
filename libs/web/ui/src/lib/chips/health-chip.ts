import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { Health } from '@marsad/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { HEALTH_GLYPHS, HEALTH_LABEL_KEYS, HEALTH_NONE_KEY } from './labels';

@Component({
  selector: 'msd-health-chip',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host { display: inline-flex; }
    .msd-chip { display: inline-flex; align-items: center; gap: 0.35rem; padding: 0.15rem 0.6rem; border-radius: 999px;
      font-size: 0.8rem; font-weight: 600; line-height: 1.4; white-space: nowrap; border: 1px solid currentColor; }
    .msd-chip__glyph { font-size: 0.75rem; }
    .msd-status-not_started { color: #4d5660; background: #f0f2f4; }
    .msd-status-in_progress { color: #174d9c; background: #e8f0fc; }
    .msd-status-completed { color: #1f5e23; background: #e7f4e8; }
    .msd-status-delayed { color: #8a3a00; background: #fff0e3; }
    .msd-status-cancelled { color: #74304a; background: #f8eaf0; }
    .msd-health-on_track { color: #1f5e23; background: #e7f4e8; }
    .msd-health-at_risk { color: #7a5200; background: #fff6dc; }
    .msd-health-late { color: #a11d1d; background: #fdecec; }
    .msd-health-none { color: #4d5660; background: #f0f2f4; }
    @media print { .msd-chip { print-color-adjust: exact; -webkit-print-color-adjust: exact; } }
  `,
  template: `<span [class]="'msd-chip msd-chip--health msd-health-' + (health() ?? 'none')">
    <span class="msd-chip__glyph" aria-hidden="true">{{ glyph() }}</span>
    <span class="msd-chip__label">{{ labelKey() | translate }}</span>
  </span>`,
})
export class HealthChip {
  readonly health = input<Health | null>(null);
  protected readonly labelKey = computed(() => {
    const health = this.health();
    return health ? HEALTH_LABEL_KEYS[health] : HEALTH_NONE_KEY;
  });
  protected readonly glyph = computed(() => {
    const health = this.health();
    return health ? HEALTH_GLYPHS[health] : '–';
  });
}
