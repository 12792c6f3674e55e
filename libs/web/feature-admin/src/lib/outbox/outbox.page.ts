import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router } from '@angular/router';
import { EMAIL_STATES, MAIL_DELIVERY, type EmailState, type OutboxEntryView } from '@marsad/contracts';
import { apiResource, ApiError, LocaleService, NotificationsApi, type OutboxQuery } from '@marsad/web/data-access';
import {
  EMAIL_STATE_KEYS,
  EmptyState,
  LoadingIndicator,
  LocaleDatePipe,
  LocaleNumberPipe,
  notificationKindKey,
} from '@marsad/web/ui';
import { Pager } from '@marsad/web/ui/audit';
import { ConfirmDialog, type ConfirmDialogData } from '@marsad/web/ui/forms';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';

export const OUTBOX_PAGE_SIZE = 50;

/** The states the outbox lists; what was never to be e-mailed, or went out in a summary, is only counted. */
export const LISTED_EMAIL_STATES: readonly EmailState[] = ['pending', 'sending', 'failed', 'sent', 'digest'];
/** Counted, not listed. */
export const COUNTED_EMAIL_STATES: readonly EmailState[] = EMAIL_STATES.filter((s) => !LISTED_EMAIL_STATES.includes(s));

/** The address's filter and page (`?state=failed&page=2`), read for the API. */
export function outboxQuery(state?: string, page?: string): OutboxQuery & { page: number; pageSize: number } {
  const n = Math.floor(Number(page));
  return {
    ...(LISTED_EMAIL_STATES.includes(state as EmailState) ? { state: state as EmailState } : {}),
    page: Number.isFinite(n) && n > 1 ? n : 1,
    pageSize: OUTBOX_PAGE_SIZE,
  };
}

/**
 * The e-mail outbox, for administrators: whether an SMTP server is configured, what waits, was
 * sent or failed (never the message text: it may carry a password link), and a way to send a
 * failed e-mail again.
 */
@Component({
  selector: 'msd-outbox-page',
  imports: [TranslatePipe, MatButton, EmptyState, LoadingIndicator, LocaleDatePipe, LocaleNumberPipe, Pager],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './outbox.page.html',
  styleUrl: './outbox.page.scss',
})
export class OutboxPage {
  /** Query parameters. */
  readonly state = input<string>();
  readonly page = input<string>();

  private readonly api = inject(NotificationsApi);
  private readonly router = inject(Router);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly translate = inject(TranslateService);
  private readonly localeService = inject(LocaleService);
  protected readonly stateKeys = EMAIL_STATE_KEYS;
  protected readonly listedStates = LISTED_EMAIL_STATES;
  protected readonly delivery = {
    maxAttempts: MAIL_DELIVERY.maxAttempts,
    baseSeconds: MAIL_DELIVERY.baseBackoffSeconds,
    maxHours: MAIL_DELIVERY.maxBackoffSeconds / 3600,
  };

  protected readonly query = computed(() => outboxQuery(this.state(), this.page()));
  protected readonly outbox = apiResource({
    params: () => this.query(),
    stream: ({ params }) => this.api.outbox(params),
  });
  protected readonly retrying = signal<string | null>(null);
  protected readonly actionError = signal<string | null>(null);

  /** The states counted but not listed, those with e-mails only. */
  protected countedOf(counts: Record<EmailState, number>): { state: EmailState; count: number }[] {
    return COUNTED_EMAIL_STATES.map((state) => ({ state, count: counts[state] ?? 0 })).filter((c) => c.count > 0);
  }

  protected kindKey(entry: OutboxEntryView): string | null {
    return notificationKindKey(entry.kind);
  }

  protected setState(state: EmailState | null): void {
    void this.router.navigate([], { queryParams: { state: state === this.query().state ? null : state, page: null } });
  }

  protected goTo(page: number): void {
    void this.router.navigate([], { queryParams: { page: page > 1 ? page : null }, queryParamsHandling: 'merge' });
  }

  protected async retry(entry: OutboxEntryView): Promise<void> {
    if (this.retrying()) return;
    const params = { email: entry.recipient.email, name: entry.recipient.displayName };
    const confirmed = await new Promise<boolean>((resolve) =>
      this.dialog
        .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, {
          data: {
            title: this.translate.instant('outbox.retry.title'),
            message: this.translate.instant('outbox.retry.message', params),
            confirm: this.translate.instant('outbox.retry.confirm'),
            cancel: this.translate.instant('common.cancel'),
          },
          direction: this.localeService.dir(),
        })
        .afterClosed()
        .subscribe((result) => resolve(result === true)),
    );
    if (!confirmed) return;
    this.retrying.set(entry.id);
    this.actionError.set(null);
    this.api.retry(entry.id).subscribe({
      next: () => {
        this.retrying.set(null);
        this.snackBar.open(this.translate.instant('outbox.retry.done', params), undefined, { duration: 4000 });
        this.outbox.reload();
      },
      error: (error: ApiError) => {
        this.retrying.set(null);
        this.actionError.set(error.messageKey);
        // Sent again by someone else meanwhile: show the outbox as it is now.
        if (error.code === 'EMAIL_STATE_CONFLICT' || error.code === 'NOT_FOUND') this.outbox.reload();
      },
    });
  }
}
