import { BidiModule } from '@angular/cdk/bidi';
import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, inject, viewChild } from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { MatIconButton } from '@angular/material/button';
import { MatSidenav, MatSidenavContainer, MatSidenavContent } from '@angular/material/sidenav';
import { MatToolbar } from '@angular/material/toolbar';
import { NavigationEnd, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { LOCALES, Permission, pickText, type Locale } from '@marsad/contracts';
import {
  DEFAULT_PLAN_CODE,
  HealthApi,
  LocaleService,
  PlanApi,
  SessionService,
  swapLocaleInUrl,
} from '@marsad/web/data-access';
import { LocalizedTextPipe } from '@marsad/web/ui';
import { TranslatePipe } from '@ngx-translate/core';
import { catchError, filter, map, of } from 'rxjs';
import { AccountMenu } from './account-menu';
import { NotificationBell } from './notification-bell';

// Language names are written in their own language, whatever the page's language.
const LANGUAGE_SWITCH: Record<Locale, { short: string; name: string }> = {
  ar: { short: 'ع', name: 'العربية' },
  fr: { short: 'FR', name: 'Français' },
  en: { short: 'EN', name: 'English' },
};

@Component({
  selector: 'msd-root',
  imports: [
    BidiModule,
    RouterOutlet,
    RouterLink,
    RouterLinkActive,
    TranslatePipe,
    MatToolbar,
    MatIconButton,
    LocalizedTextPipe,
    AccountMenu,
    NotificationBell,
    MatSidenav,
    MatSidenavContainer,
    MatSidenavContent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './app.html',
  styleUrl: './app.scss',
})
export class App {
  private readonly router = inject(Router);
  private readonly localeService = inject(LocaleService);
  private readonly planApi = inject(PlanApi);
  private readonly healthApi = inject(HealthApi);
  private readonly session = inject(SessionService);

  protected readonly locale = this.localeService.locale;
  protected readonly dir = this.localeService.dir;
  protected readonly locales = LOCALES;
  protected readonly languageSwitch = LANGUAGE_SWITCH;
  /** Officers and data managers work for one institution: the navigation says which. */
  protected readonly workingFor = this.session.scopedInstitution;
  protected readonly canManageUsers = computed(() => this.session.permissions().includes(Permission.UserManage));
  protected readonly canManageMail = computed(() => this.session.permissions().includes(Permission.MailManage));
  protected readonly canReadAudit = computed(() => this.session.permissions().includes(Permission.AuditRead));
  protected readonly canValidate = computed(() => this.session.permissions().includes(Permission.ProgressValidate));
  protected readonly canModerateComments = computed(() =>
    this.session.permissions().includes(Permission.CommentModerate),
  );
  protected readonly canReadRounds = computed(() => this.session.permissions().includes(Permission.RoundRead));
  protected readonly canReadCommittee = computed(() => this.session.permissions().includes(Permission.CommitteeRead));
  protected readonly canReadActionItems = computed(() =>
    this.session.permissions().includes(Permission.ActionItemRead),
  );
  /** Signed-in people who have a home of their own (see the plan feature's home redirect). */
  protected readonly hasHome = computed(() => {
    const user = this.session.user();
    return (
      !!user &&
      (!!this.session.scopedInstitution() ||
        user.permissions.includes(Permission.ProgressValidate) ||
        user.permissions.includes(Permission.RoundRead))
    );
  });
  protected readonly canManageOfficers = computed(() => this.session.permissions().includes(Permission.OfficerManage));
  /** The portal harvest page: coordinators run it, audit readers follow it. */
  protected readonly canSeePortal = computed(() =>
    this.session.permissions().some((p) => p === Permission.AuditRead || p === Permission.PortalManage),
  );

  private readonly sidenav = viewChild.required(MatSidenav);

  protected readonly handset = toSignal(
    inject(BreakpointObserver)
      .observe('(max-width: 959.98px)')
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );

  protected readonly url = toSignal(
    this.router.events.pipe(
      filter((event): event is NavigationEnd => event instanceof NavigationEnd),
      map((event) => event.urlAfterRedirects),
    ),
    { initialValue: this.router.url },
  );

  /** The same page in each language. */
  protected readonly languageLinks = computed(() => {
    const url = this.url();
    return LOCALES.map((locale) => ({ locale, url: swapLocaleInUrl(url, locale), ...LANGUAGE_SWITCH[locale] }));
  });

  // Navigation lists the plan's measures; the shell works without them.
  private readonly plan = rxResource({
    stream: () => this.planApi.getPlan(DEFAULT_PLAN_CODE).pipe(catchError(() => of(null))),
  });
  protected readonly navMeasures = computed(() => {
    const plan = this.plan.hasValue() ? this.plan.value() : null;
    const locale = this.locale();
    return (plan?.measures ?? [])
      .slice()
      .sort((a, b) => a.number - b.number)
      .map((m) => ({ id: m.id, number: m.number, title: pickText(m.title, locale)?.text ?? '' }));
  });

  protected readonly health = rxResource({
    stream: () => this.healthApi.get().pipe(catchError(() => of(null))),
  });

  constructor() {
    this.router.events.pipe(filter((e) => e instanceof NavigationEnd)).subscribe(() => {
      if (this.handset()) void this.sidenav().close();
    });
  }

  protected switchLanguage(event: MouseEvent, url: string): void {
    // Let the browser handle new-tab clicks; route in place otherwise.
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    void this.router.navigateByUrl(url);
  }

  protected skipToMain(event: Event): void {
    event.preventDefault();
    document.getElementById('main')?.focus();
  }
}
