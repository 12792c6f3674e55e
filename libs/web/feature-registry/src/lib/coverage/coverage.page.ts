import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { INSTITUTION_TYPES, pickText, type InstitutionRef, type InstitutionSummary, type InstitutionType, type Locale } from '@marsad/contracts';
import { apiResource, LocaleService, RegistryApi, type CoverageQuery } from '@marsad/web/data-access';
import { EmptyState, FilterBar, FilterSelect, intlLocale, keyedOptions, LoadingIndicator, LocaleNumberPipe, LocalePercentPipe } from '@marsad/web/ui';
import { BarChart, type BarSeries } from '@marsad/web/ui/chart';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { catchError, map, of } from 'rxjs';
import { INSTITUTION_TYPE_KEYS, INSTITUTION_TYPE_PLURAL_KEYS, OFFICER_ROLE_SHORT_KEYS } from '../shared/registry-labels';
import { sharesOf, type CoverageShares } from './coverage-math';

const COLORS = { rod: '#1b6b3a', gdd: '#1f63c6', both: '#b26a00' };

export interface CoverageRow extends CoverageShares {
  key: string;
  label: string;
  /** Registry link for this row's administrations without a ROD. */
  query: Record<string, string>;
}

/** Which administrations have named their ROD and GdD: by type, by region, over time, and the vacancies. */
@Component({
  selector: 'msd-coverage-page',
  imports: [NgTemplateOutlet, RouterLink, TranslatePipe, MatButton, FilterBar, FilterSelect, BarChart, EmptyState, LoadingIndicator, LocaleNumberPipe, LocalePercentPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './coverage.page.html',
  styleUrl: './coverage.page.scss',
})
export class CoveragePage {
  readonly type = input<string | undefined>();
  readonly region = input<string | undefined>();

  private readonly api = inject(RegistryApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly translate = inject(TranslateService);
  protected readonly locale = inject(LocaleService).locale;
  protected readonly typeOptions = keyedOptions(INSTITUTION_TYPES, INSTITUTION_TYPE_KEYS);
  protected readonly roleShortKeys = OFFICER_ROLE_SHORT_KEYS;

  protected readonly query = computed<CoverageQuery>(() => {
    const q: CoverageQuery = {};
    const type = this.type();
    if ((INSTITUTION_TYPES as readonly string[]).includes(type ?? '')) q.type = type as InstitutionType;
    const region = this.region();
    if (region && /^[\w.-]{1,40}$/.test(region)) q.region = region;
    return q;
  });
  protected readonly report = apiResource({ params: () => this.query(), stream: ({ params }) => this.api.coverage(params) });
  protected readonly regions = rxResource({
    stream: () => this.api.search({ type: 'region', sort: 'code', pageSize: 50 }).pipe(map((p) => p.items), catchError(() => of([] as InstitutionSummary[]))),
    defaultValue: [],
  });
  protected readonly regionOptions = computed(() => this.regions.value().map((r) => ({ value: r.code, label: this.name(r) })));

  // Re-computes the charts once the language's texts are in.
  private readonly texts = toSignal(this.translate.onLangChange, { initialValue: null });

  protected readonly headline = computed(() => {
    const d = this.report.value();
    return d ? sharesOf(d) : null;
  });

  protected readonly byType = computed<CoverageRow[]>(() => {
    this.texts();
    const d = this.report.value();
    if (!d) return [];
    const order = new Map(INSTITUTION_TYPES.map((t, i) => [t, i]));
    return [...d.byType]
      .sort((a, b) => (order.get(a.type) ?? 99) - (order.get(b.type) ?? 99))
      .map((row) => ({ ...sharesOf(row), key: row.type, label: this.translate.instant(INSTITUTION_TYPE_PLURAL_KEYS[row.type]) as string, query: { type: row.type, hasRod: 'false' } }));
  });

  protected readonly byRegion = computed<CoverageRow[]>(() => {
    const d = this.report.value();
    if (!d) return [];
    const type = this.query().type;
    return [...d.byRegion]
      .sort((a, b) => a.region.code.localeCompare(b.region.code))
      .map((row) => ({ ...sharesOf(row), key: row.region.code, label: this.name(row.region), query: { region: row.region.code, hasRod: 'false', ...(type ? { type } : {}) } }));
  });

  protected readonly months = computed(() => {
    const d = this.report.value();
    const locale = this.locale();
    return (d?.appointmentsByMonth ?? []).map((m) => ({ ...m, label: monthLabel(m.month, locale) }));
  });

  protected readonly typeChart = computed(() => this.shareChart(this.byType()));
  protected readonly regionChart = computed(() => this.shareChart(this.byRegion()));
  protected readonly monthChart = computed(() => {
    this.texts();
    const months = this.months();
    if (!months.length) return null;
    const series: BarSeries[] = [
      { label: this.translate.instant('officers.rolesShort.ROD') as string, color: COLORS.rod, data: months.map((m) => m.rod) },
      { label: this.translate.instant('officers.rolesShort.GDD') as string, color: COLORS.gdd, data: months.map((m) => m.gdd) },
    ];
    return { labels: months.map((m) => m.label), series };
  });

  /** The registry filtered on what is missing (and on this page's filters). */
  protected readonly vacancyQuery = computed(() => ({ ...this.query(), hasRod: 'false' }));

  protected name(ref: InstitutionRef): string {
    return pickText(ref.name, this.locale())?.text ?? ref.code;
  }

  protected setFilter(name: 'type' | 'region', value: string | null | undefined): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: { [name]: value || null }, queryParamsHandling: 'merge' });
  }

  protected clearFilters(): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: {} });
  }

  protected registryLink(): unknown[] {
    return ['/', this.locale(), 'institutions'];
  }

  protected institutionLink(code: string): unknown[] {
    return ['/', this.locale(), 'institutions', code];
  }

  private shareChart(rows: CoverageRow[]): { labels: string[]; series: BarSeries[]; height: number } | null {
    this.texts();
    if (!rows.length) return null;
    const t = (key: string) => this.translate.instant(key) as string;
    return {
      labels: rows.map((r) => r.label),
      series: [
        { label: t('coverage.withRod'), color: COLORS.rod, data: rows.map((r) => r.rodShare) },
        { label: t('coverage.withGdd'), color: COLORS.gdd, data: rows.map((r) => r.gddShare) },
        { label: t('coverage.withBoth'), color: COLORS.both, data: rows.map((r) => r.bothShare) },
      ],
      height: Math.max(240, rows.length * 46 + 80),
    };
  }
}

/** `2026-03` as "Mar 2026" in the reader's language. */
function monthLabel(month: string, locale: Locale): string {
  const [y, m] = month.split('-').map(Number);
  if (!y || !m) return month;
  return new Intl.DateTimeFormat(intlLocale(locale), { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 1)));
}
