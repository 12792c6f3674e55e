import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatOption, MatSelect } from '@angular/material/select';
import { TranslatePipe } from '@ngx-translate/core';

/** A choice in a filter: a translation key, or a text already in the reader's language. */
export interface FilterOption {
  value: string;
  labelKey?: string;
  label?: string;
}

/** Options for each value of a vocabulary, labelled by its translation keys. */
export function keyedOptions<T extends string>(
  values: readonly T[],
  keys: Readonly<Record<T, string>>,
): FilterOption[] {
  return values.map((value) => ({ value, labelKey: keys[value] }));
}

/** One select of a filter bar, with an "all" choice (empty value) first unless `allKey` is null. */
@Component({
  selector: 'msd-filter-select',
  imports: [TranslatePipe, MatFormField, MatLabel, MatSelect, MatOption],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host {
      display: contents;
    }
  `,
  template: `
    <mat-form-field appearance="outline" subscriptSizing="dynamic">
      <mat-label>{{ label() }}</mat-label>
      <mat-select [value]="value()" (valueChange)="valueChange.emit($event)">
        @if (allKey(); as all) {
          <mat-option value="">{{ all | translate }}</mat-option>
        }
        @for (option of options(); track option.value) {
          <mat-option [value]="option.value">{{
            option.labelKey ? (option.labelKey | translate) : option.label
          }}</mat-option>
        }
      </mat-select>
    </mat-form-field>
  `,
})
export class FilterSelect {
  /** The field's label, already translated. */
  readonly label = input.required<string>();
  readonly value = input<string>('');
  readonly options = input<readonly FilterOption[]>([]);
  /** The key of the "all" choice; null when every choice is a value (a sort order). */
  readonly allKey = input<string | null>('filters.all');
  readonly valueChange = output<string>();
}
