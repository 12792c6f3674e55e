import { ChangeDetectionStrategy, Component, effect, inject, signal, viewChild, type ElementRef } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import type { ProposeReuseResult } from '@marsad/contracts';
import { DocumentTitleService, LocaleService } from '@marsad/web/data-access';
import { TranslatePipe } from '@ngx-translate/core';
import { ReuseForm } from './reuse-form';

/** Anyone proposes a reuse of the portal's data, without signing in; it shows once a coordinator publishes it. */
@Component({
  selector: 'msd-reuse-propose-page',
  imports: [RouterLink, TranslatePipe, MatButton, ReuseForm],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './reuse-propose.page.html',
  styleUrl: './reuses.scss',
})
export class ReuseProposePage {
  protected readonly locale = inject(LocaleService).locale;
  protected readonly sent = signal<ProposeReuseResult | null>(null);
  private readonly success = viewChild<ElementRef<HTMLElement>>('success');

  constructor() {
    const title = inject(DocumentTitleService);
    effect(() => title.set('reuses.propose.title'));
    // The form is gone once sent: the focus goes to what replaced it.
    effect(() => this.success()?.nativeElement.focus());
  }

  protected again(): void {
    this.sent.set(null);
  }
}
