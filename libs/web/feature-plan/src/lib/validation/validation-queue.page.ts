import { ChangeDetectionStrategy, Component, computed, effect, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { PROGRESS_UPDATE_LIMITS, type ValidationQueueItem } from '@marsad/contracts';
import { ActivityApi, apiResource, ApiError, DocumentTitleService, LocaleService } from '@marsad/web/data-access';
import {
  BLOCKER_LABEL_KEYS,
  EmptyState,
  formatPercent,
  LoadingIndicator,
  LocaleDatePipe,
  LocaleFileSizePipe,
  LocalePercentPipe,
  LocalizedTextLangPipe,
  LocalizedTextPipe,
  StateChip,
  wholeDaysSince,
} from '@marsad/web/ui';
import { ConfirmDialog, type ConfirmDialogData } from '@marsad/web/ui/forms';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';

/**
 * ADD's validation queue: what administrations submitted, oldest first. Each report can be
 * validated (it then sets the activity's official figures) or returned with a comment.
 */
@Component({
  selector: 'msd-validation-queue-page',
  imports: [
    FormsModule,
    RouterLink,
    TranslatePipe,
    MatButton,
    MatFormField,
    MatLabel,
    MatHint,
    MatInput,
    StateChip,
    EmptyState,
    LoadingIndicator,
    LocaleDatePipe,
    LocaleFileSizePipe,
    LocalePercentPipe,
    LocalizedTextPipe,
    LocalizedTextLangPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './validation-queue.page.html',
  styleUrl: './validation-queue.page.scss',
})
export class ValidationQueuePage {
  private readonly api = inject(ActivityApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly translate = inject(TranslateService);
  private readonly localeService = inject(LocaleService);
  protected readonly locale = this.localeService.locale;
  protected readonly blockerKeys = BLOCKER_LABEL_KEYS;
  protected readonly commentMax = PROGRESS_UPDATE_LIMITS.returnComment;

  protected readonly queue = apiResource({ stream: () => this.api.validationQueue() });
  /** The report whose return comment is being written, and the comment. */
  protected readonly returning = signal<string | null>(null);
  protected readonly comment = signal('');
  protected readonly busy = signal<string | null>(null);
  protected readonly actionError = signal<{ id: string; key: string } | null>(null);

  /** Whole days the oldest report has waited. */
  protected readonly oldestDays = computed(() => wholeDaysSince(this.queue.value()?.oldestSubmittedAt));

  constructor() {
    const title = inject(DocumentTitleService);
    effect(() => title.set('titles.validation'));
  }

  protected waitedDays(item: ValidationQueueItem): number {
    return wholeDaysSince(item.submittedAt) ?? 0;
  }

  protected async validate(item: ValidationQueueItem): Promise<void> {
    const ref = this.dialog.open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, {
      data: {
        title: this.translate.instant('review.confirmTitle', { code: item.activity.code }),
        message: this.translate.instant('review.confirmMessage', {
          institution: item.authorInstitution?.code ?? '—',
          progress: formatPercent(item.progress, this.locale()),
          current: formatPercent(item.activity.progress, this.locale()),
        }),
        confirm: this.translate.instant('review.validate'),
        cancel: this.translate.instant('common.cancel'),
      },
      direction: this.localeService.dir(),
    });
    const ok = await new Promise<boolean>((resolve) => ref.afterClosed().subscribe((r) => resolve(r === true)));
    if (!ok) return;
    this.run(item, this.api.validateUpdate(item.id, item.version), 'review.validated');
  }

  protected startReturn(item: ValidationQueueItem): void {
    this.returning.set(item.id);
    this.comment.set('');
    this.actionError.set(null);
  }

  protected sendBack(item: ValidationQueueItem): void {
    const comment = this.comment().trim();
    if (!comment) {
      this.actionError.set({ id: item.id, key: 'review.commentRequired' });
      return;
    }
    this.run(item, this.api.returnUpdate(item.id, comment), 'review.returned');
  }

  private run(item: ValidationQueueItem, call: ReturnType<ActivityApi['validateUpdate']>, doneKey: string): void {
    this.busy.set(item.id);
    this.actionError.set(null);
    call.subscribe({
      next: () => {
        this.busy.set(null);
        this.returning.set(null);
        this.snackBar.open(this.translate.instant(doneKey, { code: item.activity.code }), undefined, {
          duration: 5000,
        });
        this.queue.reload();
      },
      error: (error: ApiError) => {
        this.busy.set(null);
        this.actionError.set({ id: item.id, key: error.messageKey });
        // Someone else decided meanwhile: show the queue as it is now.
        if (error.status === 409) this.queue.reload();
      },
    });
  }
}
