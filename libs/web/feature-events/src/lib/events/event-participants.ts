import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import {
  EVENT_LIMITS,
  pickText,
  type AppointmentView,
  type EventDetail,
  type EventParticipantsRequest,
  type InstitutionRef,
  type Locale,
} from '@marsad/contracts';
import { apiResource, ApiError, EventsApi, LocaleService, OfficersApi } from '@marsad/web/data-access';
import { LoadingIndicator } from '@marsad/web/ui';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { askConfirm } from './confirm';
import { InstitutionPicker } from '@marsad/web/feature-registry';
import { AUDIENCE_KEYS, OFFICER_ROLE_KEYS } from './event-labels';
import { COUNTED_CATEGORIES, countChanges, type CountedCategory } from './event-rules';

/** A person's name in the reader's language when there is one, else in the other. */
export function personName(fullName: { ar: string | null; fr: string | null } | null, locale: Locale): string | null {
  if (!fullName) return null;
  const first = locale === 'ar' ? fullName.ar : fullName.fr;
  const other = locale === 'ar' ? fullName.fr : fullName.ar;
  return first?.trim() || other?.trim() || null;
}

/**
 * Who took part, for coordinators: the register's officers and data managers by name (added by
 * administration, removed one by one), and the other participants counted by category.
 */
@Component({
  selector: 'msd-event-participants',
  imports: [RouterLink, TranslatePipe, MatButton, LoadingIndicator, InstitutionPicker],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './event-participants.html',
  styleUrl: './events.scss',
})
export class EventParticipants {
  readonly event = input.required<EventDetail>();
  /** Coordinators change the participants; others with access only read the names. */
  readonly canManage = input(false);
  /** The event as the API returned it after a change. */
  readonly changed = output<EventDetail>();
  /** Someone changed the event meanwhile (409): the page fetches it again. */
  readonly stale = output<void>();

  private readonly api = inject(EventsApi);
  private readonly officersApi = inject(OfficersApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly translate = inject(TranslateService);
  private readonly localeService = inject(LocaleService);
  protected readonly locale = this.localeService.locale;
  protected readonly roleKeys = OFFICER_ROLE_KEYS;
  protected readonly audienceKeys = AUDIENCE_KEYS;
  protected readonly counted = COUNTED_CATEGORIES;
  protected readonly maxCount = EVENT_LIMITS.count;

  protected readonly busy = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);

  protected readonly participants = computed(() => this.event().participants ?? []);
  private readonly registered = computed(() => new Set(this.participants().map((p) => p.appointmentId)));

  // Adding officers: an administration, then its people in office.
  protected readonly institution = signal<InstitutionRef | null>(null);
  protected readonly officers = apiResource({
    params: () => this.institution()?.code,
    stream: ({ params }) => this.officersApi.list(params),
  });
  protected readonly inOffice = computed(() => (this.officers.value() ?? []).filter((a) => a.status !== 'ended'));
  protected readonly selected = signal<ReadonlySet<string>>(new Set());

  // Other participants, as the coordinator types them before saving.
  protected readonly draft = signal<Partial<Record<CountedCategory, number | null>>>({});
  protected readonly countsDirty = computed(() => countChanges(this.event(), this.draft()).length > 0);

  constructor() {
    effect(() => {
      const byCategory = new Map(this.event().byCategory.map((c) => [c.category, c.count]));
      this.draft.set(Object.fromEntries(COUNTED_CATEGORIES.map((c) => [c, byCategory.get(c) ?? 0])));
    });
  }

  protected name(fullName: { ar: string | null; fr: string | null } | null): string | null {
    return personName(fullName, this.locale());
  }

  protected institutionName(ref: InstitutionRef): string {
    return pickText(ref.name, this.locale())?.text ?? ref.code;
  }

  protected isRegistered(officer: AppointmentView): boolean {
    return this.registered().has(officer.id);
  }

  protected pickInstitution(ref: InstitutionRef | null): void {
    this.institution.set(ref);
    this.selected.set(new Set());
  }

  protected toggle(id: string, checked: boolean): void {
    this.selected.update((s) => {
      const next = new Set(s);
      if (checked) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  protected addOfficers(): void {
    const ids = [...this.selected()].filter((id) => !this.registered().has(id));
    if (!ids.length) return;
    this.send('add', { addAppointmentIds: ids }, 'events.participants.added', () => this.selected.set(new Set()));
  }

  protected async remove(participantId: string, name: string | null): Promise<void> {
    const ok = await askConfirm(
      this.dialog,
      this.translate,
      this.localeService.dir(),
      {
        title: 'events.participants.removeTitle',
        message: 'events.participants.removeMessage',
        confirm: 'events.participants.remove',
      },
      { name: name ?? this.translate.instant('officers.nameHidden') },
    );
    if (!ok) return;
    this.send('remove', { removeParticipantIds: [participantId] }, 'events.participants.removed');
  }

  protected setCount(category: CountedCategory, value: string): void {
    const count = value === '' ? null : Number(value);
    this.draft.update((d) => ({ ...d, [category]: Number.isFinite(count) ? count : null }));
  }

  protected saveCounts(): void {
    const counts = countChanges(this.event(), this.draft());
    if (!counts.length) return;
    this.send('counts', { counts }, 'events.participants.countsSaved');
  }

  private send(
    what: string,
    request: Omit<EventParticipantsRequest, 'version'>,
    doneKey: string,
    after?: () => void,
  ): void {
    const event = this.event();
    this.busy.set(what);
    this.error.set(null);
    this.api.participants(event.id, { version: event.version, ...request }).subscribe({
      next: (saved) => {
        this.busy.set(null);
        after?.();
        this.changed.emit(saved);
        this.snackBar.open(this.translate.instant(doneKey), undefined, { duration: 4000 });
      },
      error: (error: ApiError) => {
        this.busy.set(null);
        if (error.code === 'VERSION_CONFLICT') {
          this.stale.emit();
          this.error.set('events.reloaded');
          return;
        }
        this.error.set(error.fields.length ? error.fields.map((f) => f.message).join(' ') : error.messageKey);
      },
    });
  }
}
