import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import {
  PLAN_COMMENT_LIMITS,
  PLAN_COMMENT_STATUSES,
  type ModeratePlanCommentRequest,
  type PlanCommentView,
} from '@marsad/contracts';
import { apiResource, ApiError, DocumentTitleService, LocaleService } from '@marsad/web/data-access';
import {
  EmptyState,
  LoadingIndicator,
  LocaleDatePipe,
  LocaleNumberPipe,
  LocalizedTextLangPipe,
  LocalizedTextPipe,
} from '@marsad/web/ui';
import { Pager } from '@marsad/web/ui/audit';
import { ConfirmDialog, type ConfirmDialogData } from '@marsad/web/ui/forms';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { CommentsApi } from './comments-api';
import { COMMENT_EMPTY_KEYS, COMMENT_STATUS_KEYS, pageFrom, statusFrom } from './comment-rules';

const PAGE_SIZE = 20;

/**
 * ADD's coordinators moderate the public's comments on measures and activities: pending ones first
 * (oldest first), published or rejected with a reason, each on the version read.
 */
@Component({
  selector: 'msd-comment-moderation-page',
  imports: [
    FormsModule,
    RouterLink,
    TranslatePipe,
    MatButton,
    MatFormField,
    MatLabel,
    MatHint,
    MatInput,
    EmptyState,
    LoadingIndicator,
    LocaleDatePipe,
    LocaleNumberPipe,
    LocalizedTextPipe,
    LocalizedTextLangPipe,
    Pager,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './comment-moderation.page.html',
  styleUrl: './comments.scss',
})
export class CommentModerationPage {
  // Query string, bound by the router (withComponentInputBinding).
  readonly status = input<string | undefined>();
  readonly page = input<string | undefined>();

  private readonly api = inject(CommentsApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly translate = inject(TranslateService);
  private readonly router = inject(Router);
  private readonly localeService = inject(LocaleService);
  protected readonly locale = this.localeService.locale;

  protected readonly statuses = PLAN_COMMENT_STATUSES;
  protected readonly statusKeys = COMMENT_STATUS_KEYS;
  protected readonly emptyKeys = COMMENT_EMPTY_KEYS;
  protected readonly reasonMax = PLAN_COMMENT_LIMITS.rejectReason;

  protected readonly tab = computed(() => statusFrom(this.status()));
  protected readonly pageNumber = computed(() => pageFrom(this.page()));
  protected readonly result = apiResource({
    params: () => ({ status: this.tab(), page: this.pageNumber() }),
    stream: ({ params }) => this.api.list({ ...params, pageSize: PAGE_SIZE }),
  });

  /** The comment whose rejection reason is being written, and the reason. */
  protected readonly rejecting = signal<string | null>(null);
  protected readonly reason = signal('');
  protected readonly busy = signal<string | null>(null);
  protected readonly actionError = signal<{ id: string; key: string } | null>(null);
  /** Said above the list: someone else decided on a comment meanwhile. */
  protected readonly notice = signal<string | null>(null);

  constructor() {
    const title = inject(DocumentTitleService);
    effect(() => title.set('titles.comments'));
  }

  protected targetLink(comment: PlanCommentView): unknown[] {
    const collection = comment.target.type === 'activity' ? 'activities' : 'measures';
    return ['/', this.locale(), collection, comment.target.id];
  }

  protected goTo(page: number): void {
    void this.router.navigate([], { queryParams: { status: this.tab(), page }, queryParamsHandling: 'merge' });
  }

  protected publish(comment: PlanCommentView): void {
    this.send(comment, { version: comment.version, status: 'published' }, 'comments.moderation.published');
  }

  protected startReject(comment: PlanCommentView): void {
    this.rejecting.set(comment.id);
    this.reason.set('');
    this.actionError.set(null);
  }

  protected cancelReject(): void {
    this.rejecting.set(null);
  }

  /** A rejection hides the comment for good: asked again before it is sent. */
  protected async reject(comment: PlanCommentView): Promise<void> {
    const reason = this.reason().trim();
    if (!reason) {
      this.actionError.set({ id: comment.id, key: 'comments.moderation.reasonRequired' });
      return;
    }
    const ref = this.dialog.open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, {
      data: {
        title: this.translate.instant('comments.moderation.rejectTitle'),
        message: this.translate.instant('comments.moderation.rejectMessage'),
        confirm: this.translate.instant('comments.moderation.reject'),
        cancel: this.translate.instant('common.cancel'),
      },
      direction: this.localeService.dir(),
    });
    const ok = await new Promise<boolean>((resolve) => ref.afterClosed().subscribe((r) => resolve(r === true)));
    if (!ok) return;
    this.send(
      comment,
      { version: comment.version, status: 'rejected', rejectReason: reason },
      'comments.moderation.rejected',
    );
  }

  private send(comment: PlanCommentView, request: ModeratePlanCommentRequest, doneKey: string): void {
    this.busy.set(comment.id);
    this.actionError.set(null);
    this.notice.set(null);
    this.api.moderate(comment.id, request).subscribe({
      next: () => {
        this.busy.set(null);
        this.rejecting.set(null);
        this.snackBar.open(this.translate.instant(doneKey), undefined, { duration: 5000 });
        this.result.reload();
      },
      error: (error: ApiError) => {
        this.busy.set(null);
        if (error.code === 'VERSION_CONFLICT') {
          // Someone else decided meanwhile: show the queue as it is now.
          this.rejecting.set(null);
          this.notice.set('comments.moderation.conflict');
          this.result.reload();
          return;
        }
        this.actionError.set({ id: comment.id, key: error.messageKey });
      },
    });
  }
}
