import { ChangeDetectionStrategy, Component, computed, effect, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { pickText } from '@marsad/contracts';
import { ApiError, DocumentTitleService, LocaleService, PlanApi } from '@marsad/web/data-access';
import {
  HealthChip,
  LoadingIndicator,
  LocaleDatePipe,
  LocaleNumberPipe,
  LocalizedTextLangPipe,
  LocalizedTextPipe,
  ProgressWithLabel,
  StatusChip,
} from '@marsad/web/ui';
import { TranslatePipe } from '@ngx-translate/core';
import { Breadcrumbs, type Crumb } from '../shared/breadcrumbs';
import { Timeline } from '../shared/timeline';

@Component({
  selector: 'msd-measure-page',
  imports: [
    RouterLink,
    TranslatePipe,
    MatButton,
    Breadcrumbs,
    Timeline,
    HealthChip,
    LoadingIndicator,
    LocaleDatePipe,
    LocaleNumberPipe,
    LocalizedTextPipe,
    LocalizedTextLangPipe,
    ProgressWithLabel,
    StatusChip,
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

  protected readonly measure = rxResource({
    params: () => this.id(),
    stream: ({ params }) => this.api.getMeasure(params),
  });
  protected readonly value = computed(() => (this.measure.hasValue() ? this.measure.value() : null));
  protected readonly apiError = computed(() => {
    const error = this.measure.error();
    return error instanceof ApiError ? error : error ? new ApiError(0, 'INTERNAL_ERROR', error.message) : null;
  });

  protected readonly crumbs = computed<Crumb[]>(() => {
    const measure = this.value();
    return [
      { key: 'nav.overview', link: ['/', this.locale()] },
      measure ? { key: 'measure.crumb', params: { number: measure.number } } : { key: 'common.loading' },
    ];
  });

  protected readonly activityLink = (activityId: string): unknown[] => ['/', this.locale(), 'activities', activityId];

  constructor() {
    effect(() => {
      const measure = this.value();
      if (measure) this.title.set('titles.measureNumbered', { number: measure.number, title: pickText(measure.title, this.locale())?.text ?? '' });
    });
  }
}
