import { ChangeDetectionStrategy, Component, effect, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { apiResource, DocumentTitleService, HomeApi, LocaleService } from '@marsad/web/data-access';
import {
  BLOCKER_LABEL_KEYS,
  LoadingIndicator,
  LocaleDatePipe,
  LocaleNumberPipe,
  LocalePercentPipe,
  LocalizedTextLangPipe,
  LocalizedTextPipe,
  ProgressWithLabel,
  ProvenanceLabel,
  StateChip,
} from '@marsad/web/ui';
import { TranslatePipe } from '@ngx-translate/core';
import { CommitteeFollowUp } from '../committee/committee-home-cards';
import { RoundTallyView } from '../rounds/round-tally';

/**
 * The steering committee's view, validated figures only: plan progress and health, what is late,
 * what holds the plan back, officer coverage and the national publication score.
 */
@Component({
  selector: 'msd-committee-home-page',
  imports: [
    RouterLink,
    TranslatePipe,
    MatButton,
    LoadingIndicator,
    LocaleDatePipe,
    LocaleNumberPipe,
    LocalePercentPipe,
    LocalizedTextPipe,
    LocalizedTextLangPipe,
    ProgressWithLabel,
    ProvenanceLabel,
    StateChip,
    RoundTallyView,
    CommitteeFollowUp,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './committee-home.page.html',
  styleUrl: './home.scss',
})
export class CommitteeHomePage {
  private readonly api = inject(HomeApi);
  protected readonly locale = inject(LocaleService).locale;
  protected readonly blockerKeys = BLOCKER_LABEL_KEYS;
  protected readonly view = apiResource({ stream: () => this.api.committee() });

  constructor() {
    const title = inject(DocumentTitleService);
    effect(() => title.set('titles.committeeHome'));
  }

  protected share(part: number, total: number): number | null {
    return total ? Math.round((1000 * part) / total) / 10 : null;
  }
}
