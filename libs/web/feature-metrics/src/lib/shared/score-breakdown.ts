import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { Locale, PublicationFigures } from '@marsad/contracts';
import { LocaleNumberPipe, LocalePercentPipe } from '@marsad/web/ui';
import { TranslatePipe } from '@ngx-translate/core';
import { COMPONENT_HINT_KEYS, COMPONENT_KEYS } from './metrics-labels';

/** The publication score with how it was computed beside it: each component's value, weight and points. */
@Component({
  selector: 'msd-score-breakdown',
  imports: [RouterLink, TranslatePipe, LocaleNumberPipe, LocalePercentPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="sb">
      <p class="sb-score">
        <span class="sb-score__label">{{ 'metrics.score' | translate }}</span>
        @if (score().value !== null) {
          <span class="sb-score__value">{{ score().value | msdNumber }}</span>
          <span class="sb-score__max">{{ 'metrics.outOf100' | translate }}</span>
        } @else {
          <span class="sb-score__value sb-score__value--none">{{ 'common.none' | translate }}</span>
          <span class="sb-score__max">{{ 'metrics.noScore' | translate }}</span>
        }
      </p>
      <div
        class="msd-table-scroll sb-scroll"
        tabindex="0"
        role="region"
        [attr.aria-label]="'metrics.breakdown.title' | translate"
      >
        <table class="msd-table sb-table">
          <caption>
            {{
              'metrics.breakdown.title' | translate
            }}
          </caption>
          <thead>
            <tr>
              <th scope="col">{{ 'metrics.breakdown.component' | translate }}</th>
              <th scope="col" class="sb-num">{{ 'metrics.breakdown.value' | translate }}</th>
              <th scope="col" class="sb-num">{{ 'metrics.breakdown.weight' | translate }}</th>
              <th scope="col" class="sb-num">{{ 'metrics.breakdown.points' | translate }}</th>
            </tr>
          </thead>
          <tbody>
            @for (b of score().breakdown; track b.component) {
              <tr [attr.data-component]="b.component">
                <th scope="row">
                  <span class="sb-name">{{ componentKeys[b.component] | translate }}</span>
                  <span class="sb-hint msd-muted">{{ hintKeys[b.component] | translate }}</span>
                </th>
                <td class="sb-num">
                  @if (b.value !== null) {
                    {{ b.value | msdNumber }}
                  } @else {
                    <span class="msd-muted" [attr.title]="'metrics.breakdown.noValue' | translate">{{
                      'metrics.breakdown.noValueShort' | translate
                    }}</span>
                  }
                </td>
                <td class="sb-num">× {{ b.weight | msdPercent }}</td>
                <td class="sb-num sb-points">{{ b.points | msdNumber }}</td>
              </tr>
            }
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colspan="3">{{ 'metrics.breakdown.total' | translate }}</th>
              <td class="sb-num sb-points">
                {{ score().value !== null ? (score().value | msdNumber) : ('common.none' | translate) }}
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
      <p class="sb-formula msd-muted">
        {{ 'metrics.breakdown.formula' | translate }}
        <a [routerLink]="['/', locale(), 'metrics', 'methodology']" fragment="score">{{
          'metrics.howComputed' | translate
        }}</a>
      </p>
    </div>
  `,
  styles: `
    :host {
      display: block;
      min-inline-size: 0;
    }
    .sb {
      display: grid;
      gap: 0.75rem 1.5rem;
      grid-template-columns: minmax(9rem, auto) minmax(0, 1fr);
      align-items: start;
    }
    .sb-score {
      margin: 0;
      display: grid;
      gap: 0.15rem;
      justify-items: start;
    }
    .sb-score__label {
      font-weight: 600;
    }
    .sb-score__value {
      font-size: 3rem;
      line-height: 1;
      font-weight: 700;
      color: var(--msd-brand, #0b4f2a);
      font-variant-numeric: tabular-nums;
    }
    .sb-score__value--none {
      color: var(--msd-muted, #4d5660);
    }
    .sb-score__max {
      font-size: 0.9rem;
      color: var(--msd-muted, #4d5660);
    }
    .sb-scroll {
      min-inline-size: 0;
    }
    .sb-table caption {
      text-align: start;
      font-weight: 600;
      padding-block-end: 0.25rem;
      caption-side: top;
    }
    .sb-table th[scope='row'] {
      font-weight: 500;
    }
    .sb-name {
      display: block;
      font-weight: 600;
    }
    .sb-hint {
      display: block;
      font-size: 0.8rem;
      font-weight: 400;
      min-inline-size: 11rem;
    }
    @media (max-width: 599.98px) {
      .sb-hint {
        min-inline-size: 0;
      }
      .sb-table th,
      .sb-table td {
        padding-inline: 0.35rem;
      }
    }
    .sb-num {
      text-align: end !important;
      white-space: nowrap;
      font-variant-numeric: tabular-nums;
    }
    .sb-points {
      font-weight: 700;
    }
    tfoot th,
    tfoot td {
      border-block-end: 0;
      font-weight: 700;
    }
    .sb-formula {
      grid-column: 1 / -1;
      margin: 0;
      font-size: 0.85rem;
    }
    @media (max-width: 759.98px) {
      .sb {
        grid-template-columns: minmax(0, 1fr);
      }
    }
  `,
})
export class ScoreBreakdown {
  readonly score = input.required<PublicationFigures['score']>();
  readonly locale = input.required<Locale>();
  protected readonly componentKeys = COMPONENT_KEYS;
  protected readonly hintKeys = COMPONENT_HINT_KEYS;
}
