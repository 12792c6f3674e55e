import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { isInstitutionScoped, Permission, type ConfirmationKind, type EventType } from '@marsad/contracts';
import {
  apiResource,
  ApiError,
  DocumentTitleService,
  EventsApi,
  HomeApi,
  LocaleService,
  RoundsApi,
  SessionService,
} from '@marsad/web/data-access';
import {
  EmptyState,
  INSTITUTION_TYPE_KEYS,
  LoadingIndicator,
  LocaleDatePipe,
  LocaleNumberPipe,
  LocalePercentPipe,
  LocalizedTextLangPipe,
  LocalizedTextPipe,
  ProvenanceLabel,
  StateChip,
} from '@marsad/web/ui';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { CONFIRMATION_KEYS, INVOLVEMENT_KEYS, OBLIGATION_STATUS_KEYS } from '../rounds/round-labels';
import { OwnActionItems } from '../committee/committee-home-cards';
import { RoundTallyView } from '../rounds/round-tally';

// Literal keys, so the translation check finds every one.
const EVENT_TYPE_KEYS: Record<EventType, string> = {
  workshop: 'events.types.workshop',
  training: 'events.types.training',
  promotion: 'events.types.promotion',
  hackathon: 'events.types.hackathon',
  other: 'events.types.other',
};
const ROLE_KEYS = { ROD: 'officers.roles.ROD', GDD: 'officers.roles.GDD' } as const;
/** Participations shown on the home; the administration's page lists the rest. */
const LATEST_PARTICIPATIONS = 5;

/**
 * "My administration": what an administration's officers need first. The activities it leads or
 * contributes to (official figures, and its own report awaiting validation, marked as such), what
 * the open round still needs, its officers, its inventory and its publication score against the
 * medians. ADD and the committee can open any administration's (the committee without pending figures).
 */
@Component({
  selector: 'msd-administration-home-page',
  imports: [
    RouterLink,
    TranslatePipe,
    MatButton,
    EmptyState,
    LoadingIndicator,
    LocaleDatePipe,
    LocaleNumberPipe,
    LocalePercentPipe,
    LocalizedTextPipe,
    LocalizedTextLangPipe,
    ProvenanceLabel,
    StateChip,
    RoundTallyView,
    OwnActionItems,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './administration-home.page.html',
  styleUrl: './home.scss',
})
export class AdministrationHomePage {
  readonly code = input.required<string>();
  private readonly api = inject(HomeApi);
  private readonly rounds = inject(RoundsApi);
  private readonly eventsApi = inject(EventsApi);
  private readonly session = inject(SessionService);
  private readonly snackBar = inject(MatSnackBar);
  private readonly translate = inject(TranslateService);
  protected readonly locale = inject(LocaleService).locale;
  protected readonly typeKeys = INSTITUTION_TYPE_KEYS;
  protected readonly obligationKeys = OBLIGATION_STATUS_KEYS;
  protected readonly confirmationKeys: Record<string, string> = CONFIRMATION_KEYS;
  protected readonly involvementKeys = INVOLVEMENT_KEYS;
  protected readonly eventTypeKeys = EVENT_TYPE_KEYS;
  protected readonly roleKeys = ROLE_KEYS;

  protected readonly home = apiResource({
    params: () => this.code(),
    stream: ({ params }) => this.api.administration(params),
  });
  protected readonly confirming = signal<ConfirmationKind | null>(null);
  protected readonly confirmError = signal<string | null>(null);

  /** Its own people see its home as theirs. */
  protected readonly own = computed(() => this.session.user()?.institution?.code === this.code());
  /** Every activity listed involves the administration: its own people may report on any of them. */
  protected readonly canReport = computed(() => this.own() && this.session.can(Permission.ProgressReport));
  protected readonly leads = computed(() =>
    (this.home.value()?.activities ?? []).filter((a) => a.involvement === 'lead'),
  );
  protected readonly contributes = computed(() =>
    (this.home.value()?.activities ?? []).filter((a) => a.involvement === 'contributor'),
  );
  /** The committee's action items it owns (its officers and ADD's coordinators update them). */
  protected readonly actionItems = computed(() => this.home.value()?.actionItems ?? []);
  protected readonly canUpdateItems = computed(
    () => this.session.can(Permission.ActionItemUpdate) && (this.own() || this.session.can(Permission.CommitteeManage)),
  );
  /** Its people's trainings: ADD, the committee, administrators and its own people (as the API rules). */
  protected readonly canReadTrainings = computed(() => {
    const user = this.session.user();
    return !!user && (!isInstitutionScoped(user.role) || user.institution?.code === this.code());
  });
  protected readonly trainings = apiResource({
    params: () => (this.canReadTrainings() ? this.code() : undefined),
    stream: ({ params }) => this.eventsApi.participations(params),
  });
  protected readonly latestTrainings = computed(() =>
    (this.trainings.value()?.items ?? []).slice(0, LATEST_PARTICIPATIONS),
  );
  protected readonly returned = computed(() =>
    (this.home.value()?.activities ?? []).filter((a) => a.ownReport?.state === 'returned'),
  );

  constructor() {
    const title = inject(DocumentTitleService);
    effect(() => title.set('titles.administrationHome'));
  }

  /** A participant's name in the reader's script first; null when the API hides it. */
  protected personName(fullName: { ar: string | null; fr: string | null } | null): string | null {
    if (!fullName) return null;
    const first = this.locale() === 'ar' ? fullName.ar : fullName.fr;
    const other = this.locale() === 'ar' ? fullName.fr : fullName.ar;
    return first?.trim() || other?.trim() || null;
  }

  protected canConfirm(kind: ConfirmationKind): boolean {
    if (!this.own()) return false;
    return this.session.can(kind === 'officers' ? Permission.OfficerManage : Permission.InventoryManage);
  }

  protected confirm(kind: ConfirmationKind): void {
    const round = this.home.value()?.round?.round;
    if (!round) return;
    this.confirming.set(kind);
    this.confirmError.set(null);
    this.rounds.confirm(round.id, kind).subscribe({
      next: () => {
        this.confirming.set(null);
        this.snackBar.open(this.translate.instant('home.admin.confirmed'), undefined, { duration: 4000 });
        this.home.reload();
      },
      error: (error: ApiError) => {
        this.confirming.set(null);
        this.confirmError.set(error.messageKey);
      },
    });
  }
}
