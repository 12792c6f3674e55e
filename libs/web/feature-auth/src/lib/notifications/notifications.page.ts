import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router } from '@angular/router';
import type { NotificationPage, NotificationView } from '@marsad/contracts';
import { apiResource, ApiError, LocaleService, NotificationsApi } from '@marsad/web/data-access';
import {
  EmptyState,
  LoadingIndicator,
  LocaleDatePipe,
  NOTIFICATION_CATEGORY_KEYS,
  NotificationParamsPipe,
  notificationTextKey,
} from '@marsad/web/ui';
import { Pager } from '@marsad/web/ui/audit';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { NotificationsNav } from './notifications-nav';

export const INBOX_PAGE_SIZE = 20;

/** The address's filter and page (`?filter=unread&page=2`), read for the API. */
export function inboxQuery(filter?: string, page?: string): { unread: boolean; page: number } {
  const n = Math.floor(Number(page));
  return { unread: filter === 'unread', page: Number.isFinite(n) && n > 1 ? n : 1 };
}

/** The page as it is once a message is read, without asking the API again. */
export function withRead(page: NotificationPage, read: NotificationView): NotificationPage {
  const was = page.items.find((n) => n.id === read.id);
  return {
    ...page,
    items: page.items.map((n) => (n.id === read.id ? read : n)),
    unread: was && !was.readAt && read.readAt ? Math.max(0, page.unread - 1) : page.unread,
  };
}

/**
 * Everything Marsad told the signed-in person, the newest first: all, or only the unread. Opening a
 * message marks it read and goes to its page. E-mails follow the preferences; this inbox gets all.
 */
@Component({
  selector: 'msd-notifications-page',
  imports: [
    NgTemplateOutlet,
    TranslatePipe,
    MatButton,
    EmptyState,
    LoadingIndicator,
    LocaleDatePipe,
    NotificationParamsPipe,
    Pager,
    NotificationsNav,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './notifications.page.html',
  styleUrl: './notifications.scss',
})
export class NotificationsPage {
  /** Query parameters. */
  readonly filter = input<string>();
  readonly page = input<string>();

  private readonly api = inject(NotificationsApi);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);
  private readonly translate = inject(TranslateService);
  protected readonly locale = inject(LocaleService).locale;
  protected readonly pageSize = INBOX_PAGE_SIZE;

  protected readonly query = computed(() => inboxQuery(this.filter(), this.page()));
  protected readonly inbox = apiResource({
    params: () => this.query(),
    stream: ({ params }) => this.api.inbox({ page: params.page, pageSize: INBOX_PAGE_SIZE, unread: params.unread }),
  });
  protected readonly markingAll = signal(false);
  protected readonly actionError = signal<string | null>(null);

  protected readonly titleKey = (n: NotificationView) => notificationTextKey(n.kind, 'title');
  protected readonly bodyKey = (n: NotificationView) => notificationTextKey(n.kind, 'body');
  protected readonly categoryKey = (n: NotificationView) => NOTIFICATION_CATEGORY_KEYS[n.category] ?? 'common.none';

  protected href(n: NotificationView): string | null {
    return n.link ? `/${this.locale()}${n.link}` : null;
  }

  protected setFilter(unread: boolean): void {
    void this.router.navigate([], { queryParams: { filter: unread ? 'unread' : null, page: null } });
  }

  protected goTo(page: number): void {
    void this.router.navigate([], {
      queryParams: { page: page > 1 ? page : null },
      queryParamsHandling: 'merge',
    });
  }

  /**
   * Marks the message read, then opens its page. A click that opens a new tab is left to the
   * browser (the message is still marked read).
   */
  protected open(event: MouseEvent, n: NotificationView): void {
    const target = this.href(n);
    const newTab = event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey;
    if (target && !newTab) event.preventDefault();
    const go = () => {
      if (target && !newTab) void this.router.navigateByUrl(target);
    };
    if (n.readAt) {
      go();
      return;
    }
    this.actionError.set(null);
    this.api.markRead(n.id).subscribe({
      next: (read) => {
        const page = this.inbox.value();
        if (page) this.inbox.set(withRead(page, read));
        go();
      },
      error: (error: ApiError) => {
        // Not being marked read must not keep the person from the page.
        if (target && !newTab) go();
        else this.actionError.set(error.messageKey);
      },
    });
  }

  protected markAllRead(): void {
    if (this.markingAll()) return;
    this.markingAll.set(true);
    this.actionError.set(null);
    this.api.markAllRead().subscribe({
      next: ({ updated }) => {
        this.markingAll.set(false);
        this.snackBar.open(this.translate.instant('notifications.allMarkedRead', { count: updated }), undefined, {
          duration: 4000,
        });
        this.inbox.reload();
      },
      error: (error: ApiError) => {
        this.markingAll.set(false);
        this.actionError.set(error.messageKey);
      },
    });
  }
}
