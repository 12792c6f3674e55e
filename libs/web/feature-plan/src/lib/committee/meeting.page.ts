import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import {
  ATTENDANCE_STATUSES,
  MINUTES_MAX_LENGTH,
  Permission,
  type AttendanceStatus,
  type AttendanceView,
  type MeetingDetail,
  type MeetingStatus,
  type SessionUser,
} from '@marsad/contracts';
import {
  apiResource,
  ApiError,
  CommitteeApi,
  DocumentTitleService,
  LocaleService,
  SessionService,
} from '@marsad/web/data-access';
import {
  LoadingIndicator,
  LocaleDatePipe,
  LocaleFileSizePipe,
  LocalizedTextLangPipe,
  LocalizedTextPipe,
} from '@marsad/web/ui';
import { ConfirmDialog, type ConfirmDialogData } from '@marsad/web/ui/forms';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import type { Observable } from 'rxjs';
import { lateDays } from './action-item-rules';
import { AgendaEntry } from './agenda-entry';
import { rowsFromAgenda, toAgendaInput, type AgendaRow } from './agenda';
import { AgendaEditor } from './agenda-editor';
import { CommitteeChip } from './committee-chip';
import { ATTENDANCE_KEYS, OWN_ATTENDANCE_KEYS, POSITION_KEYS } from './committee-labels';
import { CommitteeNav } from './committee-nav';
import { DecisionForm } from './decision-form';
import { MeetingTimePipe } from './meeting-time';

/** The attendance row of the signed-in person, when they sit on the committee that day (matched by e-mail). */
export function ownAttendance(meeting: MeetingDetail | null, user: SessionUser | null): AttendanceView | null {
  const email = user?.email.toLowerCase();
  if (!meeting || !email) return null;
  return meeting.attendance.find((a) => a.representative.email?.toLowerCase() === email) ?? null;
}

/** The entries that differ from what the meeting holds: only those are sent. */
export function attendanceChanges(
  meeting: MeetingDetail,
  draft: Readonly<Record<string, AttendanceStatus | null>>,
): { representativeId: string; status: AttendanceStatus | null }[] {
  return meeting.attendance
    .filter((a) => a.representative.id in draft && draft[a.representative.id] !== a.status)
    .map((a) => ({ representativeId: a.representative.id, status: draft[a.representative.id] }));
}

/** Which status buttons a coordinator sees: a planned meeting is held or cancelled, nothing after. */
export function statusMoves(status: MeetingStatus): MeetingStatus[] {
  return status === 'planned' ? ['held', 'cancelled'] : [];
}

/**
 * One meeting: its agenda (action items followed up, with how late they are), attendance, invited
 * experts, minutes (draft, then approved and frozen), documents and decisions. ADD's coordinators
 * record it; a representative confirms their own attendance; the committee reads it all.
 */
@Component({
  selector: 'msd-meeting-page',
  imports: [
    AgendaEntry,
    FormsModule,
    RouterLink,
    TranslatePipe,
    MatButton,
    MatFormField,
    MatLabel,
    MatHint,
    MatInput,
    LoadingIndicator,
    LocaleDatePipe,
    LocaleFileSizePipe,
    LocalizedTextPipe,
    LocalizedTextLangPipe,
    MeetingTimePipe,
    CommitteeChip,
    CommitteeNav,
    AgendaEditor,
    DecisionForm,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './meeting.page.html',
  styleUrl: './committee.scss',
})
export class MeetingPage {
  readonly id = input.required<string>();
  private readonly api = inject(CommitteeApi);
  private readonly session = inject(SessionService);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly translate = inject(TranslateService);
  private readonly localeService = inject(LocaleService);
  protected readonly locale = this.localeService.locale;
  protected readonly canManage = computed(() => this.session.permissions().includes(Permission.CommitteeManage));
  protected readonly attendanceStatuses = ATTENDANCE_STATUSES;
  protected readonly attendanceKeys = ATTENDANCE_KEYS;
  protected readonly ownKeys = OWN_ATTENDANCE_KEYS;
  protected readonly positionKeys = POSITION_KEYS;
  protected readonly minutesMax = MINUTES_MAX_LENGTH;
  protected readonly late = lateDays;

  protected readonly meeting = apiResource({
    params: () => this.id(),
    stream: ({ params }) => this.api.meeting(params),
  });
  protected readonly asOf = computed(() => (this.meeting.value() ? new Date() : null));
  protected readonly busy = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);

  protected readonly own = computed(() => ownAttendance(this.meeting.value(), this.session.user()));
  protected readonly moves = computed(() => statusMoves(this.meeting.value()?.status ?? 'cancelled'));

  // Attendance, as the coordinator sets it before saving.
  protected readonly draft = signal<Record<string, AttendanceStatus | null>>({});
  protected readonly attendanceDirty = computed(() => {
    const m = this.meeting.value();
    return !!m && attendanceChanges(m, this.draft()).length > 0;
  });

  // Minutes, while they are a draft.
  protected minutesFr = '';
  protected minutesAr = '';
  protected readonly minutesDirty = signal(false);

  protected readonly editingAgenda = signal(false);
  protected readonly agendaRows = signal<AgendaRow[]>([]);
  protected readonly recordingDecision = signal(false);

  // A document: a file or a link.
  protected docTitle = '';
  protected docUrl = '';
  protected docRole: 'document' | 'minutes_signed' = 'document';
  protected docFile: File | null = null;

  constructor() {
    const title = inject(DocumentTitleService);
    effect(() => title.set('titles.committeeMeeting'));
    effect(() => {
      const m = this.meeting.value();
      if (!m) return;
      this.draft.set(Object.fromEntries(m.attendance.map((a) => [a.representative.id, a.status])));
      this.minutesFr = m.minutes.fr ?? '';
      this.minutesAr = m.minutes.ar ?? '';
      this.minutesDirty.set(false);
    });
  }

  protected packUrl(format: 'html' | 'pdf' | 'xlsx'): string {
    return this.api.packUrl(this.id(), format, this.locale());
  }

  protected setAttendance(representativeId: string, value: string): void {
    this.draft.update((d) => ({ ...d, [representativeId]: value ? (value as AttendanceStatus) : null }));
  }

  protected saveAttendance(m: MeetingDetail): void {
    this.run(
      'attendance',
      this.api.recordAttendance(m.id, { version: m.version, entries: attendanceChanges(m, this.draft()) }),
      'committee.meeting.attendanceSaved',
    );
  }

  protected confirmOwn(status: AttendanceStatus): void {
    this.run('own', this.api.confirmOwnAttendance(this.id(), status), 'committee.meeting.ownConfirmed');
  }

  protected async changeStatus(m: MeetingDetail, status: MeetingStatus): Promise<void> {
    const held = status === 'held';
    const ok = await this.confirm(
      held ? 'committee.meeting.heldTitle' : 'committee.meeting.cancelTitle',
      held ? 'committee.meeting.heldMessage' : 'committee.meeting.cancelMessage',
      held ? 'committee.meeting.markHeld' : 'committee.meeting.cancel',
      { number: m.number },
    );
    if (!ok) return;
    this.run('status', this.api.updateMeeting(m.id, { version: m.version, status }), 'committee.meeting.statusSaved');
  }

  /** Tells the representatives the pack is ready (once per version of the meeting), after a confirmation. */
  protected async announcePack(m: MeetingDetail): Promise<void> {
    const ok = await this.confirm(
      'committee.pack.announceTitle',
      'committee.pack.announceMessage',
      'committee.pack.announceConfirm',
      { number: m.number },
    );
    if (!ok) return;
    this.busy.set('announce');
    this.error.set(null);
    this.api.announcePack(m.id).subscribe({
      next: ({ notified }) => {
        this.busy.set(null);
        const message =
          notified > 0
            ? this.translate.instant('committee.pack.announced', { count: notified })
            : this.translate.instant('committee.pack.announcedNobody');
        this.snackBar.open(message, undefined, { duration: notified > 0 ? 4000 : 10000 });
      },
      error: (error: ApiError) => {
        this.busy.set(null);
        if (error.code === 'MEETING_STATE_CONFLICT') this.meeting.reload();
        this.error.set(error.messageKey);
      },
    });
  }

  protected saveMinutes(m: MeetingDetail): void {
    const minutes = {
      ...(this.minutesFr.trim() ? { fr: this.minutesFr } : {}),
      ...(this.minutesAr.trim() ? { ar: this.minutesAr } : {}),
    };
    this.run('minutes', this.api.updateMeeting(m.id, { version: m.version, minutes }), 'committee.minutes.saved');
  }

  protected async approveMinutes(m: MeetingDetail): Promise<void> {
    const ok = await this.confirm(
      'committee.minutes.approveTitle',
      'committee.minutes.approveMessage',
      'committee.minutes.approve',
      {
        number: m.number,
      },
    );
    if (!ok) return;
    this.run('approve', this.api.approveMinutes(m.id, m.version), 'committee.minutes.approved');
  }

  protected editAgenda(m: MeetingDetail): void {
    this.agendaRows.set(rowsFromAgenda(m.agenda));
    this.editingAgenda.set(true);
  }

  protected saveAgenda(m: MeetingDetail): void {
    this.run(
      'agenda',
      this.api.updateMeeting(m.id, { version: m.version, agenda: toAgendaInput(this.agendaRows()) }),
      'committee.agenda.saved',
      () => this.editingAgenda.set(false),
    );
  }

  protected pickFile(event: Event): void {
    this.docFile = (event.target as HTMLInputElement).files?.[0] ?? null;
  }

  protected addDocument(m: MeetingDetail, form: HTMLFormElement): void {
    const title = this.docTitle.trim();
    const url = this.docUrl.trim();
    if (!title || (!this.docFile && !url)) {
      this.error.set('committee.documents.missing');
      return;
    }
    const input = this.docFile ? { file: this.docFile, title, role: this.docRole } : { url, title, role: this.docRole };
    this.run('document', this.api.addDocument(m.id, input), 'committee.documents.added', () => {
      this.docTitle = '';
      this.docUrl = '';
      this.docFile = null;
      this.docRole = 'document';
      form.reset();
    });
  }

  protected decisionSaved(): void {
    this.recordingDecision.set(false);
    this.snackBar.open(this.translate.instant('committee.decisions.saved'), undefined, { duration: 4000 });
    this.meeting.reload();
  }

  private run(what: string, call: Observable<unknown>, doneKey: string, after?: () => void): void {
    this.busy.set(what);
    this.error.set(null);
    call.subscribe({
      next: (result) => {
        this.busy.set(null);
        if (result && typeof result === 'object' && 'attendance' in result) this.meeting.set(result as MeetingDetail);
        else this.meeting.reload();
        after?.();
        this.snackBar.open(this.translate.instant(doneKey), undefined, { duration: 4000 });
      },
      error: (error: ApiError) => {
        this.busy.set(null);
        // Someone changed the meeting meanwhile: show theirs, and say so.
        if (error.code === 'VERSION_CONFLICT' || error.code === 'MEETING_STATE_CONFLICT') {
          this.meeting.reload();
          this.snackBar.open(this.translate.instant('committee.meeting.reloaded'), undefined, { duration: 8000 });
        }
        this.error.set(error.messageKey);
      },
    });
  }

  private async confirm(titleKey: string, messageKey: string, confirmKey: string, params: object): Promise<boolean> {
    const ref = this.dialog.open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, {
      data: {
        title: this.translate.instant(titleKey, params),
        message: this.translate.instant(messageKey, params),
        confirm: this.translate.instant(confirmKey),
        cancel: this.translate.instant('common.cancel'),
      },
      direction: this.localeService.dir(),
    });
    return new Promise<boolean>((resolve) => ref.afterClosed().subscribe((r) => resolve(r === true)));
  }
}
