import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { SECURITY_CATEGORIES, type UnsubscribeView } from '@marsad/contracts';
import { apiResource, ApiError, LocaleService, NotificationsApi } from '@marsad/web/data-access';
import { LoadingIndicator, NOTIFICATION_CATEGORY_KEYS, NOTIFICATION_MODE_KEYS } from '@marsad/web/ui';
import { TranslatePipe } from '@ngx-translate/core';

/** A link the API does not recognise (malformed, forged, or for an account that is gone). */
export function isInvalidLink(error: ApiError | null): boolean {
  return !!error && error.code === 'VALIDATION_FAILED' && error.fields.some((f) => f.field === 'token');
}

/**
 * An e-mail's unsubscribe link (`?token=…`), no sign-in: says which category and address it stands
 * for, then one button stops those e-mails. The other categories and the inbox are untouched.
 */
@Component({
  selector: 'msd-unsubscribe-page',
  imports: [RouterLink, TranslatePipe, MatButton, LoadingIndicator],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './unsubscribe.page.html',
  styleUrl: '../shared/auth-page.scss',
})
export class UnsubscribePage {
  readonly token = input<string | undefined>();

  private readonly api = inject(NotificationsApi);
  protected readonly locale = inject(LocaleService).locale;
  protected readonly categoryKeys = NOTIFICATION_CATEGORY_KEYS;
  protected readonly modeKeys = NOTIFICATION_MODE_KEYS;

  protected readonly link = apiResource({
    params: () => this.token() || undefined,
    stream: ({ params }) => this.api.unsubscribeView(params),
  });
  protected readonly saving = signal(false);
  /** The link's state after the click. */
  protected readonly done = signal<UnsubscribeView | null>(null);
  protected readonly saveError = signal<ApiError | null>(null);
  protected readonly invalid = computed(
    () => !this.token() || isInvalidLink(this.link.error()) || isInvalidLink(this.saveError()),
  );

  /** Security messages are always sent: there is nothing to stop. */
  protected security(view: UnsubscribeView): boolean {
    return SECURITY_CATEGORIES.includes(view.category);
  }

  protected stop(): void {
    const token = this.token();
    if (!token || this.saving()) return;
    this.saving.set(true);
    this.saveError.set(null);
    this.api.unsubscribe(token).subscribe({
      next: (view) => {
        this.saving.set(false);
        this.done.set(view);
      },
      error: (error: ApiError) => {
        this.saving.set(false);
        this.saveError.set(error);
      },
    });
  }
}
