import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { DATE_FIELD_IMPORTS, provideMsdDates } from '@marsad/web/ui/forms';
import { TranslatePipe } from '@ngx-translate/core';

/**
 * The overview's due-date filter: Material's datepicker in the page's language (dd/MM/yyyy), an ISO
 * day out. A component of its own so that the overview can load it (and the datepicker) with
 * `@defer` when the filters come into view, instead of with the page.
 */
@Component({
  selector: 'msd-due-before-field',
  imports: [...DATE_FIELD_IMPORTS, TranslatePipe, MatFormField, MatLabel, MatInput],
  providers: [provideMsdDates()],
  changeDetection: ChangeDetectionStrategy.OnPush,
  // The form field is the filter row's grid item, like the selects beside it.
  styles: `
    :host {
      display: contents;
    }
  `,
  template: `
    <mat-form-field appearance="outline" subscriptSizing="dynamic">
      <mat-label>{{ 'filters.dueBefore' | translate }}</mat-label>
      <input
        matInput
        [matDatepicker]="dueBeforePicker"
        [placeholder]="'common.datePlaceholder' | translate"
        [value]="value()"
        (dateChange)="valueChange.emit($event.value)"
      />
      <mat-datepicker-toggle matIconSuffix [for]="dueBeforePicker" />
      <mat-datepicker #dueBeforePicker />
    </mat-form-field>
  `,
})
export class DueBeforeField {
  /** The ISO day of the filter, or null. */
  readonly value = input<string | null>(null);
  readonly valueChange = output<string | null>();
}
