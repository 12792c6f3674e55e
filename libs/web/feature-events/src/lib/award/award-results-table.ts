import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { pickText, type AwardCriterion, type AwardResultRow, type InstitutionRef } from '@marsad/contracts';
import { LocaleService } from '@marsad/web/data-access';
import { LocaleNumberPipe, LocalizedTextLangPipe, LocalizedTextPipe } from '@marsad/web/ui';
import { TranslatePipe } from '@ngx-translate/core';
import { sortedCriteria } from './award-rules';

/** The ranking: rank, administration, total, automated sub-total, each criterion's value; a card per row on phones. */
@Component({
  selector: 'msd-award-results-table',
  imports: [RouterLink, TranslatePipe, LocaleNumberPipe, LocalizedTextPipe, LocalizedTextLangPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './award.scss',
  template: `
    <div class="msd-table-scroll award-table-wrap">
      <table class="msd-table award-table">
        <caption class="msd-visually-hidden">
          {{
            caption()
          }}
        </caption>
        <thead>
          <tr>
            <th scope="col">{{ 'award.results.rank' | translate }}</th>
            <th scope="col">{{ 'award.results.administration' | translate }}</th>
            <th scope="col">{{ 'award.results.total' | translate }}</th>
            <th scope="col">{{ 'award.results.automatedSubtotal' | translate }}</th>
            @for (c of sorted(); track c.id) {
              <th scope="col" [attr.lang]="c.title | msdTextLang">{{ c.title | msdText }}</th>
            }
          </tr>
        </thead>
        <tbody>
          @for (row of rows(); track row.institution.code) {
            <tr
              [class.award-row--winner]="highlightWinners() && row.rank <= 3"
              data-award-row
              [attr.data-rank]="row.rank"
              [attr.data-institution]="row.institution.code"
            >
              <td class="award-table__rank" [attr.data-label]="'award.results.rank' | translate">
                <span>
                  @if (highlightWinners() && row.rank <= 3) {
                    <span class="award-medal award-medal--{{ row.rank }}" aria-hidden="true">★</span>
                    <span class="msd-visually-hidden">{{ 'award.results.winner' | translate }}</span>
                  }
                  <strong>{{ row.rank | msdNumber }}</strong>
                </span>
              </td>
              <th scope="row" class="award-table__name">
                <a [routerLink]="['/', locale(), 'metrics', row.institution.code]">{{ name(row.institution) }}</a>
                @if (row.tieBrokenBy) {
                  <span class="award-tie msd-muted" data-award-tie>{{
                    (row.tieBrokenBy === 'automated' ? 'award.results.tieAutomated' : 'award.results.tieSubmittedAt')
                      | translate
                  }}</span>
                }
              </th>
              <td [attr.data-label]="'award.results.total' | translate" data-award-total>
                <span
                  ><strong>{{ row.total | msdNumber: { maximumFractionDigits: 2 } }}</strong
                  ><span class="msd-muted"> / 100</span></span
                >
              </td>
              <td [attr.data-label]="'award.results.automatedSubtotal' | translate">
                {{ row.automatedSubtotal | msdNumber: { maximumFractionDigits: 2 } }}
              </td>
              @for (c of sorted(); track c.id) {
                @let v = value(row, c.id);
                <td [attr.data-label]="c.title | msdText" [attr.data-criterion]="c.id">
                  <span>
                    {{ v?.value ?? 0 | msdNumber: { maximumFractionDigits: 2 } }}
                    @if (c.kind === 'jury' && v) {
                      <span class="msd-muted award-jurors">{{
                        (v.trimmed ? 'award.results.jurorsTrimmed' : 'award.results.jurors')
                          | translate: { count: v.jurors ?? 0 }
                      }}</span>
                    }
                  </span>
                </td>
              }
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
})
export class AwardResultsTable {
  readonly rows = input.required<AwardResultRow[]>();
  readonly criteria = input.required<AwardCriterion[]>();
  readonly caption = input('');
  readonly highlightWinners = input(true);

  protected readonly locale = inject(LocaleService).locale;
  protected readonly sorted = computed(() => sortedCriteria(this.criteria()));

  protected value(row: AwardResultRow, criterionId: string): AwardResultRow['criteria'][number] | null {
    return row.criteria.find((c) => c.criterionId === criterionId) ?? null;
  }

  protected name(ref: InstitutionRef): string {
    return pickText(ref.name, this.locale())?.text ?? ref.code;
  }
}
