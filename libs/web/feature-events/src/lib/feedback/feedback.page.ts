import { ChangeDetectionStrategy, Component, computed, ElementRef, inject, input, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import {
  FEEDBACK_COMMENT_MAX,
  FEEDBACK_QUESTIONS,
  type FeedbackFormView,
  type FeedbackQuestion,
  type FieldError,
  type SubmitFeedbackRequest,
} from '@marsad/contracts';
import { apiResource, ApiError, EventsApi, LocaleService } from '@marsad/web/data-access';
import {
  EmptyState,
  LoadingIndicator,
  LocaleDatePipe,
  LocaleNumberPipe,
  LocalizedTextLangPipe,
  LocalizedTextPipe,
} from '@marsad/web/ui';
import { TranslatePipe } from '@ngx-translate/core';
import { EVENT_TYPE_KEYS } from '../events/event-labels';
import { todayInMorocco } from '../events/feedback-window';

export type Ratings = Record<FeedbackQuestion, number | null>;

// Literal keys, so the translation check finds every one.
export const FEEDBACK_QUESTION_KEYS: Record<FeedbackQuestion, string> = {
  overall: 'feedbackForm.questions.overall',
  content: 'feedbackForm.questions.content',
  organisation: 'feedbackForm.questions.organisation',
};

/** The 1–5 scale, each value with its words. */
export const FEEDBACK_SCALE: readonly { value: number; key: string }[] = [
  { value: 1, key: 'feedbackForm.scale.veryPoor' },
  { value: 2, key: 'feedbackForm.scale.poor' },
  { value: 3, key: 'feedbackForm.scale.fair' },
  { value: 4, key: 'feedbackForm.scale.good' },
  { value: 5, key: 'feedbackForm.scale.excellent' },
];

/** Only the overall rating is required. */
export const REQUIRED_QUESTIONS: ReadonlySet<FeedbackQuestion> = new Set<FeedbackQuestion>(['overall']);

/** What the form sends: the questions answered, and a comment only when there is one. */
export function feedbackRequest(ratings: Ratings, comment: string): SubmitFeedbackRequest | null {
  if (ratings.overall === null) return null;
  const request: SubmitFeedbackRequest = { overall: ratings.overall };
  if (ratings.content !== null) request.content = ratings.content;
  if (ratings.organisation !== null) request.organisation = ratings.organisation;
  const text = comment.trim();
  if (text) request.comment = text;
  return request;
}

/** Why a closed form is closed: the event was cancelled, has not started, or its window ended. */
export type ClosedReason = 'cancelled' | 'notYet' | 'ended';

export type FeedbackState = 'form' | 'thanks' | 'used' | 'closed' | 'invalid';

/**
 * The public feedback form behind a single-use link (`/:lang/feedback/:token`): no sign-in.
 * Three 1–5 ratings (the overall one required) and a comment; then thanks. A used link, a closed
 * window and a wrong link each say so plainly.
 */
@Component({
  selector: 'msd-feedback-page',
  imports: [
    RouterLink,
    TranslatePipe,
    MatButton,
    EmptyState,
    LoadingIndicator,
    LocaleDatePipe,
    LocaleNumberPipe,
    LocalizedTextPipe,
    LocalizedTextLangPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './feedback.page.html',
  styleUrl: './feedback.page.scss',
})
export class FeedbackPage {
  readonly token = input.required<string>();

  private readonly api = inject(EventsApi);
  protected readonly locale = inject(LocaleService).locale;
  protected readonly typeKeys = EVENT_TYPE_KEYS;
  protected readonly questionKeys = FEEDBACK_QUESTION_KEYS;
  protected readonly scale = FEEDBACK_SCALE;
  protected readonly commentMax = FEEDBACK_COMMENT_MAX;
  protected readonly questions = FEEDBACK_QUESTIONS.map((question) => ({
    question,
    required: REQUIRED_QUESTIONS.has(question),
  }));

  protected readonly view = apiResource({
    params: () => this.token(),
    stream: ({ params }) => this.api.feedbackForm(params),
  });

  protected readonly ratings = signal<Ratings>({ overall: null, content: null, organisation: null });
  protected readonly comment = signal('');
  protected readonly tried = signal(false);
  protected readonly sending = signal(false);
  protected readonly error = signal<{ key: string; fields: FieldError[] } | null>(null);
  /** What the answer to a submission said, over what the link's view said. */
  private readonly outcome = signal<FeedbackState | null>(null);

  protected readonly missingOverall = computed(() => this.tried() && this.ratings().overall === null);

  protected readonly state = computed<FeedbackState | null>(() => {
    const outcome = this.outcome();
    if (outcome) return outcome;
    if (this.view.error()?.code === 'NOT_FOUND') return 'invalid';
    const v = this.view.value();
    if (!v) return null;
    if (v.used) return 'used';
    if (!v.open) return 'closed';
    return 'form';
  });

  protected readonly closedReason = computed<ClosedReason>(() => {
    const v = this.view.value();
    if (v?.event.status === 'cancelled') return 'cancelled';
    if (v && todayInMorocco() < v.event.startsOn) return 'notYet';
    return 'ended';
  });

  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  protected rate(question: FeedbackQuestion, value: number): void {
    this.ratings.update((r) => ({ ...r, [question]: value }));
  }

  protected clear(question: FeedbackQuestion): void {
    this.ratings.update((r) => ({ ...r, [question]: null }));
  }

  protected setComment(value: string): void {
    this.comment.set(value.slice(0, FEEDBACK_COMMENT_MAX));
  }

  protected submit(view: FeedbackFormView): void {
    this.tried.set(true);
    const request = feedbackRequest(this.ratings(), this.comment());
    if (!request) {
      this.host.nativeElement.querySelector<HTMLInputElement>('[data-feedback-rating="overall"] input')?.focus();
      return;
    }
    if (this.sending()) return;
    this.sending.set(true);
    this.error.set(null);
    this.api.submitFeedback(this.token(), request).subscribe({
      next: () => {
        this.sending.set(false);
        this.outcome.set('thanks');
      },
      error: (e: ApiError) => {
        this.sending.set(false);
        if (e.code === 'FEEDBACK_LINK_USED') this.outcome.set('used');
        else if (e.code === 'FEEDBACK_CLOSED') {
          this.view.set({ ...view, open: false });
          this.outcome.set('closed');
        } else if (e.code === 'NOT_FOUND') this.outcome.set('invalid');
        else this.error.set({ key: e.messageKey, fields: e.fields });
      },
    });
  }
}
