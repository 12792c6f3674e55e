import { ChangeDetectionStrategy, Component, computed, DestroyRef, effect, inject, input, signal } from '@angular/core';
import { rxResource, takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  INSTITUTION_SORTS,
  INSTITUTION_TYPES,
  Permission,
  pickText,
  type InstitutionRef,
  type InstitutionSort,
  type InstitutionSummary,
} from '@marsad/contracts';
import { apiResource, LocaleService, RegistryApi, SessionService, type ExportFormat } from '@marsad/web/data-access';
import {
  EmptyState,
  FilterBar,
  FilterSelect,
  keyedOptions,
  LoadingIndicator,
  LocaleNumberPipe,
  TrafficLightBadge,
  BidiIsolatePipe,
  type FilterOption,
} from '@marsad/web/ui';
import { Pager } from '@marsad/web/ui/audit';
import { TranslatePipe } from '@ngx-translate/core';
import { catchError, debounceTime, distinctUntilChanged, map, of, Subject } from 'rxjs';
import { INSTITUTION_TYPE_KEYS, SUBTYPE_KEYS } from '../shared/registry-labels';
import { isNarrowed, REGISTRY_PAGE_SIZE, registryQueryFrom } from './registry-query';

const SORT_KEYS: Record<InstitutionSort, string> = {
  type: 'registry.sorts.type',
  code: 'registry.sorts.code',
  name: 'registry.sorts.name',
};

/** The registry of administrations: search, filter and page through all 1,605, every filter in the URL. */
@Component({
  selector: 'msd-registry-page',
  imports: [
    FormsModule,
    RouterLink,
    TranslatePipe,
    MatButton,
    MatFormField,
    MatLabel,
    MatInput,
    FilterBar,
    FilterSelect,
    EmptyState,
    LoadingIndicator,
    LocaleNumberPipe,
    Pager,
    TrafficLightBadge,
    BidiIsolatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './registry.page.html',
  styleUrl: './registry.page.scss',
})
export class RegistryPage {
  // Query string, bound by the router (withComponentInputBinding).
  readonly q = input<string | undefined>();
  readonly type = input<string | undefined>();
  readonly region = input<string | undefined>();
  readonly parent = input<string | undefined>();
  readonly hasRod = input<string | undefined>();
  readonly hasGdd = input<string | undefined>();
  readonly sort = input<string | undefined>();
  readonly page = input<string | undefined>();

  private readonly api = inject(RegistryApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly session = inject(SessionService);
  protected readonly locale = inject(LocaleService).locale;

  protected readonly typeKeys = INSTITUTION_TYPE_KEYS;
  protected readonly subtypeKeys = SUBTYPE_KEYS;
  protected readonly typeOptions = keyedOptions(INSTITUTION_TYPES, INSTITUTION_TYPE_KEYS);
  protected readonly sortOptions = keyedOptions(INSTITUTION_SORTS, SORT_KEYS);
  protected readonly yesNoOptions: FilterOption[] = [
    { value: 'true', labelKey: 'common.yes' },
    { value: 'false', labelKey: 'common.no' },
  ];
  protected readonly pageSize = REGISTRY_PAGE_SIZE;

  protected readonly query = computed(() =>
    registryQueryFrom({
      q: this.q(),
      type: this.type(),
      region: this.region(),
      parent: this.parent(),
      hasRod: this.hasRod(),
      hasGdd: this.hasGdd(),
      sort: this.sort(),
      page: this.page(),
    }),
  );
  protected readonly narrowed = computed(() => isNarrowed(this.query()));
  /** Coordinators keep the registry: they get the import of administrations. The API still decides. */
  protected readonly canImport = computed(() => this.session.permissions().includes(Permission.InstitutionManage));
  /** The administrations the list shows, with its filters and order, every page. */
  protected readonly exportUrls = computed(() => {
    const query = this.query();
    return { csv: this.api.institutionsExportUrl('csv', query), xlsx: this.api.institutionsExportUrl('xlsx', query) };
  });

  protected readonly result = apiResource({
    params: () => this.query(),
    stream: ({ params }) => this.api.search(params),
  });

  /** The 12 regions, for the filter and to name each row's region. */
  protected readonly regions = rxResource({
    stream: () =>
      this.api.search({ type: 'region', sort: 'code', pageSize: 50 }).pipe(
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
  /** The parent filter, named when possible. */
  protected readonly parentRef = rxResource({
    params: () => this.query().parent,
    stream: ({ params }) => this.api.get(params).pipe(catchError(() => of(null))),
  });

  protected readonly search = signal('');
  private readonly typed = new Subject<string>();

  constructor() {
    effect(() => this.search.set(this.q() ?? ''));
    // Search as the person types, once they pause.
    this.typed
      .pipe(debounceTime(350), distinctUntilChanged(), takeUntilDestroyed(inject(DestroyRef)))
      .subscribe((text) => {
        if (text.trim() !== (this.q() ?? '').trim()) this.navigate({ q: text.trim() || null, page: null });
      });
  }

  protected onType(text: string): void {
    this.search.set(text);
    this.typed.next(text);
  }

  protected applySearch(): void {
    this.navigate({ q: this.search().trim() || null, page: null });
  }

  protected setFilter(name: 'type' | 'region' | 'hasRod' | 'hasGdd' | 'sort', value: string | null | undefined): void {
    this.navigate({ [name]: value || null, page: null });
  }

  protected clearParent(): void {
    this.navigate({ parent: null, page: null });
  }

  protected clearFilters(): void {
    this.search.set('');
    void this.router.navigate([], { relativeTo: this.route, queryParams: {} });
  }

  protected goTo(page: number): void {
    this.navigate({ page: page > 1 ? page : null });
  }

  protected name(ref: InstitutionRef): string {
    return pickText(ref.name, this.locale())?.text ?? ref.code;
  }

  protected yesNo(value: boolean | undefined): string {
    return value === undefined ? '' : String(value);
  }

  protected regionName(code: string | null): string {
    return code ? (this.regionNames().get(code) ?? code) : '';
  }

  protected link(code: string): unknown[] {
    return ['/', this.locale(), 'institutions', code];
  }

  /** Officers cannot be filtered like the list: this one is the whole register (contacts as the reader may see them). */
  protected officersExportUrl(format: ExportFormat): string {
    return this.api.officersExportUrl(format);
  }

  private navigate(queryParams: Record<string, string | number | null>): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams, queryParamsHandling: 'merge' });
  }
}
