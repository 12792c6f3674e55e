import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import {
  COMMITTEE_TEXT_MAX_LENGTH,
  Permission,
  type ActionItemStatus,
  type ActionItemView,
  type UpdateActionItemRequest,
} from '@marsad/contracts';
import { ApiError, CommitteeApi, LocaleService, SessionService } from '@marsad/web/data-access';
import { LocaleDatePipe, LocalizedTextLangPipe, LocalizedTextPipe } from '@marsad/web/ui';
import { ConfirmDialog, type ConfirmDialogData, DATE_FIELD_IMPORTS, provideMsdDates } from '@marsad/web/ui/forms';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { actionItemPowers, lateDays } from './action-item-rules';
import { CommitteeChip } from './committee-chip';

/** What a press on one of the card's buttons sends. */
export type ActionItemMove = 'note' | 'start' | 'done' | 'drop' | 'reopen' | 'moveDue';

/** The request for a move, or the translation key of what is missing. */
export function actionItemRequest(
  item: Pick<ActionItemView, 'version'>,
  move: ActionItemMove,
  input: { note: string; evidence: string; dueOn: string },
): UpdateActionItemRequest | { missing: string } {
  const note = input.note.trim();
  const body: UpdateActionItemRequest = { version: item.version, ...(note ? { note } : {}) };
  const to: Partial<Record<ActionItemMove, ActionItemStatus>> = {
    start: 'in_progress',
    done: 'done',
    drop: 'dropped',
    reopen: 'open',
  };
  switch (move) {
    case 'note':
      return note ? body : { missing: 'committee.items.noteRequired' };
    case 'done': {
      const evidence = input.evidence.trim();
      return evidence
        ? { ...body, status: 'done', closingEvidence: evidence }
        : { missing: 'committee.items.evidenceRequired' };
    }
    case 'moveDue':
      return /^\d{4}-\d{2}-\d{2}$/.test(input.dueOn)
        ? { ...body, dueOn: input.dueOn }
        : { missing: 'committee.items.dueRequired' };
    default:
      return { ...body, status: to[move] };
  }
}

/**
 * One action item: what, who, by when, its status and lateness, its notes; and, for its owner's
 * officers and ADD's coordinators, the moves they may make. A stale version is the page's to handle.
 */
@Component({
  selector: 'msd-action-item-card',
  imports: [
    ...DATE_FIELD_IMPORTS,
    FormsModule,
    RouterLink,
    TranslatePipe,
    MatButton,
    MatFormField,
    MatLabel,
    MatHint,
    MatInput,
    LocaleDatePipe,
    LocalizedTextPipe,
    LocalizedTextLangPipe,
    CommitteeChip,
  ],
  // Date fields: Material's datepicker in the page's language (dd/MM/yyyy), values kept as ISO days.
  providers: [provideMsdDates()],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './action-item-card.html',
  styleUrl: './committee.scss',
})
export class ActionItemCard {
  readonly item = input.required<ActionItemView>();
  /** The item as saved: the page shows it. */
  readonly changed = output<ActionItemView>();
  /** Someone changed it meanwhile (409): the page reloads and says so. */
  readonly conflict = output<void>();

  private readonly api = inject(CommitteeApi);
  private readonly session = inject(SessionService);
  private readonly dialog = inject(MatDialog);
  private readonly translate = inject(TranslateService);
  private readonly localeService = inject(LocaleService);
  protected readonly locale = this.localeService.locale;
  protected readonly textMax = COMMITTEE_TEXT_MAX_LENGTH;
  protected readonly canOpenMeeting = computed(() => this.session.permissions().includes(Permission.CommitteeRead));

  protected readonly powers = computed(() => actionItemPowers(this.item(), this.session.user()));
  protected readonly canAct = computed(() => Object.values(this.powers()).some(Boolean));
  protected readonly late = computed(() => lateDays(this.item()));

  protected note = '';
  protected evidence = '';
  protected dueOn = '';
  protected readonly closing = signal(false);
  protected readonly movingDue = signal(false);
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);

  protected async act(move: ActionItemMove): Promise<void> {
    const request = actionItemRequest(this.item(), move, {
      note: this.note,
      evidence: this.evidence,
      dueOn: this.dueOn,
    });
    if ('missing' in request) {
      this.error.set(request.missing);
      return;
    }
    if (move === 'drop' && !(await this.confirmDrop())) return;
    this.saving.set(true);
    this.error.set(null);
    this.api.updateActionItem(this.item().id, request).subscribe({
      next: (saved) => {
        this.saving.set(false);
        this.note = '';
        this.evidence = '';
        this.closing.set(false);
        this.movingDue.set(false);
        this.changed.emit(saved);
      },
      error: (error: ApiError) => {
        this.saving.set(false);
        if (error.code === 'VERSION_CONFLICT' || error.code === 'ACTION_ITEM_STATE_CONFLICT') this.conflict.emit();
        else this.error.set(error.messageKey);
      },
    });
  }

  protected openDueDate(): void {
    this.dueOn = this.item().dueOn;
    this.movingDue.set(true);
  }

  private async confirmDrop(): Promise<boolean> {
    const ref = this.dialog.open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, {
      data: {
        title: this.translate.instant('committee.items.dropTitle', { reference: this.item().reference }),
        message: this.translate.instant('committee.items.dropMessage'),
        confirm: this.translate.instant('committee.items.drop'),
        cancel: this.translate.instant('common.cancel'),
      },
      direction: this.localeService.dir(),
    });
    return new Promise<boolean>((resolve) => ref.afterClosed().subscribe((r) => resolve(r === true)));
  }
}
