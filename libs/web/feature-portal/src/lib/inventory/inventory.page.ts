import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  ElementRef,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  CLASSIFICATIONS,
  INVENTORY_STATUSES,
  MATCH_STATES,
  pickText,
  type InventoryItemView,
  type InventoryQuery,
} from '@marsad/contracts';
import {
  ApiError,
  apiResource,
  DocumentTitleService,
  InventoryApi,
  LocaleService,
  RegistryApi,
  SessionService,
} from '@marsad/web/data-access';
import { BidiIsolatePipe, EmptyState, LoadingIndicator, LocaleDatePipe, LocaleNumberPipe } from '@marsad/web/ui';
import { Pager } from '@marsad/web/ui/audit';
import { ConfirmDialog, type ConfirmDialogData } from '@marsad/web/ui/forms';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { debounceTime, distinctUntilChanged, Subject } from 'rxjs';
import {
  CLASSIFICATION_GLYPHS,
  CLASSIFICATION_KEYS,
  FRESHNESS_KEYS,
  INVENTORY_STATUS_GLYPHS,
  INVENTORY_STATUS_KEYS,
  MATCH_BASIS_KEYS,
  MATCH_STATE_KEYS,
  PRIORITY_KEYS,
  THEME_KEYS,
} from '../labels';
import { InventoryForm } from './inventory-form';
import { INVENTORY_PAGE_SIZE, inventoryQueryFrom, inventoryUrlParams, isInventoryNarrowed } from './inventory-query';
import { MatchDialog, type MatchDialogData } from './match-dialog';

type InventoryFilter = 'status' | 'classification' | 'match';

/**
 * An administration's data inventory (measure 6): what it holds, how open each item is, and which portal
 * dataset it became. Filters live in the URL. People who keep this inventory add, correct, match, import and
 * remove items; everyone else reads the public items.
 */
@Component({
  selector: 'msd-inventory-page',
  imports: [
    FormsModule,
    RouterLink,
    TranslatePipe,
    BidiIsolatePipe,
    MatButton,
    MatFormField,
    MatLabel,
    MatInput,
    MatSelect,
    MatOption,
    EmptyState,
    LoadingIndicator,
    LocaleDatePipe,
    LocaleNumberPipe,
    Pager,
    InventoryForm,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './inventory.page.html',
  styleUrl: './inventory.page.scss',
})
export class InventoryPage {
  // Path and query string, bound by the router (withComponentInputBinding).
  readonly code = input.required<string>();
  readonly q = input<string | undefined>();
  readonly status = input<string | undefined>();
  readonly classification = input<string | undefined>();
  readonly match = input<string | undefined>();
  readonly page = input<string | undefined>();

  private readonly api = inject(InventoryApi);
  private readonly registry = inject(RegistryApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly session = inject(SessionService);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly translate = inject(TranslateService);
  private readonly title = inject(DocumentTitleService);
  private readonly localeService = inject(LocaleService);
  protected readonly locale = this.localeService.locale;

  protected readonly statuses = INVENTORY_STATUSES;
  protected readonly statusKeys = INVENTORY_STATUS_KEYS;
  protected readonly statusGlyphs = INVENTORY_STATUS_GLYPHS;
  protected readonly classifications = CLASSIFICATIONS;
  protected readonly classificationKeys = CLASSIFICATION_KEYS;
  protected readonly classificationGlyphs = CLASSIFICATION_GLYPHS;
  protected readonly matchStates = MATCH_STATES;
  protected readonly matchKeys = MATCH_STATE_KEYS;
  protected readonly basisKeys = MATCH_BASIS_KEYS;
  protected readonly freshnessKeys = FRESHNESS_KEYS;
  protected readonly priorityKeys = PRIORITY_KEYS;
  protected readonly themeKeys = THEME_KEYS;
  protected readonly pageSize = INVENTORY_PAGE_SIZE;

  protected readonly query = computed(() =>
    inventoryQueryFrom({
      q: this.q(),
      status: this.status(),
      classification: this.classification(),
      match: this.match(),
      page: this.page(),
    }),
  );
  protected readonly narrowed = computed(() => isInventoryNarrowed(this.query()));
  /** Coordinators everywhere; officers and data managers for their own administration. The API still decides. */
  readonly canManage = computed(() => this.session.canManageInventoryOf(this.code()));

  protected readonly institution = apiResource({
    params: () => this.code(),
    stream: ({ params }) => this.registry.get(params),
  });
  protected readonly result = apiResource({
    params: () => ({ code: this.code(), query: this.query() }),
    stream: ({ params }) => this.api.list(params.code, params.query),
  });
  protected readonly loadError = computed(() => this.result.error() ?? this.institution.error());
  protected readonly institutionName = computed(() => {
    const i = this.institution.value();
    return i ? (pickText(i.name, this.locale())?.text ?? i.code) : this.code();
  });
  /** The whole inventory with the list's filters, as the reader may see it. */
  protected readonly exportUrls = computed(() => {
    const query = this.query();
    return { csv: this.api.exportUrl(this.code(), 'csv', query), xlsx: this.api.exportUrl(this.code(), 'xlsx', query) };
  });

  /** 'new' to add an item, an item to edit it, null when no form is open. */
  protected readonly editing = signal<InventoryItemView | 'new' | null>(null);
  protected readonly editingItem = computed(() => {
    const e = this.editing();
    return e && e !== 'new' ? e : null;
  });
  private readonly formHeading = viewChild<ElementRef<HTMLElement>>('formHeading');

  protected readonly search = signal('');
  private readonly typed = new Subject<string>();

  constructor() {
    effect(() => this.search.set(this.q() ?? ''));
    effect(() => this.title.set('inventory.titleNamed', { name: this.institutionName() }));
    // The form takes the focus when it opens, so keyboard and screen-reader users land in it.
    effect(() => {
      const heading = this.formHeading();
      if (heading && this.editing()) queueMicrotask(() => heading.nativeElement.focus());
    });
    this.typed
      .pipe(debounceTime(350), distinctUntilChanged(), takeUntilDestroyed(inject(DestroyRef)))
      .subscribe((text) => {
        if (text.trim() !== (this.q() ?? '').trim())
          this.navigate({ ...this.query(), q: text.trim() || undefined, page: 1 });
      });
  }

  protected onType(text: string): void {
    this.search.set(text);
    this.typed.next(text);
  }

  protected applySearch(): void {
    this.navigate({ ...this.query(), q: this.search().trim() || undefined, page: 1 });
  }

  setFilter(name: InventoryFilter, value: string | null | undefined): void {
    this.navigate({ ...this.query(), [name]: value || undefined, page: 1 });
  }

  protected clearFilters(): void {
    this.search.set('');
    void this.router.navigate([], { relativeTo: this.route, queryParams: {} });
  }

  protected goTo(page: number): void {
    this.navigate({ ...this.query(), page });
  }

  protected text(item: InventoryItemView): string {
    return this.locale() === 'ar' ? item.title.ar || item.title.fr : item.title.fr || item.title.ar;
  }

  protected otherText(item: InventoryItemView): string {
    const other = this.locale() === 'ar' ? item.title.fr : item.title.ar;
    return other && other !== this.text(item) ? other : '';
  }

  protected startAdd(): void {
    this.editing.set('new');
  }

  protected edit(item: InventoryItemView): void {
    this.editing.set(this.editingItem()?.id === item.id ? null : item);
  }

  protected onSaved(created: boolean): void {
    this.editing.set(null);
    this.result.reload();
    this.snackBar.open(this.translate.instant(created ? 'inventory.added' : 'inventory.updated'), undefined, {
      duration: 4000,
    });
  }

  protected remove(item: InventoryItemView): void {
    this.dialog
      .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, {
        data: {
          title: this.translate.instant('inventory.remove.title', { reference: item.reference }),
          message: this.translate.instant('inventory.remove.message', { title: this.text(item) }),
          confirm: this.translate.instant('inventory.remove.confirm'),
          cancel: this.translate.instant('common.cancel'),
        },
        direction: this.localeService.dir(),
        maxWidth: '95vw',
        width: '32rem',
      })
      .afterClosed()
      .subscribe((yes) => {
        if (yes !== true) return;
        this.api.remove(item.id).subscribe({
          next: () => {
            if (this.editingItem()?.id === item.id) this.editing.set(null);
            this.result.reload();
            this.snackBar.open(this.translate.instant('inventory.remove.done'), undefined, { duration: 4000 });
          },
          error: (e: ApiError) =>
            this.snackBar.open(e.fields[0]?.message ?? this.translate.instant(e.messageKey), undefined, {
              duration: 6000,
            }),
        });
      });
  }

  protected openMatch(item: InventoryItemView): void {
    this.dialog
      .open<MatchDialog, MatchDialogData, InventoryItemView>(MatchDialog, {
        data: { item, label: this.text(item) },
        direction: this.localeService.dir(),
        maxWidth: '95vw',
        width: '40rem',
        autoFocus: 'dialog',
      })
      .afterClosed()
      .subscribe((saved) => {
        this.result.reload();
        if (saved)
          this.snackBar.open(
            this.translate.instant(
              saved.match.state === 'confirmed' ? 'inventory.matchDialog.confirmed' : 'inventory.matchDialog.cleared',
            ),
            undefined,
            { duration: 4000 },
          );
      });
  }

  private navigate(query: InventoryQuery): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: inventoryUrlParams(query) });
  }
}
