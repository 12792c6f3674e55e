import {
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  input,
  signal,
  viewChild,
  type AfterViewInit,
} from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel, MatSuffix } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import { EMAIL_MAX_LENGTH } from '@marsad/contracts';
import { ApiError, LocaleService, safeReturnUrl, SessionService } from '@marsad/web/data-access';
import { ROLE_LABEL_KEYS } from '@marsad/web/ui';
import { applyServerErrors, FieldError } from '@marsad/web/ui/forms';
import { TranslatePipe } from '@ngx-translate/core';

/** Errors whose server message says more than our translation (e.g. when to try again). */
const SERVER_WORDED: readonly string[] = ['INVALID_CREDENTIALS', 'ACCOUNT_LOCKED', 'TOO_MANY_REQUESTS'];

@Component({
  selector: 'msd-sign-in-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    TranslatePipe,
    MatButton,
    MatFormField,
    MatLabel,
    MatError,
    MatInput,
    MatSuffix,
    FieldError,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './sign-in.page.html',
  styleUrl: '../shared/auth-page.scss',
})
export class SignInPage implements AfterViewInit {
  /** Where to go once signed in (from the query string). */
  readonly returnUrl = input<string | undefined>();

  private readonly session = inject(SessionService);
  private readonly router = inject(Router);
  protected readonly locale = inject(LocaleService).locale;
  protected readonly user = this.session.user;
  protected readonly roleKeys = ROLE_LABEL_KEYS;

  protected readonly submitting = signal(false);
  protected readonly showPassword = signal(false);
  protected readonly error = signal<{ key: string; detail: string } | null>(null);
  /** Back where the person was; from the public overview (or nowhere), to their own home. */
  protected readonly target = computed(() => {
    const back = safeReturnUrl(this.returnUrl());
    const root = `/${this.locale()}`;
    return back && back !== root && back !== `${root}/` ? back : `${root}/home`;
  });

  private readonly emailInput = viewChild<ElementRef<HTMLInputElement>>('emailInput');
  private readonly passwordInput = viewChild<ElementRef<HTMLInputElement>>('passwordInput');
  private readonly errorBox = viewChild<ElementRef<HTMLElement>>('errorBox');

  protected readonly form = inject(FormBuilder).nonNullable.group({
    email: ['', [Validators.required, Validators.email, Validators.maxLength(EMAIL_MAX_LENGTH)]],
    password: ['', [Validators.required]],
  });

  ngAfterViewInit(): void {
    // The page has one purpose: start in the email field.
    this.emailInput()?.nativeElement.focus();
  }

  protected submit(): void {
    this.form.markAllAsTouched();
    if (this.submitting()) return;
    if (this.form.invalid) {
      (this.form.controls.email.invalid ? this.emailInput() : this.passwordInput())?.nativeElement.focus();
      return;
    }
    const { email, password } = this.form.getRawValue();
    this.submitting.set(true);
    this.error.set(null);
    this.session.signIn({ email: email.trim(), password }).subscribe({
      next: () => {
        this.submitting.set(false);
        void this.router.navigateByUrl(this.target());
      },
      error: (error: ApiError) => {
        this.submitting.set(false);
        if (error.code === 'VALIDATION_FAILED') applyServerErrors(this.form, error.fields);
        const detail = SERVER_WORDED.includes(error.code) ? error.message : '';
        this.error.set({ key: error.messageKey, detail });
        if (error.code === 'INVALID_CREDENTIALS') {
          // Keep what was typed, selected, so typing again replaces it (a cleared field would show "required").
          setTimeout(() => {
            const input = this.passwordInput()?.nativeElement;
            input?.focus();
            input?.select();
          });
        } else {
          setTimeout(() => this.errorBox()?.nativeElement.focus());
        }
      },
    });
  }

  protected signOut(): void {
    this.session.signOut().subscribe();
  }
}
