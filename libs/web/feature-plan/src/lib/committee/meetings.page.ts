import { ChangeDetectionStrategy, Component, computed, effect, inject, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import { MEETING_PLACE_MAX_LENGTH, Permission, type InvitedExpert } from '@marsad/contracts';
import {
  apiResource,
  ApiError,
  CommitteeApi,
  DocumentTitleService,
  LocaleService,
  SessionService,
} from '@marsad/web/data-access';
import { EmptyState, LoadingIndicator, LocaleDatePipe } from '@marsad/web/ui';
import { FieldError, FormAlertBox, ServerForm } from '@marsad/web/ui/forms';
import { TranslatePipe } from '@ngx-translate/core';
import { rowsFromProposal, toAgendaInput, type AgendaRow } from './agenda';
import { AgendaEditor } from './agenda-editor';
import { CommitteeChip } from './committee-chip';
import { CommitteeNav } from './committee-nav';
import { cleanExperts, ExpertsEditor } from './experts-editor';
import { casablancaToIso, MeetingTimePipe } from './meeting-time';

const URL_PATTERN = /^https?:\/\/\S+$/i;

/**
 * The committee's meetings, the newest first, and (ADD's coordinators) the form that prepares the
 * next one: its agenda starts from the standing items and every open action item.
 */
@Component({
  selector: 'msd-meetings-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    TranslatePipe,
    MatButton,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    FieldError,
    FormAlertBox,
    EmptyState,
    LoadingIndicator,
    LocaleDatePipe,
    MeetingTimePipe,
    CommitteeChip,
    CommitteeNav,
    AgendaEditor,
    ExpertsEditor,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './meetings.page.html',
  styleUrl: './committee.scss',
})
export class MeetingsPage {
  private readonly api = inject(CommitteeApi);
  private readonly router = inject(Router);
  protected readonly locale = inject(LocaleService).locale;
  protected readonly canManage = inject(SessionService).can(Permission.CommitteeManage);
  protected readonly placeMax = MEETING_PLACE_MAX_LENGTH;

  protected readonly meetings = apiResource({ stream: () => this.api.meetings() });
  protected readonly asOf = computed(() => (this.meetings.value() ? new Date() : null));

  protected readonly preparing = signal(false);
  protected readonly proposal = apiResource({
    params: () => (this.preparing() ? true : undefined),
    stream: () => this.api.agendaProposal(),
  });
  protected readonly agenda = signal<AgendaRow[]>([]);
  protected readonly experts = signal<InvitedExpert[]>([]);

  private readonly fb = inject(FormBuilder).nonNullable;
  protected readonly form = this.fb.group({
    startsAt: ['', [Validators.required]],
    place: ['', [Validators.maxLength(MEETING_PLACE_MAX_LENGTH)]],
    onlineUrl: ['', [Validators.pattern(URL_PATTERN)]],
  });
  protected readonly save = new ServerForm(this.form);

  constructor() {
    const title = inject(DocumentTitleService);
    effect(() => title.set('titles.committeeMeetings'));
    // The agenda starts from the proposal each time the form opens.
    effect(() => {
      const proposal = this.proposal.value();
      if (proposal) this.agenda.set(rowsFromProposal(proposal));
    });
  }

  protected open(): void {
    this.form.reset();
    this.experts.set([]);
    this.agenda.set([]);
    this.save.clear();
    this.preparing.set(true);
  }

  protected submit(): void {
    const startsAt = casablancaToIso(this.form.controls.startsAt.value);
    if (this.form.invalid || !startsAt) {
      if (!startsAt) this.form.controls.startsAt.setErrors({ required: true });
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    this.save.start();
    this.api
      .createMeeting({
        startsAt,
        place: value.place.trim() || null,
        onlineUrl: value.onlineUrl.trim() || null,
        agenda: toAgendaInput(this.agenda()),
        experts: cleanExperts(this.experts()),
      })
      .subscribe({
        next: (meeting) => {
          this.save.done();
          this.preparing.set(false);
          void this.router.navigate(['/', this.locale(), 'committee', 'meetings', meeting.id]);
        },
        error: (error: ApiError) => this.save.fail(error),
      });
  }
}
