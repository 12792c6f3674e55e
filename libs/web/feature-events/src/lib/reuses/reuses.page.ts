import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  linkedSignal,
  signal,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatSnackBar } from '@angular/material/snack-bar';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  Permission,
  pickText,
  type InstitutionRef,
  type ReusePage,
  type ReuseStatus,
  type ReuseView,
} from '@marsad/contracts';
import { apiResource, DocumentTitleService, LocaleService, ReusesApi, SessionService } from '@marsad/web/data-access';
import {
  DemoBadge,
  EmptyState,
  FilterBar,
  FilterSelect,
  formatNumber,
  LoadingIndicator,
  LocaleDatePipe,
  LocaleNumberPipe,
  LocalizedTextLangPipe,
  LocalizedTextPipe,
  type FilterOption,
} from '@marsad/web/ui';
import { Pager } from '@marsad/web/ui/audit';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { REUSE_ORIGIN_KEYS, REUSE_STATUS_GLYPHS, REUSE_STATUS_KEYS, REUSER_TYPE_KEYS } from './reuse-labels';
import { ReuseModeration, type ModerationOutcome } from './reuse-moderation';
import { canPublish, canReject, isNarrowed, reusesQueryFrom } from './reuse-rules';

/** The coordinators' views of the showcase, one status each. */
const TABS: { status: ReuseStatus; key: string }[] = [
  { status: 'published', key: 'reuses.moderation.tabPublished' },
  { status: 'submitted', key: 'reuses.moderation.tabSubmitted' },
  { status: 'rejected', key: 'reuses.moderation.tabRejected' },
];

/**
 * The showcase of what people built with the portal's data (measure 11), filtered in the URL so a filtered
 * view can be shared. Coordinators also moderate the proposals here.
 */
@Component({
  selector: 'msd-reuses-page',
  imports: [
    RouterLink,
    TranslatePipe,
    MatButton,
    FilterBar,
    FilterSelect,
    EmptyState,
    LoadingIndicator,
    DemoBadge,
    LocaleDatePipe,
    LocaleNumberPipe,
    LocalizedTextPipe,
    LocalizedTextLangPipe,
    Pager,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './reuses.page.html',
  styleUrl: './reuses.scss',
})
export class ReusesPage {
  // Query string, bound by the router (withComponentInputBinding).
  readonly theme = input<string | undefined>();
  readonly institution = input<string | undefined>();
  readonly reuserType = input<string | undefined>();
  readonly status = input<string | undefined>();
  readonly page = input<string | undefined>();

  private readonly api = inject(ReusesApi);
  private readonly moderation = inject(ReuseModeration);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly session = inject(SessionService);
  private readonly snackBar = inject(MatSnackBar);
  private readonly translate = inject(TranslateService);
  protected readonly locale = inject(LocaleService).locale;
  protected readonly moderator = computed(() => this.session.can(Permission.ReuseManage));

  protected readonly tabs = TABS;
  protected readonly typeKeys = REUSER_TYPE_KEYS;
  protected readonly originKeys = REUSE_ORIGIN_KEYS;
  protected readonly statusKeys = REUSE_STATUS_KEYS;
  protected readonly statusGlyphs = REUSE_STATUS_GLYPHS;
  protected readonly canPublish = canPublish;
  protected readonly canReject = canReject;

  protected readonly query = computed(() =>
    reusesQueryFrom(
      {
        theme: this.theme(),
        institution: this.institution(),
        reuserType: this.reuserType(),
        status: this.status(),
        page: this.page(),
      },
      this.moderator(),
    ),
  );
  protected readonly narrowed = computed(() => isNarrowed(this.query()));
  /** Which status the page shows: always published for the public. */
  protected readonly tab = computed<ReuseStatus>(() => this.query().status ?? 'published');
  protected readonly result = apiResource({
    params: () => this.query(),
    stream: ({ params }) => this.api.list(params),
  });
  /** The last page received, kept on screen (marked busy) while the next one loads. */
  protected readonly shown = linkedSignal<ReusePage | null, ReusePage | null>({
    source: this.result.value,
    computation: (value, previous) => value ?? previous?.value ?? null,
  });

  /** How many proposals wait for a coordinator: the count on the moderation tab. */
  private readonly waiting = apiResource({
    params: () => (this.moderator() ? 'submitted' : undefined),
    stream: () => this.api.list({ status: 'submitted', pageSize: 1 }),
  });
  protected readonly waitingCount = computed(() => this.waiting.value()?.total ?? null);

  private readonly texts = toSignal(this.translate.onLangChange, { initialValue: null });
  protected readonly themeOptions = computed<FilterOption[]>(() => {
    const facets = this.shown()?.facets.themes ?? [];
    const options = facets.map((f) => ({ value: f.theme, label: this.counted(f.theme, f.count) }));
    return withCurrent(options, this.query().theme);
  });
  protected readonly institutionOptions = computed<FilterOption[]>(() => {
    const facets = this.shown()?.facets.institutions ?? [];
    const options = facets.map((f) => ({
      value: f.institution.code,
      label: this.counted(this.name(f.institution), f.count),
    }));
    return withCurrent(options, this.query().institution);
  });
  protected readonly typeOptions = computed<FilterOption[]>(() => {
    this.texts();
    const facets = this.shown()?.facets.reuserTypes ?? [];
    const options = facets.map((f) => ({
      value: f.reuserType,
      label: this.counted(this.translate.instant(REUSER_TYPE_KEYS[f.reuserType]) as string, f.count),
    }));
    const current = this.query().reuserType;
    return current && !options.some((o) => o.value === current)
      ? [...options, { value: current, labelKey: REUSER_TYPE_KEYS[current] }]
      : options;
  });

  protected readonly busyId = signal<string | null>(null);
  protected readonly notice = signal<string | null>(null);

  constructor() {
    const title = inject(DocumentTitleService);
    effect(() => title.set('reuses.title'));
  }

  protected setFilter(name: 'theme' | 'institution' | 'reuserType', value: string): void {
    this.navigate({ [name]: value || null, page: null });
  }

  protected setTab(status: ReuseStatus): void {
    this.notice.set(null);
    this.navigate({
      status: status === 'published' ? null : status,
      theme: null,
      institution: null,
      reuserType: null,
      page: null,
    });
  }

  protected clearFilters(): void {
    this.navigate({ theme: null, institution: null, reuserType: null, page: null });
  }

  protected goTo(page: number): void {
    this.navigate({ page: page > 1 ? page : null });
  }

  protected name(ref: InstitutionRef): string {
    return pickText(ref.name, this.locale())?.text ?? ref.code;
  }

  protected async publish(reuse: ReuseView): Promise<void> {
    this.busyId.set(reuse.id);
    this.settle(await this.moderation.publish(reuse), 'reuses.moderation.published');
  }

  protected async reject(reuse: ReuseView): Promise<void> {
    this.busyId.set(reuse.id);
    this.settle(await this.moderation.reject(reuse), 'reuses.moderation.rejected');
  }

  private settle(outcome: ModerationOutcome, doneKey: string): void {
    this.busyId.set(null);
    switch (outcome.kind) {
      case 'cancelled':
        return;
      case 'saved':
        this.notice.set(null);
        this.snackBar.open(this.translate.instant(doneKey), undefined, { duration: 4000 });
        break;
      case 'conflict':
        // Someone moderated it first: show the lists as they are now, and say why.
        this.notice.set('reuses.moderation.reloaded');
        break;
      case 'failed':
        this.notice.set(outcome.messageKey);
        return;
    }
    this.result.reload();
    this.waiting.reload();
  }

  private counted(label: string, count: number): string {
    return `${label} (${formatNumber(count, this.locale())})`;
  }

  private navigate(queryParams: Record<string, string | number | null>): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams, queryParamsHandling: 'merge' });
  }
}

/** A value in the URL that the facets no longer list stays choosable, so the select still shows it. */
function withCurrent(options: FilterOption[], current: string | undefined): FilterOption[] {
  return current && !options.some((o) => o.value === current)
    ? [...options, { value: current, label: current }]
    : options;
}
