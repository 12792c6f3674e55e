import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatSnackBar } from '@angular/material/snack-bar';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  EVENT_STATUSES,
  EVENT_TYPES,
  Permission,
  pickText,
  type EventDetail,
  type InstitutionRef,
} from '@marsad/contracts';
import { apiResource, DocumentTitleService, EventsApi, LocaleService, SessionService } from '@marsad/web/data-access';
import {
  DemoBadge,
  EmptyState,
  FilterBar,
  FilterSelect,
  keyedOptions,
  LoadingIndicator,
  LocaleDatePipe,
  LocaleNumberPipe,
  LocalizedTextLangPipe,
  LocalizedTextPipe,
  type FilterOption,
} from '@marsad/web/ui';
import { Pager } from '@marsad/web/ui/audit';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { EventForm } from './event-form';
import { EVENT_FORMAT_KEYS, EVENT_STATUS_GLYPHS, EVENT_STATUS_KEYS, EVENT_TYPE_KEYS } from './event-labels';
import { eventsQueryFrom, isNarrowed, yearOptions } from './event-rules';

/**
 * The plan's events, the soonest last: workshops (measure 4), trainings (8), promotion actions (9)
 * and hackathons (12), filtered in the URL. Coordinators record new ones here.
 */
@Component({
  selector: 'msd-events-page',
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
    EventForm,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './events.page.html',
  styleUrl: './events.scss',
})
export class EventsPage {
  // Query string, bound by the router (withComponentInputBinding).
  readonly type = input<string | undefined>();
  readonly status = input<string | undefined>();
  readonly year = input<string | undefined>();
  readonly page = input<string | undefined>();

  private readonly api = inject(EventsApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly session = inject(SessionService);
  private readonly snackBar = inject(MatSnackBar);
  private readonly translate = inject(TranslateService);
  protected readonly locale = inject(LocaleService).locale;
  protected readonly canManage = computed(() => this.session.can(Permission.EventManage));

  protected readonly typeKeys = EVENT_TYPE_KEYS;
  protected readonly formatKeys = EVENT_FORMAT_KEYS;
  protected readonly statusKeys = EVENT_STATUS_KEYS;
  protected readonly statusGlyphs = EVENT_STATUS_GLYPHS;
  protected readonly typeOptions = keyedOptions(EVENT_TYPES, EVENT_TYPE_KEYS);
  protected readonly statusOptions = keyedOptions(EVENT_STATUSES, EVENT_STATUS_KEYS);
  protected readonly yearOptions: FilterOption[] = yearOptions().map((y) => ({ value: String(y), label: String(y) }));

  protected readonly query = computed(() =>
    eventsQueryFrom({ type: this.type(), status: this.status(), year: this.year(), page: this.page() }),
  );
  protected readonly narrowed = computed(() => isNarrowed(this.query()));
  protected readonly result = apiResource({
    params: () => this.query(),
    stream: ({ params }) => this.api.list(params),
  });

  protected readonly creating = signal(false);

  constructor() {
    const title = inject(DocumentTitleService);
    effect(() => title.set('events.title'));
  }

  protected setFilter(name: 'type' | 'status' | 'year', value: string): void {
    this.navigate({ [name]: value || null, page: null });
  }

  protected clearFilters(): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: {} });
  }

  protected goTo(page: number): void {
    this.navigate({ page: page > 1 ? page : null });
  }

  protected name(ref: InstitutionRef): string {
    return pickText(ref.name, this.locale())?.text ?? ref.code;
  }

  protected created(event: EventDetail): void {
    this.creating.set(false);
    this.snackBar.open(this.translate.instant('events.form.created'), undefined, { duration: 4000 });
    void this.router.navigate(['/', this.locale(), 'events', event.id]);
  }

  private navigate(queryParams: Record<string, string | number | null>): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams, queryParamsHandling: 'merge' });
  }
}
