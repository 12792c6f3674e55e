import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { PASSWORD_MIN_LENGTH } from '@marsad/contracts';
import { ApiError, LocaleService, SessionService } from '@marsad/web/data-access';
import { applyServerErrors, FieldError } from '@marsad/web/ui/forms';
import { TranslatePipe } from '@ngx-translate/core';
import { notEqualTo, passwordsMatch } from '../shared/password-validators';

@Component({
  selector: 'msd-change-password-page',
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
  templateUrl: './change-password.page.html',
  styleUrl: '../shared/auth-page.scss',
})
export class ChangePasswordPage {
  private readonly session = inject(SessionService);
  protected readonly locale = inject(LocaleService).locale;
  protected readonly email = computed(() => this.session.user()?.email ?? '');
  protected readonly minLength = PASSWORD_MIN_LENGTH;
  protected readonly saving = signal(false);
  protected readonly done = signal(false);
  protected readonly showPasswords = signal(false);
  protected readonly error = signal<{ key: string; detail: string } | null>(null);

  protected readonly form = inject(FormBuilder).nonNullable.group(
    {
      currentPassword: ['', Validators.required],
      newPassword: [
        '',
        [Validators.required, Validators.minLength(PASSWORD_MIN_LENGTH), notEqualTo(() => this.email())],
      ],
      confirmPassword: ['', Validators.required],
    },
    { validators: passwordsMatch('newPassword', 'confirmPassword') },
  );

  protected submit(): void {
    this.form.markAllAsTouched();
    if (this.form.invalid || this.saving()) return;
    const { currentPassword, newPassword } = this.form.getRawValue();
    this.saving.set(true);
    this.error.set(null);
    this.session.changePassword({ currentPassword, newPassword }).subscribe({
      next: () => {
        this.saving.set(false);
        this.done.set(true);
        this.form.reset();
      },
      error: (error: ApiError) => {
        this.saving.set(false);
        if (error.code === 'VALIDATION_FAILED') applyServerErrors(this.form, error.fields);
        if (error.code === 'INVALID_CREDENTIALS')
          this.form.controls.currentPassword.setErrors({ server: error.message });
        this.error.set({ key: error.messageKey, detail: error.code === 'VALIDATION_FAILED' ? '' : error.message });
      },
    });
  }
}
