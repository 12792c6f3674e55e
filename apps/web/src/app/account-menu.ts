import {
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { NavigationEnd, Router, RouterLink, type ActivatedRouteSnapshot } from '@angular/router';
import { LocaleService, safeReturnUrl, SessionService } from '@marsad/web/data-access';
import { LocalizedTextPipe, ROLE_LABEL_KEYS } from '@marsad/web/ui';
import { TranslatePipe } from '@ngx-translate/core';
import { filter } from 'rxjs';

/**
 * Signed out: a "Sign in" link that comes back here. Signed in: who I am (name, role, institution),
 * change password and sign out, in a disclosure (button + panel) closed by Escape, a click elsewhere
 * or navigation. No MatMenu: the shell's initial bundle stays small.
 */
@Component({
  selector: 'msd-account-menu',
  imports: [RouterLink, TranslatePipe, LocalizedTextPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './account-menu.html',
  styleUrl: './account-menu.scss',
  host: { '(keydown.escape)': 'closeAccount(true)', '(focusout)': 'onAccountFocusOut($event)' },
})
export class AccountMenu {
  /** The current URL, to come back to after signing in. */
  readonly returnUrl = input<string>('');

  private readonly session = inject(SessionService);
  private readonly router = inject(Router);
  protected readonly locale = inject(LocaleService).locale;
  protected readonly user = this.session.user;
  protected readonly roleKeys = ROLE_LABEL_KEYS;
  protected readonly accountOpen = signal(false);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly accountButton = viewChild<ElementRef<HTMLButtonElement>>('accountButton');

  protected readonly initials = computed(() =>
    (this.user()?.displayName ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .slice(0, 2)
      .map((part) => part[0])
      .join('')
      .toUpperCase(),
  );

  protected readonly signInQuery = computed(() => {
    const returnUrl = safeReturnUrl(this.returnUrl());
    return returnUrl ? { returnUrl } : {};
  });

  constructor() {
    this.router.events.pipe(filter((e) => e instanceof NavigationEnd)).subscribe(() => this.accountOpen.set(false));
  }

  protected closeAccount(refocus = false): void {
    if (!this.accountOpen()) return;
    this.accountOpen.set(false);
    if (refocus) this.accountButton()?.nativeElement.focus();
  }

  protected onAccountFocusOut(event: FocusEvent): void {
    const container = this.host.nativeElement;
    if (!container.contains(event.relatedTarget as Node | null)) this.accountOpen.set(false);
  }

  protected signOut(): void {
    this.accountOpen.set(false);
    this.session.signOut().subscribe(() => {
      // Leave pages that need a session; public pages stay, minus their forms.
      if (requiresSession(this.router.routerState.snapshot.root)) void this.router.navigate(['/', this.locale()]);
    });
  }
}

function requiresSession(route: ActivatedRouteSnapshot): boolean {
  return route.data['requiresSession'] === true || route.children.some(requiresSession);
}
