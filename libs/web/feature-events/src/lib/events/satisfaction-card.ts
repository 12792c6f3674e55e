import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import {
  FEEDBACK_QUESTIONS,
  pickText,
  type EventDetail,
  type FeedbackQuestion,
  type FeedbackRequestsResult,
} from '@marsad/contracts';
import { ApiError, EventsApi, LocaleService } from '@marsad/web/data-access';
import { EmptyState, LocaleDatePipe, LocaleNumberPipe } from '@marsad/web/ui';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { askConfirm } from './confirm';
import { FeedbackLinksDialog, type FeedbackLinksDialogData } from './feedback-links-dialog';
import { feedbackWindow, todayInMorocco, type FeedbackWindowState } from './feedback-window';

// Literal keys, so the translation check finds every one.
export const QUESTION_KEYS: Record<FeedbackQuestion, string> = {
  overall: 'events.satisfaction.questions.overall',
  content: 'events.satisfaction.questions.content',
  organisation: 'events.satisfaction.questions.organisation',
};

/** A rating average as "4.3": always one decimal. */
export const ONE_DECIMAL: Intl.NumberFormatOptions = { minimumFractionDigits: 1, maximumFractionDigits: 1 };

const WINDOW_KEYS: Record<FeedbackWindowState, string> = {
  cancelled: 'events.satisfaction.window.cancelled',
  notYet: 'events.satisfaction.window.notYet',
  open: 'events.satisfaction.window.open',
  closed: 'events.satisfaction.window.closed',
};

/**
 * Participants' satisfaction with an event: anonymous averages for everyone; for coordinators,
 * the comments and the ways to collect feedback (anonymous links, a request to registered participants).
 */
@Component({
  selector: 'msd-satisfaction-card',
  imports: [TranslatePipe, MatButton, EmptyState, LocaleDatePipe, LocaleNumberPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './satisfaction-card.html',
  styleUrls: ['./events.scss', './satisfaction-card.scss'],
})
export class SatisfactionCard {
  readonly event = input.required<EventDetail>();
  /** Coordinators collect feedback and read the comments. */
  readonly canManage = input(false);

  private readonly api = inject(EventsApi);
  private readonly dialog = inject(MatDialog);
  private readonly translate = inject(TranslateService);
  private readonly localeService = inject(LocaleService);
  protected readonly locale = this.localeService.locale;
  protected readonly questionKeys = QUESTION_KEYS;
  protected readonly windowKeys = WINDOW_KEYS;
  protected readonly oneDecimal = ONE_DECIMAL;

  protected readonly satisfaction = computed(() => this.event().satisfaction);
  protected readonly ratings = computed(() =>
    FEEDBACK_QUESTIONS.map((question) => ({ question, value: this.satisfaction()[question] })),
  );
  protected readonly window = computed(() => feedbackWindow(this.event(), todayInMorocco()));

  protected readonly requesting = signal(false);
  protected readonly requested = signal<FeedbackRequestsResult | null>(null);
  protected readonly error = signal<string | null>(null);

  /** The bar's length: a 1–5 average over the whole scale. */
  protected barShare(value: number): number {
    return Math.max(0, Math.min(100, (value / 5) * 100));
  }

  protected openLinks(): void {
    const e = this.event();
    this.dialog.open<FeedbackLinksDialog, FeedbackLinksDialogData>(FeedbackLinksDialog, {
      data: { eventId: e.id, title: pickText(e.title, this.locale())?.text ?? '' },
      direction: this.localeService.dir(),
      maxWidth: '95vw',
      width: '40rem',
      autoFocus: 'first-tabbable',
    });
  }

  protected async request(): Promise<void> {
    const e = this.event();
    const ok = await askConfirm(
      this.dialog,
      this.translate,
      this.localeService.dir(),
      {
        title: 'events.satisfaction.requestTitle',
        message: 'events.satisfaction.requestMessage',
        confirm: 'events.satisfaction.requestConfirm',
      },
      { title: pickText(e.title, this.locale())?.text ?? '' },
    );
    if (!ok) return;
    this.requesting.set(true);
    this.error.set(null);
    this.requested.set(null);
    this.api.requestFeedback(e.id).subscribe({
      next: (result) => {
        this.requesting.set(false);
        this.requested.set(result);
      },
      error: (err: ApiError) => {
        this.requesting.set(false);
        this.error.set(err.messageKey);
      },
    });
  }
}
