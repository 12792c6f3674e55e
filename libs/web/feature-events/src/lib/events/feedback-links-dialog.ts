import { Clipboard } from '@angular/cdk/clipboard';
import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogTitle,
} from '@angular/material/dialog';
import { FEEDBACK_LINKS_MAX, type FeedbackLinks } from '@marsad/contracts';
import { ApiError, EventsApi } from '@marsad/web/data-access';
import { LoadingIndicator, LocaleDatePipe, LocaleNumberPipe } from '@marsad/web/ui';
import { TranslatePipe } from '@ngx-translate/core';

export interface FeedbackLinksDialogData {
  eventId: string;
  /** The event's title in the reader's language, for the heading. */
  title: string;
}

/** A whole number of links the API accepts, or null. */
export function linkCount(value: string): number | null {
  const n = Number(value.trim());
  return value.trim() !== '' && Number.isInteger(n) && n >= 1 && n <= FEEDBACK_LINKS_MAX ? n : null;
}

/**
 * Single-use anonymous feedback links for an event: how many, then the links to copy one by one
 * or all at once, or to download as a text file (for a mail merge, QR codes, a chat).
 */
@Component({
  selector: 'msd-feedback-links-dialog',
  imports: [
    MatDialogTitle,
    MatDialogContent,
    MatDialogActions,
    MatDialogClose,
    MatButton,
    TranslatePipe,
    LoadingIndicator,
    LocaleDatePipe,
    LocaleNumberPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ 'events.feedbackLinks.title' | translate: { title: data.title } }}</h2>
    <mat-dialog-content class="fl" data-feedback-links-dialog>
      <p>{{ 'events.feedbackLinks.intro' | translate }}</p>
      <form class="fl__ask" (submit)="$event.preventDefault(); create()">
        <label class="fl__field">
          <span class="fl__label">{{ 'events.feedbackLinks.count' | translate }}</span>
          <input
            type="number"
            inputmode="numeric"
            min="1"
            [attr.max]="max"
            step="1"
            required
            [value]="count()"
            (input)="count.set($any($event.target).value)"
            aria-describedby="fl-count-hint"
            [attr.aria-invalid]="invalid()"
            data-feedback-links-count
          />
          <span id="fl-count-hint" class="msd-muted fl__hint" [class.fl__hint--error]="invalid()">{{
            'events.feedbackLinks.countHint' | translate: { max: (max | msdNumber) }
          }}</span>
        </label>
        <button mat-flat-button type="submit" [disabled]="busy() || invalid()" data-feedback-links-create>
          {{ 'events.feedbackLinks.create' | translate }}
        </button>
      </form>
      @if (busy()) {
        <msd-loading [label]="'events.feedbackLinks.creating' | translate" />
      }
      @if (error(); as key) {
        <div class="msd-error" role="alert">
          <p>{{ key | translate }}</p>
        </div>
      }
      @if (result(); as r) {
        <div class="fl__result" data-feedback-links-result>
          <p>
            <strong>{{
              'events.feedbackLinks.created'
                | translate: { count: (r.links.length | msdNumber), date: (r.closesOn | msdDate) }
            }}</strong>
          </p>
          <p class="fl__tools">
            <button mat-stroked-button type="button" (click)="copyAll()" data-feedback-links-copy-all>
              {{ 'events.feedbackLinks.copyAll' | translate }}
            </button>
            <button mat-stroked-button type="button" (click)="download()" data-feedback-links-download>
              {{ 'events.feedbackLinks.download' | translate }}
            </button>
          </p>
          <ol class="fl__links" [attr.aria-label]="'events.feedbackLinks.listLabel' | translate">
            @for (link of r.links; track link; let i = $index) {
              <li class="fl__link" data-feedback-link>
                <code class="fl__url" dir="ltr">{{ link }}</code>
                <button
                  mat-button
                  type="button"
                  (click)="copy(link)"
                  [attr.aria-label]="'events.feedbackLinks.copyNamed' | translate: { n: i + 1 }"
                  data-feedback-link-copy
                >
                  {{ 'events.feedbackLinks.copy' | translate }}
                </button>
              </li>
            }
          </ol>
        </div>
      }
      <p class="fl__status" role="status" aria-live="polite">
        @if (copied(); as key) {
          {{ key | translate }}
        }
      </p>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>{{ 'common.close' | translate }}</button>
    </mat-dialog-actions>
  `,
  styles: `
    .fl {
      display: grid;
      gap: 0.75rem;
    }
    .fl p {
      margin: 0;
    }
    .fl__ask {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-end;
      gap: 0.5rem 0.75rem;
    }
    .fl__field {
      display: grid;
      gap: 0.25rem;
      flex: 1 1 12rem;
    }
    .fl__label {
      font-weight: 600;
      font-size: 0.9rem;
    }
    .fl__field input {
      font: inherit;
      padding: 0.45rem 0.6rem;
      border: 1px solid var(--msd-border, #c5cbd3);
      border-radius: 6px;
      max-inline-size: 10rem;
    }
    .fl__hint {
      font-size: 0.8rem;
    }
    .fl__hint--error {
      color: #a11d1d;
    }
    .fl__result {
      display: grid;
      gap: 0.5rem;
    }
    .fl__tools {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
    .fl__links {
      margin: 0;
      padding-inline-start: 2rem;
      display: grid;
      gap: 0.25rem;
      max-block-size: 40vh;
      overflow-y: auto;
    }
    .fl__link {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25rem 0.5rem;
    }
    .fl__url {
      flex: 1 1 12rem;
      min-inline-size: 0;
      overflow-wrap: anywhere;
      font-size: 0.8rem;
    }
    .fl__status {
      min-block-size: 1.25em;
      color: var(--msd-accent, #1b6b3a);
      font-weight: 600;
    }
  `,
})
export class FeedbackLinksDialog {
  protected readonly data = inject<FeedbackLinksDialogData>(MAT_DIALOG_DATA);
  private readonly api = inject(EventsApi);
  private readonly clipboard = inject(Clipboard);
  private readonly document = inject(DOCUMENT);
  protected readonly max = FEEDBACK_LINKS_MAX;

  protected readonly count = signal('20');
  protected readonly invalid = computed(() => linkCount(this.count()) === null);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly result = signal<FeedbackLinks | null>(null);
  /** The key of the last copy's confirmation. */
  protected readonly copied = signal<string | null>(null);

  protected create(): void {
    const count = linkCount(this.count());
    if (count === null || this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    this.copied.set(null);
    this.api.feedbackLinks(this.data.eventId, count).subscribe({
      next: (links) => {
        this.busy.set(false);
        this.result.set(links);
      },
      error: (e: ApiError) => {
        this.busy.set(false);
        this.error.set(e.messageKey);
      },
    });
  }

  protected copy(link: string): void {
    if (this.clipboard.copy(link)) this.copied.set('events.feedbackLinks.copied');
  }

  protected copyAll(): void {
    const links = this.result()?.links ?? [];
    if (links.length && this.clipboard.copy(links.join('\n'))) this.copied.set('events.feedbackLinks.allCopied');
  }

  /** One link a line, as a text file. */
  protected download(): void {
    const r = this.result();
    if (!r) return;
    const url = URL.createObjectURL(new Blob([r.links.join('\r\n') + '\r\n'], { type: 'text/plain;charset=utf-8' }));
    const a = this.document.createElement('a');
    a.href = url;
    a.download = `feedback-links-${r.closesOn}.txt`;
    this.document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}
