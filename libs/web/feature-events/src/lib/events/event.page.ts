import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { Permission, pickText, type ActivitySummary, type EventDetail, type InstitutionRef } from '@marsad/contracts';
import {
  apiResource,
  ApiError,
  DEFAULT_PLAN_CODE,
  DocumentTitleService,
  EventsApi,
  LocaleService,
  PlanApi,
  SessionService,
} from '@marsad/web/data-access';
import {
  DemoBadge,
  LoadingIndicator,
  LocaleDatePipe,
  LocaleNumberPipe,
  LocalizedTextLangPipe,
  LocalizedTextPipe,
} from '@marsad/web/ui';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { askConfirm } from './confirm';
import { HackathonPanel } from '../hackathon/hackathon-panel';
import { EventForm } from './event-form';
import {
  AUDIENCE_KEYS,
  EVENT_FORMAT_KEYS,
  EVENT_STATUS_GLYPHS,
  EVENT_STATUS_KEYS,
  EVENT_TYPE_KEYS,
} from './event-labels';
import { EventParticipants } from './event-participants';
import { statusMoves, type StatusMove } from './event-rules';
import { SatisfactionCard } from './satisfaction-card';
import { SignInSheetImport } from './sign-in-sheet-import';

const MOVE_KEYS: Record<StatusMove, { label: string; title: string; message: string }> = {
  held: { label: 'events.detail.markHeld', title: 'events.detail.heldTitle', message: 'events.detail.heldMessage' },
  cancelled: {
    label: 'events.detail.markCancelled',
    title: 'events.detail.cancelTitle',
    message: 'events.detail.cancelMessage',
  },
};

/**
 * One event: what the public may know (dates, place, organiser, materials, participants by category)
 * and, for coordinators, its editing, its status and who took part.
 */
@Component({
  selector: 'msd-event-page',
  imports: [
    RouterLink,
    TranslatePipe,
    MatButton,
    LoadingIndicator,
    DemoBadge,
    LocaleDatePipe,
    LocaleNumberPipe,
    LocalizedTextPipe,
    LocalizedTextLangPipe,
    EventForm,
    EventParticipants,
    SatisfactionCard,
    HackathonPanel,
    SignInSheetImport,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './event.page.html',
  styleUrl: './events.scss',
})
export class EventPage {
  readonly id = input.required<string>();

  private readonly api = inject(EventsApi);
  private readonly planApi = inject(PlanApi);
  private readonly session = inject(SessionService);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly translate = inject(TranslateService);
  private readonly localeService = inject(LocaleService);
  protected readonly locale = this.localeService.locale;
  protected readonly canManage = computed(() => this.session.can(Permission.EventManage));

  protected readonly typeKeys = EVENT_TYPE_KEYS;
  protected readonly formatKeys = EVENT_FORMAT_KEYS;
  protected readonly statusKeys = EVENT_STATUS_KEYS;
  protected readonly statusGlyphs = EVENT_STATUS_GLYPHS;
  protected readonly audienceKeys = AUDIENCE_KEYS;
  protected readonly moveKeys = MOVE_KEYS;

  protected readonly event = apiResource({
    params: () => this.id(),
    stream: ({ params }) => this.api.get(params),
  });
  protected readonly moves = computed(() => statusMoves(this.event.value()?.status ?? 'cancelled'));
  protected readonly totalByCategory = computed(() =>
    (this.event.value()?.byCategory ?? []).reduce((sum, c) => sum + c.count, 0),
  );

  /** The plan's activities, to name and link the event's; asked only when it has some. */
  private readonly plan = apiResource({
    params: () => (this.event.value()?.activityCodes.length ? DEFAULT_PLAN_CODE : undefined),
    stream: ({ params }) => this.planApi.getPlan(params),
  });
  protected readonly activities = computed(() => {
    const byCode = new Map<string, ActivitySummary>();
    for (const m of this.plan.value()?.measures ?? []) for (const a of m.activities) byCode.set(a.code, a);
    return (this.event.value()?.activityCodes ?? []).map((code) => ({ code, activity: byCode.get(code) ?? null }));
  });

  protected readonly editing = signal(false);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  constructor() {
    const title = inject(DocumentTitleService);
    effect(() => {
      const e = this.event.value();
      const name = e ? pickText(e.title, this.locale())?.text : null;
      if (name) title.set('events.detailTitleNamed', { title: name });
      else title.set('events.detailTitle');
    });
  }

  protected name(ref: InstitutionRef): string {
    return pickText(ref.name, this.locale())?.text ?? ref.code;
  }

  protected saved(event: EventDetail): void {
    this.editing.set(false);
    this.event.set(event);
    this.snackBar.open(this.translate.instant('events.form.saved'), undefined, { duration: 4000 });
  }

  protected changed(event: EventDetail): void {
    this.error.set(null);
    this.event.set(event);
  }

  /** Shows the event as it is now, without leaving the form or the panel (after a 409). */
  protected refresh(current: EventDetail | null = null): void {
    if (current) {
      this.event.set(current);
      return;
    }
    this.api.get(this.id()).subscribe({ next: (e) => this.event.set(e), error: () => this.event.reload() });
  }

  protected async move(e: EventDetail, status: StatusMove): Promise<void> {
    const keys = MOVE_KEYS[status];
    const title = pickText(e.title, this.locale())?.text ?? '';
    const ok = await askConfirm(
      this.dialog,
      this.translate,
      this.localeService.dir(),
      { title: keys.title, message: keys.message, confirm: keys.label },
      { title },
    );
    if (!ok) return;
    this.busy.set(true);
    this.error.set(null);
    this.api.update(e.id, { version: e.version, status }).subscribe({
      next: (saved) => {
        this.busy.set(false);
        this.event.set(saved);
        this.snackBar.open(this.translate.instant('events.detail.statusSaved'), undefined, { duration: 4000 });
      },
      error: (error: ApiError) => {
        this.busy.set(false);
        if (error.code === 'VERSION_CONFLICT') {
          this.refresh();
          this.error.set('events.reloaded');
          return;
        }
        this.error.set(error.messageKey);
      },
    });
  }
}
