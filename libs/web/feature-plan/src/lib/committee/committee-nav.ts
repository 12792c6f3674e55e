import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink, RouterLinkActive } from '@angular/router';
import { Permission } from '@marsad/contracts';
import { LocaleService, SessionService } from '@marsad/web/data-access';
import { TranslatePipe } from '@ngx-translate/core';

/** The committee's pages, one click apart: meetings, action items, members (each shown to who may open it). */
@Component({
  selector: 'msd-committee-nav',
  imports: [RouterLink, RouterLinkActive, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nav class="msd-tabs" [attr.aria-label]="'committee.nav.label' | translate">
      @if (canRead()) {
        <a
          [routerLink]="['/', locale(), 'committee', 'meetings']"
          routerLinkActive="is-active"
          ariaCurrentWhenActive="page"
          >{{ 'committee.nav.meetings' | translate }}</a
        >
      }
      @if (signedIn()) {
        <a
          [routerLink]="['/', locale(), 'committee', 'action-items']"
          routerLinkActive="is-active"
          ariaCurrentWhenActive="page"
          >{{ 'committee.nav.actionItems' | translate }}</a
        >
      }
      <a
        [routerLink]="['/', locale(), 'committee', 'members']"
        routerLinkActive="is-active"
        ariaCurrentWhenActive="page"
        >{{ 'committee.nav.members' | translate }}</a
      >
    </nav>
  `,
})
export class CommitteeNav {
  private readonly session = inject(SessionService);
  protected readonly locale = inject(LocaleService).locale;
  protected readonly signedIn = this.session.signedIn;
  protected readonly canRead = computed(() => this.session.permissions().includes(Permission.CommitteeRead));
}
