import { ChangeDetectionStrategy, Component, computed, effect, inject, input } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { pickText } from '@marsad/contracts';
import { apiResource, DocumentTitleService, LocaleService, PlanApi } from '@marsad/web/data-access';
import {
  LoadingIndicator,
  LocalizedTextLangPipe,
  LocalizedTextPipe,
  ProgressFacts,
  ProvenanceLabel,
} from '@marsad/web/ui';
import { map } from 'rxjs';
import { TranslatePipe } from '@ngx-translate/core';
import { Breadcrumbs, type Crumb } from '../shared/breadcrumbs';
import { ActivityFactsPipe, MeasureFactsPipe } from '../shared/plan-facts.pipe';
import { LateBy } from '../shared/late-by';
import { ProgressTrend, type TrendPoint } from '../shared/progress-trend';
import { Timeline } from '../shared/timeline';
import { PlanComments } from '../comments/plan-comments';

@Component({
  selector: 'msd-measure-page',
  imports: [
    RouterLink,
    TranslatePipe,
    MatButton,
    Breadcrumbs,
    Timeline,
    LoadingIndicator,
    LocalizedTextPipe,
    LocalizedTextLangPipe,
    ProgressFacts,
    ProvenanceLabel,
    LateBy,
    ProgressTrend,
    ActivityFactsPipe,
    MeasureFactsPipe,
    PlanComments,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './measure.page.html',
  styleUrl: './measure.page.scss',
})
export class MeasurePage {
  readonly id = input.required<string>();

  private readonly api = inject(PlanApi);
  private readonly title = inject(DocumentTitleService);
  protected readonly locale = inject(LocaleService).locale;

  protected readonly measure = apiResource({
    params: () => this.id(),
    stream: ({ params }) => this.api.getMeasure(params),
  });

  /** This measure's progress day by day, from the plan's snapshots; the page works without it. */
  protected readonly trend = apiResource({
    params: () => {
      const measure = this.measure.value();
      return measure ? { planCode: measure.planCode, number: measure.number } : undefined;
    },
    stream: ({ params }) =>
      this.api.getHistory(params.planCode).pipe(
        map((history): TrendPoint[] =>
          history.points.map((p) => ({
            day: p.day,
            progress: p.measures.find((m) => m.number === params.number)?.progress ?? null,
          })),
        ),
      ),
  });

  protected readonly crumbs = computed<Crumb[]>(() => {
    const measure = this.measure.value();
    return [
      { key: 'nav.overview', link: ['/', this.locale()] },
      measure ? { key: 'measure.crumb', params: { number: measure.number } } : { key: 'common.loading' },
    ];
  });

  protected readonly activityLink = (activityId: string): unknown[] => ['/', this.locale(), 'activities', activityId];

  constructor() {
    effect(() => {
      const measure = this.measure.value();
      if (measure)
        this.title.set('titles.measureNumbered', {
          number: measure.number,
          title: pickText(measure.title, this.locale())?.text ?? '',
        });
    });
  }
}
