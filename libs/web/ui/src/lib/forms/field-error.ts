import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { ValidationErrors } from '@angular/forms';
import { TranslatePipe } from '@ngx-translate/core';

// Literal keys per validator, so the translation check can find them.
const VALIDATION_KEYS: Record<string, string> = {
  required: 'validation.required',
  min: 'validation.min',
  max: 'validation.max',
  maxlength: 'validation.maxlength',
  url: 'validation.url',
  dateOrder: 'validation.dateOrder',
  future: 'validation.future',
  narrativeRequired: 'validation.narrativeRequired',
  number: 'validation.number',
  email: 'validation.email',
  minlength: 'validation.minlength',
  mismatch: 'validation.mismatch',
  passwordIsEmail: 'validation.passwordIsEmail',
  // Material's datepicker (see MsdDateAdapter): text that is no day, or a day out of bounds.
  matDatepickerParse: 'validation.dateFormat',
  matDatepickerMin: 'validation.dateTooEarly',
  matDatepickerMax: 'validation.dateTooLate',
};

/** The first problem with a control, in the reader's language. Server messages come translated already. */
@Component({
  selector: 'msd-field-error',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let e = first();
    @if (e) {
      @if (e.text) {
        {{ e.text }}
      } @else {
        {{ e.key | translate: e.params }}
      }
    }
  `,
})
export class FieldError {
  readonly errors = input<ValidationErrors | null | undefined>(null);

  protected readonly first = computed(() => {
    const errors = this.errors();
    if (!errors) return null;
    if (typeof errors['server'] === 'string') return { text: errors['server'] as string, key: '', params: {} };
    for (const [name, value] of Object.entries(errors)) {
      const key = VALIDATION_KEYS[name];
      if (key) {
        const detail = (value ?? {}) as Record<string, unknown>;
        return { text: '', key, params: { min: detail['min'], max: detail['max'], length: detail['requiredLength'] } };
      }
    }
    return { text: '', key: 'validation.invalid', params: {} };
  });
}
