import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { Router, RouterLink } from '@angular/router';
import { PERMISSIONS, type Permission } from '@marsad/contracts';
import { LocaleService, SessionService } from '@marsad/web/data-access';
import { PERMISSION_LABEL_KEYS, ROLE_LABEL_KEYS } from '@marsad/web/ui';
import { TranslatePipe } from '@ngx-translate/core';

/** Says what is missing (signed out, or a permission the role lacks) and whom to ask. */
@Component({
  selector: 'msd-forbidden-page',
  imports: [RouterLink, TranslatePipe, MatButton],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="msd-page auth-page">
      <div class="msd-card auth-card">
        <p class="msd-eyebrow">{{ 'forbidden.eyebrow' | translate }}</p>
        <h1>{{ 'forbidden.title' | translate }}</h1>
        @if (needKey(); as key) {
          <p>{{ 'forbidden.needs' | translate: { permission: (key | translate) } }}</p>
        } @else {
          <p>{{ 'forbidden.generic' | translate }}</p>
        }
        @if (user(); as u) {
          <p>
            {{ 'forbidden.yourRole' | translate: { name: u.displayName, role: (roleKeys[u.role] | translate) } }}
          </p>
          <p>{{ (u.role === 'COORDINATOR' ? 'forbidden.whomToAskAdmin' : 'forbidden.whomToAsk') | translate }}</p>
          <div class="msd-form__actions">
            <button mat-button type="button" (click)="switchAccount()">
              {{ 'forbidden.otherAccount' | translate }}
            </button>
            <a mat-flat-button [routerLink]="['/', locale()]">{{ 'common.backToOverview' | translate }}</a>
          </div>
        } @else {
          <p>{{ 'forbidden.signedOut' | translate }}</p>
          <div class="msd-form__actions">
            <a mat-button [routerLink]="['/', locale()]">{{ 'common.backToOverview' | translate }}</a>
            <a mat-flat-button [routerLink]="['/', locale(), 'sign-in']">{{ 'account.signIn' | translate }}</a>
          </div>
        }
      </div>
    </section>
  `,
  styleUrl: '../shared/auth-page.scss',
})
export class ForbiddenPage {
  /** The permission the page wanted (from the query string). */
  readonly need = input<string | undefined>();

  private readonly session = inject(SessionService);
  private readonly router = inject(Router);
  protected readonly locale = inject(LocaleService).locale;
  protected readonly user = this.session.user;
  protected readonly roleKeys = ROLE_LABEL_KEYS;

  protected readonly needKey = computed(() => {
    const need = this.need();
    return need && (PERMISSIONS as readonly string[]).includes(need) ? PERMISSION_LABEL_KEYS[need as Permission] : null;
  });

  protected switchAccount(): void {
    this.session.signOut().subscribe(() => void this.router.navigate(['/', this.locale(), 'sign-in']));
  }
}
