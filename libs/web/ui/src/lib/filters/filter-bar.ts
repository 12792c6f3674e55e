import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';

/**
 * A list page's filters: a search landmark laid out as a grid of fields, on a card.
 * The fields are projected; Enter in a field or a submit button emits `submitted`.
 * Pages add their own class for their column widths.
 */
@Component({
  selector: 'msd-filter-bar',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'msd-card msd-filter-bar', role: 'search', '[attr.aria-label]': 'label() || null' },
  styles: `
    :host {
      display: grid;
      gap: 0.75rem;
      align-items: center;
      margin-block-end: 1rem;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 14rem), 1fr));
    }
    /* The form only catches the submit: its fields are the grid's items. */
    form {
      display: contents;
    }
  `,
  template: `<form (submit)="$event.preventDefault(); submitted.emit()"><ng-content /></form>`,
})
export class FilterBar {
  /** The landmark's name, already translated. */
  readonly label = input('');
  readonly submitted = output<void>();
}
