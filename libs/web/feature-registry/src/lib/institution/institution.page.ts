import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import {
  APPOINTMENT_ACT_CONTENT_TYPES,
  APPOINTMENT_ACT_MAX_BYTES,
  isInstitutionScoped,
  Permission,
  pickText,
  type AppointmentView,
  type AuditEventView,
  type EventType,
  type InstitutionRef,
} from '@marsad/contracts';
import {
  ApiError,
  apiResource,
  AuditApi,
  DocumentTitleService,
  EventsApi,
  LocaleService,
  OfficersApi,
  RegistryApi,
  SessionService,
} from '@marsad/web/data-access';
import {
  EmptyState,
  LoadingIndicator,
  LocaleDatePipe,
  LocaleNumberPipe,
  LocalePercentPipe,
  LocalizedTextLangPipe,
  LocalizedTextPipe,
  TrafficLightBadge,
} from '@marsad/web/ui';
import { AuditEventList } from '@marsad/web/ui/audit';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { catchError, of } from 'rxjs';
import {
  APPOINTMENT_STATUS_KEYS,
  INSTITUTION_TYPE_KEYS,
  OFFICER_ROLE_KEYS,
  SUBTYPE_KEYS,
} from '../shared/registry-labels';
import { AppointmentForm } from './appointment-form';
import { EndAppointmentDialog, type EndAppointmentDialogData } from './end-appointment-dialog';

// Literal keys, so the translation check finds every one.
const EVENT_TYPE_KEYS: Record<EventType, string> = {
  workshop: 'events.types.workshop',
  training: 'events.types.training',
  promotion: 'events.types.promotion',
  hackathon: 'events.types.hackathon',
  other: 'events.types.other',
};

const ROLE_ORDER = { ROD: 0, GDD: 1 } as const;
const STATUS_ORDER = { active: 0, interim: 1, ended: 2 } as const;

/** Current officers first (ROD, then GdD; active before interim), then the ended ones, newest first. */
export function splitAppointments(all: readonly AppointmentView[]): {
  current: AppointmentView[];
  ended: AppointmentView[];
} {
  const current = all
    .filter((a) => a.status !== 'ended')
    .sort(
      (a, b) =>
        ROLE_ORDER[a.role] - ROLE_ORDER[b.role] ||
        STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
        b.appointedOn.localeCompare(a.appointedOn),
    );
  const ended = all
    .filter((a) => a.status === 'ended')
    .sort((a, b) => (b.endedOn ?? '').localeCompare(a.endedOn ?? ''));
  return { current, ended };
}

/** One administration of the registry and its open-data officers (ROD) and data managers (GdD). */
@Component({
  selector: 'msd-institution-page',
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
    AuditEventList,
    AppointmentForm,
    TrafficLightBadge,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './institution.page.html',
  styleUrl: './institution.page.scss',
})
export class InstitutionPage {
  readonly code = input.required<string>();

  private readonly registry = inject(RegistryApi);
  private readonly officers = inject(OfficersApi);
  private readonly auditApi = inject(AuditApi);
  private readonly eventsApi = inject(EventsApi);
  private readonly session = inject(SessionService);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly translate = inject(TranslateService);
  private readonly title = inject(DocumentTitleService);
  private readonly localeService = inject(LocaleService);
  protected readonly locale = this.localeService.locale;

  protected readonly typeKeys = INSTITUTION_TYPE_KEYS;
  protected readonly subtypeKeys = SUBTYPE_KEYS;
  protected readonly roleKeys = OFFICER_ROLE_KEYS;
  protected readonly statusKeys = APPOINTMENT_STATUS_KEYS;
  protected readonly actAccept = APPOINTMENT_ACT_CONTENT_TYPES.join(',');
  protected readonly eventTypeKeys = EVENT_TYPE_KEYS;

  protected readonly detail = apiResource({
    params: () => this.code(),
    stream: ({ params }) => this.registry.get(params),
  });
  protected readonly appointments = apiResource({
    params: () => this.code(),
    stream: ({ params }) => this.officers.list(params),
  });
  protected readonly split = computed(() => splitAppointments(this.appointments.value() ?? []));
  /** Its traffic light with each input, source and date; left out when the call fails. */
  protected readonly trafficLight = rxResource({
    params: () => this.code(),
    stream: ({ params }) => this.registry.trafficLight(params).pipe(catchError(() => of(null))),
    defaultValue: null,
  });

  /** Coordinators everywhere; officers for their own administration only. The API still decides. */
  protected readonly canManage = computed(() => this.session.canManageOfficersOf(this.code()));
  protected readonly canReadAudit = computed(() => this.session.permissions().includes(Permission.AuditRead));
  /** Its people's trainings: ADD, the committee, administrators, and the administration's own people (as the API rules). */
  protected readonly canReadParticipations = computed(() => {
    const user = this.session.user();
    return !!user && (!isInstitutionScoped(user.role) || user.institution?.code === this.code());
  });
  protected readonly participations = apiResource({
    params: () => (this.canReadParticipations() ? this.code() : undefined),
    stream: ({ params }) => this.eventsApi.participations(params),
  });

  protected readonly editingId = signal<string | null>(null);
  protected readonly history = signal<Record<string, AuditEventView[] | 'loading' | 'error'>>({});

  constructor() {
    effect(() => {
      const i = this.detail.value();
      if (i) this.title.set('titles.institutionNamed', { name: pickText(i.name, this.locale())?.text ?? i.code });
    });
  }

  protected name(ref: InstitutionRef | null | undefined): string {
    return ref ? (pickText(ref.name, this.locale())?.text ?? ref.code) : '';
  }

  /** The person's name in the reader's script first; null when the API hides it. */
  protected personName(a: AppointmentView): { primary: string; secondary: string } | null {
    const n = a.fullName;
    if (!n || (!n.ar && !n.fr)) return null;
    const first = this.locale() === 'ar' ? (n.ar ?? n.fr) : (n.fr ?? n.ar);
    const other = this.locale() === 'ar' ? n.fr : n.ar;
    return { primary: first ?? '', secondary: other && other !== first ? other : '' };
  }

  /** A participant's name in the reader's script first; null when the API hides it. */
  protected participantName(fullName: { ar: string | null; fr: string | null } | null): string | null {
    if (!fullName) return null;
    const first = this.locale() === 'ar' ? fullName.ar : fullName.fr;
    const other = this.locale() === 'ar' ? fullName.fr : fullName.ar;
    return first?.trim() || other?.trim() || null;
  }

  protected listLink(params: Record<string, string>): { path: unknown[]; query: Record<string, string> } {
    return { path: ['/', this.locale(), 'institutions'], query: params };
  }

  protected institutionLink(code: string): unknown[] {
    return ['/', this.locale(), 'institutions', code];
  }

  protected exportUrl(format: 'csv' | 'xlsx', code: string): string {
    return this.registry.officersExportUrl(format, { institution: code });
  }

  protected actUrl(a: AppointmentView): string {
    return this.officers.actUrl(a.id);
  }

  protected onSaved(a: AppointmentView, created: boolean): void {
    this.editingId.set(null);
    this.appointments.reload();
    this.snackBar.open(this.translate.instant(created ? 'officers.appointed' : 'officers.updated'), undefined, {
      duration: 4000,
    });
    this.history.update((h) => {
      const next = { ...h };
      delete next[a.id];
      return next;
    });
  }

  protected endAppointment(a: AppointmentView): void {
    const label = this.personName(a)?.primary ?? (this.translate.instant(OFFICER_ROLE_KEYS[a.role]) as string);
    this.dialog
      .open<EndAppointmentDialog, EndAppointmentDialogData, AppointmentView>(EndAppointmentDialog, {
        data: { appointment: a, label },
        direction: this.localeService.dir(),
        maxWidth: '95vw',
        width: '32rem',
        disableClose: true,
      })
      .afterClosed()
      .subscribe((ended) => {
        if (!ended) return;
        this.appointments.reload();
        this.snackBar.open(this.translate.instant('officers.ended'), undefined, { duration: 4000 });
      });
  }

  protected uploadAct(a: AppointmentView, event: Event): void {
    const inputEl = event.target as HTMLInputElement;
    const file = inputEl.files?.[0];
    inputEl.value = '';
    if (!file) return;
    if (file.size > APPOINTMENT_ACT_MAX_BYTES) {
      this.snackBar.open(this.translate.instant('errors.PAYLOAD_TOO_LARGE'), undefined, { duration: 6000 });
      return;
    }
    this.officers.uploadAct(a.id, file).subscribe({
      next: () => {
        this.appointments.reload();
        this.snackBar.open(this.translate.instant('officers.act.uploaded'), undefined, { duration: 4000 });
      },
      error: (e: ApiError) => this.snackBar.open(this.translate.instant(e.messageKey), undefined, { duration: 6000 }),
    });
  }

  protected toggleHistory(a: AppointmentView): void {
    const current = this.history()[a.id];
    if (current && current !== 'error') {
      this.history.update((h) => {
        const next = { ...h };
        delete next[a.id];
        return next;
      });
      return;
    }
    this.history.update((h) => ({ ...h, [a.id]: 'loading' }));
    this.auditApi.list({ entityType: 'officer-appointment', entityId: a.id, pageSize: 50 }).subscribe({
      next: (page) => this.history.update((h) => ({ ...h, [a.id]: page.items })),
      error: () => this.history.update((h) => ({ ...h, [a.id]: 'error' })),
    });
  }

  protected historyOf(id: string): AuditEventView[] | 'loading' | 'error' | undefined {
    return this.history()[id];
  }

  protected asEvents(value: AuditEventView[] | 'loading' | 'error' | undefined): AuditEventView[] {
    return Array.isArray(value) ? value : [];
  }
}
