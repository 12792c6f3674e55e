import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { PASSWORD_MIN_LENGTH } from '@marsad/contracts';
import { ApiError, AuthApi, LocaleService } from '@marsad/web/data-access';
import { applyServerErrors, FieldError } from '@marsad/web/ui/forms';
import { TranslatePipe } from '@ngx-translate/core';
import { passwordsMatch } from '../shared/password-validators';

/** Sets a password from a one-time link (`?token=…`) handed over by an administrator. */
@Component({
  selector: 'msd-reset-password-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    TranslatePipe,
    MatButton,
    MatFormField,
    MatLabel,
    MatError,
    MatHint,
    MatInput,
    FieldError,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './reset-password.page.html',
  styleUrl: '../shared/auth-page.scss',
})
export class ResetPasswordPage {
  readonly token = input<string | undefined>();

  private readonly api = inject(AuthApi);
  protected readonly locale = inject(LocaleService).locale;
  protected readonly minLength = PASSWORD_MIN_LENGTH;
  protected readonly saving = signal(false);
  protected readonly done = signal(false);
  protected readonly showPasswords = signal(false);
  protected readonly error = signal<{ key: string; detail: string; invalidLink: boolean } | null>(null);

  protected readonly form = inject(FormBuilder).nonNullable.group(
    {
      newPassword: ['', [Validators.required, Validators.minLength(PASSWORD_MIN_LENGTH)]],
      confirmPassword: ['', Validators.required],
    },
    { validators: passwordsMatch('newPassword', 'confirmPassword') },
  );

  protected submit(): void {
    this.form.markAllAsTouched();
    const token = this.token();
    if (!token || this.form.invalid || this.saving()) return;
    this.saving.set(true);
    this.error.set(null);
    this.api.resetPassword({ token, newPassword: this.form.getRawValue().newPassword }).subscribe({
      next: () => {
        this.saving.set(false);
        this.done.set(true);
      },
      error: (error: ApiError) => {
        this.saving.set(false);
        if (error.code === 'VALIDATION_FAILED') applyServerErrors(this.form, error.fields);
        this.error.set({
          key: error.messageKey,
          detail: error.code === 'VALIDATION_FAILED' ? '' : error.message,
          invalidLink: error.code === 'RESET_LINK_INVALID',
        });
      },
    });
  }
}
