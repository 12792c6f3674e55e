import {
  afterRenderEffect,
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  viewChild,
  type ElementRef,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormBuilder, FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { ActivatedRoute } from '@angular/router';
import {
  PLAN_COMMENT_LIMITS,
  type PlanCommentTarget,
  type PlanCommentView,
  type PostPlanCommentResult,
} from '@marsad/contracts';
import { apiResource, ApiError, SessionService } from '@marsad/web/data-access';
import { LoadingIndicator, LocaleDatePipe, LocaleNumberPipe, LocalizedTextPipe } from '@marsad/web/ui';
import { Pager } from '@marsad/web/ui/audit';
import { FieldError, FormAlertBox, ServerForm } from '@marsad/web/ui/forms';
import { TranslatePipe } from '@ngx-translate/core';
import { map } from 'rxjs';
import { CommentsApi } from './comments-api';
import { mayAnswer, trimmedMinLength } from './comment-rules';

const PAGE_SIZE = 20;

/**
 * The public's comments on a measure or an activity: the published ones with their official answers,
 * a form anyone may send (no sign-in, no e-mail; a honeypot for robots), and, for the lead
 * administration's officers and the coordinators, an "answer officially" action on each comment.
 */
@Component({
  selector: 'msd-plan-comments',
  imports: [
    ReactiveFormsModule,
    TranslatePipe,
    MatButton,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    FieldError,
    FormAlertBox,
    LoadingIndicator,
    LocaleDatePipe,
    LocaleNumberPipe,
    LocalizedTextPipe,
    Pager,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './plan-comments.html',
  styleUrl: './comments.scss',
})
export class PlanComments {
  readonly target = input.required<PlanCommentTarget>();
  readonly targetId = input.required<string>();

  private readonly api = inject(CommentsApi);
  private readonly session = inject(SessionService);
  private readonly fb = inject(FormBuilder).nonNullable;

  protected readonly limits = PLAN_COMMENT_LIMITS;
  protected readonly pageSize = PAGE_SIZE;
  protected readonly page = signal(1);

  protected readonly comments = apiResource({
    params: () => ({ target: this.target(), id: this.targetId(), page: this.page() }),
    stream: ({ params }) => this.api.published(params.target, params.id, params.page, PAGE_SIZE),
  });

  protected readonly form = this.fb.group({
    body: ['', [trimmedMinLength(PLAN_COMMENT_LIMITS.bodyMin), Validators.maxLength(PLAN_COMMENT_LIMITS.body)]],
    name: ['', [Validators.maxLength(PLAN_COMMENT_LIMITS.name)]],
    website: [''],
  });
  protected readonly save = new ServerForm(this.form);
  /** Characters typed, for the counter under the text. */
  protected readonly typed = toSignal(this.form.controls.body.valueChanges.pipe(map((value) => value.length)), {
    initialValue: 0,
  });
  protected readonly sent = signal<PostPlanCommentResult | null>(null);
  private readonly sentBox = viewChild<ElementRef<HTMLElement>>('sentBox');

  /** The comment being answered, its text, and what went wrong. */
  protected readonly answering = signal<string | null>(null);
  protected readonly answerText = new FormControl('', {
    nonNullable: true,
    validators: [trimmedMinLength(PLAN_COMMENT_LIMITS.bodyMin), Validators.maxLength(PLAN_COMMENT_LIMITS.answer)],
  });
  protected readonly answerForm = this.fb.group({ body: this.answerText });
  protected readonly answerSave = new ServerForm(this.answerForm);

  private readonly user = this.session.user;
  private readonly permissions = this.session.permissions;
  protected readonly canAnswer = computed(() => {
    const user = this.user();
    const permissions = this.permissions();
    return (comment: PlanCommentView) => mayAnswer(user, permissions, comment);
  });

  /** `#comment-<id>` (a notification's link): that comment is brought into view once the list shows it. */
  private readonly fragment = toSignal(inject(ActivatedRoute).fragment, { initialValue: null });
  private scrolledTo: string | null = null;

  constructor() {
    // The form is gone once sent: the focus goes to what replaced it.
    effect(() => this.sentBox()?.nativeElement.focus());
    afterRenderEffect(() => {
      const target = this.fragment();
      if (!this.comments.value() || !target?.startsWith('comment-') || this.scrolledTo === target) return;
      const element = document.getElementById(target);
      if (!element) return;
      this.scrolledTo = target;
      element.scrollIntoView({ block: 'center' });
    });
  }

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { body, name, website } = this.form.getRawValue();
    this.save.start();
    this.api.post(this.target(), this.targetId(), { body: body.trim(), name: name.trim() || null, website }).subscribe({
      next: (result) => {
        this.save.done();
        this.form.reset({ body: '', name: '', website: '' });
        this.sent.set(result);
      },
      error: (error: ApiError) => {
        if (error.code === 'TOO_MANY_REQUESTS') {
          this.save.done();
          this.save.show('comments.form.tooMany');
          return;
        }
        this.save.fail(error);
      },
    });
  }

  protected again(): void {
    this.sent.set(null);
  }

  protected goTo(page: number): void {
    this.page.set(page);
  }

  protected startAnswer(comment: PlanCommentView): void {
    this.answering.set(comment.id);
    this.answerSave.clear();
    this.answerForm.reset({ body: comment.answer?.body ?? '' });
  }

  protected cancelAnswer(): void {
    this.answering.set(null);
    this.answerSave.clear();
  }

  protected sendAnswer(comment: PlanCommentView): void {
    if (this.answerForm.invalid) {
      this.answerForm.markAllAsTouched();
      return;
    }
    this.answerSave.start();
    this.api.answer(comment.id, { body: this.answerText.value.trim(), version: comment.version }).subscribe({
      next: (saved) => {
        this.answerSave.done();
        this.answering.set(null);
        const page = this.comments.value();
        if (page) this.comments.set({ ...page, items: page.items.map((c) => (c.id === saved.id ? saved : c)) });
      },
      error: (error: ApiError) => {
        this.answerSave.fail(error);
        // Someone changed the comment meanwhile: show it as it is now; what was typed stays.
        if (error.status === 409) this.comments.reload();
      },
    });
  }
}
