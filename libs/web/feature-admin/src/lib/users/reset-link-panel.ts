import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, ElementRef, inject, input, signal, viewChild } from '@angular/core';
import { MatButton } from '@angular/material/button';
import type { ResetLinkView } from '@marsad/contracts';
import { LocaleDatePipe } from '@marsad/web/ui';
import { TranslatePipe } from '@ngx-translate/core';

/** A one-time password link, shown once, with a copy button and how to hand it over. */
@Component({
  selector: 'msd-reset-link-panel',
  imports: [TranslatePipe, MatButton, LocaleDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="reset-link">
      <p>{{ 'users.link.handOver' | translate: { name: name() } }}</p>
      <p class="reset-link__warning">
        <strong>{{ 'users.link.onlyOnce' | translate }}</strong>
      </p>
      <label class="reset-link__label" for="reset-link-url">{{ 'users.link.label' | translate }}</label>
      <div class="reset-link__row">
        <input
          #urlInput
          id="reset-link-url"
          class="reset-link__url"
          type="text"
          readonly
          dir="ltr"
          [value]="absoluteUrl()"
          (focus)="urlInput.select()"
        />
        <button mat-flat-button type="button" (click)="copy()">{{ 'users.link.copy' | translate }}</button>
      </div>
      <p class="msd-muted reset-link__expiry">
        {{ 'users.link.expires' | translate: { date: (link().expiresAt | msdDate: 'datetime') } }}
      </p>
      <p class="reset-link__status" role="status" aria-live="polite">
        {{ copied() ? ('users.link.copied' | translate) : '' }}
      </p>
    </div>
  `,
  styles: `
    .reset-link {
      display: grid;
      gap: 0.5rem;
    }
    .reset-link p {
      margin: 0;
    }
    .reset-link__warning {
      color: #7a4b00;
    }
    .reset-link__label {
      font-weight: 600;
      font-size: 0.9rem;
    }
    .reset-link__row {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: center;
    }
    .reset-link__url {
      flex: 1 1 14rem;
      min-inline-size: 0;
      padding: 0.6rem 0.75rem;
      font: inherit;
      font-family: monospace;
      font-size: 0.85rem;
      border: 1px solid var(--msd-border, #c5cbd3);
      border-radius: 8px;
      background: var(--msd-bg, #f6f7f9);
    }
    .reset-link__status {
      min-block-size: 1.5em;
      color: var(--msd-accent, #1b6b3a);
      font-weight: 600;
    }
  `,
})
export class ResetLinkPanel {
  readonly link = input.required<ResetLinkView>();
  readonly name = input.required<string>();

  private readonly document = inject(DOCUMENT);
  private readonly urlInput = viewChild.required<ElementRef<HTMLInputElement>>('urlInput');
  protected readonly copied = signal(false);

  /** The API may answer with a path: hand over a full address. */
  protected absoluteUrl(): string {
    const url = this.link().url;
    try {
      return new URL(url, this.document.baseURI).toString();
    } catch {
      return url;
    }
  }

  protected async copy(): Promise<void> {
    const text = this.absoluteUrl();
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      // No clipboard API (plain http, old browser): select the text and use the legacy command.
      const input = this.urlInput().nativeElement;
      input.focus();
      input.select();
      this.document.execCommand?.('copy');
    }
    this.copied.set(true);
  }
}
