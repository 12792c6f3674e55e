import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import type { FormAlert } from './server-form';

/**
 * The alert above a form after a failed save: `<div [msdFormAlert]="alert"></div>`. It sits on the
 * form's own element, like Material's buttons, so the page keeps its structure.
 */
@Component({
  // eslint-disable-next-line @angular-eslint/component-selector -- an attribute on the alert's own <div>, no wrapper element
  selector: 'div[msdFormAlert]',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'msd-error', role: 'alert' },
  template: `
    @let e = alert();
    <p>{{ e.key | translate }}</p>
    @if (e.detail) {
      <p class="msd-muted">{{ e.detail }}</p>
    }
    @for (f of e.fields; track f.field) {
      @if (ltrFields()) {
        <p>
          <span dir="ltr">{{ f.field }}</span>: {{ f.message }}
        </p>
      } @else {
        <p>{{ f.field }}: {{ f.message }}</p>
      }
    }
  `,
})
export class FormAlertBox {
  readonly alert = input.required<FormAlert>({ alias: 'msdFormAlert' });
  /** Field paths set left to right (for forms whose paths sit beside right-to-left text). */
  readonly ltrFields = input(false);
}
