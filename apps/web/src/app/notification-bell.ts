import { DOCUMENT } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  ElementRef,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatBadge } from '@angular/material/badge';
import { MatIconButton } from '@angular/material/button';
import { NavigationEnd, Router, RouterLink } from '@angular/router';
import type { NotificationView } from '@marsad/contracts';
import { LocaleService, NotificationsApi, SessionService } from '@marsad/web/data-access';
import { NotificationParamsPipe, notificationTextKey, RelativeTimePipe } from '@marsad/web/ui';
import { TranslatePipe } from '@ngx-translate/core';
import { catchError, EMPTY, filter, fromEvent, map, merge, of, switchMap, timer } from 'rxjs';

/** How often the bell asks for the unread count while the page is visible. */
export const BELL_POLL_MS = 60_000;
/** How many of the latest messages the bell's panel lists. */
export const BELL_LATEST = 5;

/**
 * The signed-in person's messages: a bell with the unread count (asked every minute and after each
 * navigation), opening a panel with the latest messages and a link to the inbox. A disclosure like
 * the account menu (no MatMenu: the shell's initial bundle stays small), closed by Escape, a click
 * elsewhere or navigation.
 */
@Component({
  selector: 'msd-notification-bell',
  imports: [RouterLink, TranslatePipe, MatIconButton, MatBadge, NotificationParamsPipe, RelativeTimePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './notification-bell.html',
  styleUrl: './notification-bell.scss',
  host: { '(keydown.escape)': 'close(true)', '(focusout)': 'onFocusOut($event)' },
})
export class NotificationBell {
  private readonly api = inject(NotificationsApi);
  private readonly session = inject(SessionService);
  private readonly router = inject(Router);
  private readonly document = inject(DOCUMENT);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly destroyRef = inject(DestroyRef);
  private readonly button = viewChild('bellButton', { read: ElementRef<HTMLButtonElement> });

  protected readonly locale = inject(LocaleService).locale;
  protected readonly signedIn = this.session.signedIn;
  protected readonly unread = signal(0);
  /** The badge's text: the count, capped; empty (and hidden) at 0. */
  protected readonly badge = computed(() => {
    const n = this.unread();
    return n <= 0 ? '' : n > 99 ? '99+' : String(n);
  });
  protected readonly open = signal(false);
  protected readonly latest = signal<NotificationView[] | null>(null);
  protected readonly failed = signal(false);
  protected readonly titleKey = (n: NotificationView) => notificationTextKey(n.kind, 'title');

  constructor() {
    const visible = () => this.document.visibilityState !== 'hidden';
    const navigated = this.router.events.pipe(filter((e) => e instanceof NavigationEnd));
    navigated.pipe(takeUntilDestroyed()).subscribe(() => this.open.set(false));
    toObservable(this.signedIn)
      .pipe(
        switchMap((signedIn) =>
          signedIn
            ? merge(
                timer(0, BELL_POLL_MS).pipe(filter(visible)),
                navigated,
                fromEvent(this.document, 'visibilitychange').pipe(filter(visible)),
                this.api.changes,
              ).pipe(
                switchMap(() =>
                  this.api.unreadCount().pipe(
                    map((r) => r.unread),
                    catchError(() => EMPTY),
                  ),
                ),
              )
            : of(0),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((n) => this.unread.set(n));
  }

  protected toggle(): void {
    if (this.open()) {
      this.open.set(false);
      return;
    }
    this.open.set(true);
    this.failed.set(false);
    this.api
      .inbox({ page: 1, pageSize: BELL_LATEST })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (page) => {
          this.latest.set(page.items);
          this.unread.set(page.unread);
        },
        error: () => this.failed.set(true),
      });
  }

  /** Marks the message read, then opens its page (a message without one is only marked read). */
  protected select(n: NotificationView): void {
    const go = () => {
      if (!n.link) return;
      this.open.set(false);
      void this.router.navigateByUrl(`/${this.locale()}${n.link}`);
    };
    if (n.readAt) {
      go();
      return;
    }
    this.api.markRead(n.id).subscribe({
      next: (read) => {
        this.latest.update((list) => list?.map((m) => (m.id === read.id ? read : m)) ?? null);
        go();
      },
      error: () => go(),
    });
  }

  protected close(refocus = false): void {
    if (!this.open()) return;
    this.open.set(false);
    if (refocus) this.button()?.nativeElement.focus();
  }

  protected onFocusOut(event: FocusEvent): void {
    if (!this.host.nativeElement.contains(event.relatedTarget as Node | null)) this.open.set(false);
  }
}
