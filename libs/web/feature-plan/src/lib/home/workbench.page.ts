import { ChangeDetectionStrategy, Component, computed, effect, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { apiResource, DocumentTitleService, HomeApi, LocaleService } from '@marsad/web/data-access';
import {
  EmptyState,
  INSTITUTION_TYPE_KEYS,
  LoadingIndicator,
  LocaleDatePipe,
  LocaleNumberPipe,
  LocalePercentPipe,
  LocalizedTextLangPipe,
  LocalizedTextPipe,
  ProvenanceLabel,
  StateChip,
  wholeDaysSince,
} from '@marsad/web/ui';
import { TranslatePipe } from '@ngx-translate/core';
import { CommitteeFollowUp } from '../committee/committee-home-cards';
import { RoundTallyView } from '../rounds/round-tally';

/**
 * ADD's workbench: what waits for a coordinator today. The validation queue, the open round and who
 * has not reported, late activities and missed milestones, vacancies, the last harvest.
 */
@Component({
  selector: 'msd-workbench-page',
  imports: [
    RouterLink,
    TranslatePipe,
    MatButton,
    EmptyState,
    LoadingIndicator,
    LocaleDatePipe,
    LocaleNumberPipe,
    LocalePercentPipe,
    LocalizedTextPipe,
    LocalizedTextLangPipe,
    ProvenanceLabel,
    StateChip,
    RoundTallyView,
    CommitteeFollowUp,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './workbench.page.html',
  styleUrl: './home.scss',
})
export class WorkbenchPage {
  private readonly api = inject(HomeApi);
  protected readonly locale = inject(LocaleService).locale;
  protected readonly typeKeys = INSTITUTION_TYPE_KEYS;
  protected readonly roleKeys = { ROD: 'officers.rolesShort.ROD', GDD: 'officers.rolesShort.GDD' } as const;
  protected readonly bench = apiResource({ stream: () => this.api.workbench() });

  /** Whole days the oldest submitted report has waited. */
  protected readonly oldestDays = computed(() => wholeDaysSince(this.bench.value()?.queue.oldestSubmittedAt));

  constructor() {
    const title = inject(DocumentTitleService);
    effect(() => title.set('titles.workbench'));
  }
}
