import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink, RouterLinkActive, type IsActiveMatchOptions } from '@angular/router';
import { LocaleService } from '@marsad/web/data-access';
import { TranslatePipe } from '@ngx-translate/core';

/** The inbox and the e-mail preferences, one click apart. */
@Component({
  selector: 'msd-notifications-nav',
  imports: [RouterLink, RouterLinkActive, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nav class="msd-tabs" [attr.aria-label]="'notifications.nav.label' | translate">
      <a
        [routerLink]="['/', locale(), 'notifications']"
        routerLinkActive="is-active"
        [routerLinkActiveOptions]="inboxOnly"
        ariaCurrentWhenActive="page"
        data-tab="inbox"
        >{{ 'notifications.nav.inbox' | translate }}</a
      >
      <a
        [routerLink]="['/', locale(), 'notifications', 'preferences']"
        routerLinkActive="is-active"
        ariaCurrentWhenActive="page"
        data-tab="preferences"
        >{{ 'notifications.nav.preferences' | translate }}</a
      >
    </nav>
  `,
})
export class NotificationsNav {
  /** The inbox tab stays active whatever its filter and page, but not on the preferences. */
  protected readonly inboxOnly: IsActiveMatchOptions = {
    paths: 'exact',
    queryParams: 'ignored',
    matrixParams: 'ignored',
    fragment: 'ignored',
  };
  protected readonly locale = inject(LocaleService).locale;
}
