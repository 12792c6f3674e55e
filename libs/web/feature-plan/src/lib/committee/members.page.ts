import { ChangeDetectionStrategy, Component, computed, effect, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatOption } from '@angular/material/core';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatSelect } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import {
  COMMITTEE_POSITIONS,
  Permission,
  pickText,
  type AddRepresentativeRequest,
  type CommitteeMemberView,
  type CommitteePosition,
  type CommitteeRepresentativeView,
  type InstitutionRef,
} from '@marsad/contracts';
import {
  apiResource,
  ApiError,
  CommitteeApi,
  DocumentTitleService,
  LocaleService,
  SessionService,
} from '@marsad/web/data-access';
import { formatDate, LoadingIndicator, LocaleDatePipe, LocalizedTextLangPipe, LocalizedTextPipe } from '@marsad/web/ui';
import { ConfirmDialog, type ConfirmDialogData, DATE_FIELD_IMPORTS, provideMsdDates } from '@marsad/web/ui/forms';
import { MatDialog } from '@angular/material/dialog';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import type { Observable } from 'rxjs';
import { POSITION_KEYS } from './committee-labels';
import { CommitteeNav } from './committee-nav';
import { InstitutionPicker } from '@marsad/web/feature-registry';

const today = () => new Date().toISOString().slice(0, 10);

/** Sitting on a day: from its first day included, until the day it left excluded. */
export function sitsOn(from: string, to: string | null, day: string): boolean {
  return from <= day && (to === null || day < to);
}

/** Members sitting today first (founding ones, then by joining date), then those that left, the latest first. */
export function orderMembers(members: readonly CommitteeMemberView[], day: string): CommitteeMemberView[] {
  const current = members.filter((m) => sitsOn(m.joinedOn, m.leftOn, day));
  const former = members.filter((m) => !sitsOn(m.joinedOn, m.leftOn, day));
  return [
    ...current.sort((a, b) => Number(b.founding) - Number(a.founding) || a.joinedOn.localeCompare(b.joinedOn)),
    ...former.sort((a, b) => (b.leftOn ?? '').localeCompare(a.leftOn ?? '')),
  ];
}

const POSITION_ORDER: Record<CommitteePosition, number> = { chair: 0, secretary: 1, member: 2 };

/** Representatives sitting today (chair, secretary, members; titulars before alternates), then past ones. */
export function orderRepresentatives(
  reps: readonly CommitteeRepresentativeView[],
  day: string,
): CommitteeRepresentativeView[] {
  return [...reps].sort(
    (a, b) =>
      Number(sitsOn(b.fromOn, b.toOn, day)) - Number(sitsOn(a.fromOn, a.toOn, day)) ||
      POSITION_ORDER[a.position] - POSITION_ORDER[b.position] ||
      Number(a.alternate) - Number(b.alternate) ||
      b.fromOn.localeCompare(a.fromOn),
  );
}

interface RepresentativeDraft {
  fullName: string;
  title: string;
  position: CommitteePosition;
  alternate: boolean;
  fromOn: string;
  toOn: string;
  email: string;
  phone: string;
  linkAccount: boolean;
}

const emptyRep = (): RepresentativeDraft => ({
  fullName: '',
  title: '',
  position: 'member',
  alternate: false,
  fromOn: today(),
  toOn: '',
  email: '',
  phone: '',
  linkAccount: true,
});

/**
 * The committee's members over time. Everyone sees the institutions and their dates; the committee
 * and ADD's coordinators see the representatives and their contacts (law 09-08); coordinators record
 * who joins, who leaves, and who sits for whom.
 */
@Component({
  selector: 'msd-committee-members-page',
  imports: [
    ...DATE_FIELD_IMPORTS,
    FormsModule,
    TranslatePipe,
    MatButton,
    MatCheckbox,
    MatFormField,
    MatLabel,
    MatHint,
    MatInput,
    MatSelect,
    MatOption,
    LoadingIndicator,
    LocaleDatePipe,
    LocalizedTextPipe,
    LocalizedTextLangPipe,
    CommitteeNav,
    InstitutionPicker,
  ],
  // Date fields: Material's datepicker in the page's language (dd/MM/yyyy), values kept as ISO days.
  providers: [provideMsdDates()],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './members.page.html',
  styleUrl: './committee.scss',
})
export class CommitteeMembersPage {
  private readonly api = inject(CommitteeApi);
  private readonly session = inject(SessionService);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly translate = inject(TranslateService);
  private readonly localeService = inject(LocaleService);
  protected readonly locale = this.localeService.locale;
  protected readonly canManage = computed(() => this.session.permissions().includes(Permission.CommitteeManage));
  protected readonly positions = COMMITTEE_POSITIONS;
  protected readonly positionKeys = POSITION_KEYS;
  protected readonly today = today();

  protected readonly committee = apiResource({ stream: () => this.api.committee() });
  protected readonly members = computed(() => orderMembers(this.committee.value()?.members ?? [], this.today));
  protected readonly asOf = computed(() => (this.committee.value() ? new Date() : null));
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  // Which small form is open: adding a member, a member's departure, a representative, a term's end.
  protected readonly open = signal<{ kind: 'member' | 'leave' | 'rep' | 'end'; id: string } | null>(null);
  protected newMember: InstitutionRef | null = null;
  protected joinedOn = today();
  protected leftOn = today();
  protected rep: RepresentativeDraft = emptyRep();
  protected toOn = today();
  protected readonly missing = signal(false);

  constructor() {
    const title = inject(DocumentTitleService);
    effect(() => title.set('titles.committeeMembers'));
  }

  protected sits(from: string, to: string | null): boolean {
    return sitsOn(from, to, this.today);
  }

  protected reps(member: CommitteeMemberView): CommitteeRepresentativeView[] {
    return orderRepresentatives(member.representatives, this.today);
  }

  protected show(kind: 'member' | 'leave' | 'rep' | 'end', id = ''): void {
    this.missing.set(false);
    this.error.set(null);
    this.newMember = null;
    this.joinedOn = today();
    this.leftOn = today();
    this.toOn = today();
    this.rep = emptyRep();
    this.open.set({ kind, id });
  }

  protected isOpen(kind: 'member' | 'leave' | 'rep' | 'end', id = ''): boolean {
    const o = this.open();
    return !!o && o.kind === kind && o.id === id;
  }

  protected addMember(): void {
    if (!this.newMember || !this.joinedOn) {
      this.missing.set(true);
      return;
    }
    this.run(
      this.api.addMember({ institutionCode: this.newMember.code, joinedOn: this.joinedOn }),
      'committee.members.added',
    );
  }

  protected async leave(member: CommitteeMemberView): Promise<void> {
    if (!this.leftOn) {
      this.missing.set(true);
      return;
    }
    const ok = await this.confirm(
      'committee.members.leaveTitle',
      'committee.members.leaveMessage',
      'committee.members.leave',
      {
        name: pickText(member.institution.name, this.locale())?.text ?? member.institution.code,
        date: formatDate(this.leftOn, this.locale()),
      },
    );
    if (!ok) return;
    this.run(
      this.api.updateMember(member.id, { version: member.version, leftOn: this.leftOn }),
      'committee.members.saved',
    );
  }

  protected addRepresentative(member: CommitteeMemberView): void {
    const r = this.rep;
    if (!r.fullName.trim() || !r.fromOn) {
      this.missing.set(true);
      return;
    }
    const body: AddRepresentativeRequest = {
      fullName: r.fullName.trim(),
      title: r.title.trim() || null,
      position: r.position,
      alternate: r.alternate,
      fromOn: r.fromOn,
      toOn: r.toOn || null,
      email: r.email.trim() || null,
      phone: r.phone.trim() || null,
      linkAccount: r.linkAccount && !!r.email.trim(),
    };
    this.run(this.api.addRepresentative(member.id, body), 'committee.members.repAdded');
  }

  protected async endTerm(rep: CommitteeRepresentativeView): Promise<void> {
    if (!this.toOn) {
      this.missing.set(true);
      return;
    }
    const ok = await this.confirm(
      'committee.members.endTitle',
      'committee.members.endMessage',
      'committee.members.end',
      {
        name: rep.fullName,
        date: formatDate(this.toOn, this.locale()),
      },
    );
    if (!ok) return;
    this.run(
      this.api.updateRepresentative(rep.id, { version: rep.version, toOn: this.toOn }),
      'committee.members.saved',
    );
  }

  private run(call: Observable<unknown>, doneKey: string): void {
    this.busy.set(true);
    this.error.set(null);
    call.subscribe({
      next: () => {
        this.busy.set(false);
        this.open.set(null);
        this.committee.reload();
        this.snackBar.open(this.translate.instant(doneKey), undefined, { duration: 4000 });
      },
      error: (error: ApiError) => {
        this.busy.set(false);
        if (error.code === 'VERSION_CONFLICT') {
          this.committee.reload();
          this.snackBar.open(this.translate.instant('committee.members.conflict'), undefined, { duration: 8000 });
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
