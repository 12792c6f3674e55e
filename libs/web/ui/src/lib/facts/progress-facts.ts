import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { pickText, type ActivityStatus, type Health, type PartialLocalizedText } from '@marsad/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { StateChip } from '../chips/state-chip';
import { formatDate, formatNumber, MSD_LOCALE } from '../locale/msd-locale';
import { ProgressWithLabel } from '../progress/progress-with-label';

/** One line of a facts list: a label key and a value written by its kind; an empty value reads "none". */
export type Fact =
  | { key: string; kind: 'date' | 'datetime'; value: string | null | undefined }
  | { key: string; kind: 'number'; value: number | null | undefined }
  | { key: string; kind: 'text'; value: PartialLocalizedText | null | undefined }
  | { key: string; kind: 'list'; value: readonly PartialLocalizedText[] };

interface FactRow {
  key: string;
  /** The value as written, or null for "none". */
  text: string | null;
  /** For lists: the names, joined with the locale's separator in the template. */
  names: string[] | null;
}

/**
 * The facts block of a measure or an activity: progress bar, status and health chips, then a list of facts.
 * Its host takes no box (`display: contents`), so the card or section around it lays the pieces out as before.
 */
@Component({
  selector: 'msd-progress-facts',
  imports: [TranslatePipe, ProgressWithLabel, StateChip],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host {
      display: contents;
    }
    .page-facts__chips,
    .measure-card__chips {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
  `,
  template: `
    <msd-progress [value]="progress()" [size]="size()" [label]="progressLabel()" />
    <div [class]="chipsClass()">
      <msd-status-chip [status]="status()" />
      <msd-health-chip [health]="health()" />
    </div>
    <dl class="msd-dl">
      @for (row of rows(); track row.key) {
        <div>
          <dt>{{ row.key | translate }}</dt>
          <dd>
            @if (row.names; as names) {
              @for (name of names; track $index; let last = $last) {
                {{ name }}{{ last ? '' : ('common.listSeparator' | translate) }}
              } @empty {
                {{ 'common.none' | translate }}
              }
            } @else {
              {{ row.text ?? ('common.none' | translate) }}
            }
          </dd>
        </div>
      }
    </dl>
  `,
})
export class ProgressFacts {
  readonly progress = input<number | null>(null);
  /** The progress bar's accessible name, already translated. */
  readonly progressLabel = input('');
  readonly size = input<'normal' | 'large'>('normal');
  readonly status = input.required<ActivityStatus>();
  readonly health = input<Health | null>(null);
  readonly facts = input<readonly Fact[]>([]);
  /** The chips row's class, kept from the pages this block came from. */
  readonly chipsClass = input('page-facts__chips');

  private readonly locale = inject(MSD_LOCALE);

  protected readonly rows = computed<FactRow[]>(() => {
    const locale = this.locale();
    return this.facts().map((fact): FactRow => {
      switch (fact.kind) {
        case 'date':
          return { key: fact.key, text: fact.value ? formatDate(fact.value, locale) : null, names: null };
        case 'datetime':
          return { key: fact.key, text: formatDate(fact.value, locale, 'datetime'), names: null };
        case 'number':
          return { key: fact.key, text: formatNumber(fact.value, locale), names: null };
        case 'text':
          return { key: fact.key, text: fact.value ? (pickText(fact.value, locale)?.text ?? '') : null, names: null };
        case 'list':
          return { key: fact.key, text: null, names: fact.value.map((name) => pickText(name, locale)?.text ?? '') };
      }
    });
  });
}
