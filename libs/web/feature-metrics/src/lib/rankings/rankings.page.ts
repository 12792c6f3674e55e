import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { INSTITUTION_TYPES, pickText, type InstitutionRef, type InstitutionSummary } from '@marsad/contracts';
import { apiResource, LocaleService, MetricsApi, RegistryApi } from '@marsad/web/data-access';
import {
  EmptyState,
  FilterBar,
  FilterSelect,
  keyedOptions,
  LoadingIndicator,
  LocaleNumberPipe,
  LocalePercentPipe,
} from '@marsad/web/ui';
import { Pager } from '@marsad/web/ui/audit';
import { TranslatePipe } from '@ngx-translate/core';
import { catchError, map, of } from 'rxjs';
import { TYPE_KEYS } from '../shared/metrics-labels';
import { RANKING_PAGE_SIZE, rankingQueryFrom, rankLabel } from '../shared/metrics-math';

/** Every scored administration in rank order, filtered by type and region (in the URL), with exports carrying the filters. */
@Component({
  selector: 'msd-rankings-page',
  imports: [
    RouterLink,
    TranslatePipe,
    MatButton,
    FilterBar,
    FilterSelect,
    EmptyState,
    LoadingIndicator,
    LocaleNumberPipe,
    LocalePercentPipe,
    Pager,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './rankings.page.html',
  styleUrls: ['../shared/metrics.scss', './rankings.page.scss'],
})
export class RankingsPage {
  // Query string, bound by the router (withComponentInputBinding).
  readonly type = input<string | undefined>();
  readonly region = input<string | undefined>();
  readonly page = input<string | undefined>();

  private readonly api = inject(MetricsApi);
  private readonly registry = inject(RegistryApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  protected readonly locale = inject(LocaleService).locale;
  protected readonly typeOptions = keyedOptions(INSTITUTION_TYPES, TYPE_KEYS);
  protected readonly typeKeys = TYPE_KEYS;

  protected readonly query = computed(() =>
    rankingQueryFrom({ type: this.type(), region: this.region(), page: this.page() }, RANKING_PAGE_SIZE),
  );
  protected readonly narrowed = computed(() => !!(this.query().type || this.query().region));
  /** The ranking with the page's filters, every page. */
  protected readonly exportUrls = computed(() => {
    const query = this.query();
    return { csv: this.api.rankingsExportUrl('csv', query), xlsx: this.api.rankingsExportUrl('xlsx', query) };
  });

  protected readonly result = apiResource({
    params: () => this.query(),
    stream: ({ params }) => this.api.rankings(params),
  });

  protected readonly regions = rxResource({
    stream: () =>
      this.registry.search({ type: 'region', sort: 'code', pageSize: 50 }).pipe(
        map((p) => p.items),
        catchError(() => of([] as InstitutionSummary[])),
      ),
    defaultValue: [],
  });
  protected readonly regionOptions = computed(() =>
    this.regions.value().map((r) => ({ value: r.code, label: this.name(r) })),
  );
  private readonly regionNames = computed(() => {
    const locale = this.locale();
    return new Map(this.regions.value().map((r) => [r.code, pickText(r.name, locale)?.text ?? r.code]));
  });

  protected name(ref: InstitutionRef): string {
    return pickText(ref.name, this.locale())?.text ?? ref.code;
  }

  protected regionName(code: string | null): string {
    return code ? (this.regionNames().get(code) ?? code) : '';
  }

  protected rank(rank: number, tied: boolean): string {
    return rankLabel(rank, tied, this.locale());
  }

  protected scorecardLink(code: string): unknown[] {
    return ['/', this.locale(), 'metrics', code];
  }

  protected setFilter(name: 'type' | 'region', value: string | null | undefined): void {
    this.navigate({ [name]: value || null, page: null });
  }

  protected clearFilters(): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: {} });
  }

  protected goTo(page: number): void {
    this.navigate({ page: page > 1 ? page : null });
  }

  private navigate(queryParams: Record<string, string | number | null>): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams, queryParamsHandling: 'merge' });
  }
}
