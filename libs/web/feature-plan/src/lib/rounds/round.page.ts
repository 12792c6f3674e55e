import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { NgTemplateOutlet } from '@angular/common';
import { RouterLink } from '@angular/router';
import { Permission, type RoundAdministrationQuery } from '@marsad/contracts';
import {
  apiResource,
  ApiError,
  DocumentTitleService,
  LocaleService,
  RoundsApi,
  SessionService,
} from '@marsad/web/data-access';
import {
  EmptyState,
  formatPercent,
  INSTITUTION_TYPE_KEYS,
  LoadingIndicator,
  LocaleDatePipe,
  LocalePercentPipe,
  LocalizedTextLangPipe,
  LocalizedTextPipe,
  ProvenanceLabel,
} from '@marsad/web/ui';
import { Pager } from '@marsad/web/ui/audit';
import { ConfirmDialog, type ConfirmDialogData } from '@marsad/web/ui/forms';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { FILTER_KEYS, ROUND_STATE_KEYS } from './round-labels';
import { RoundTallyView } from './round-tally';

type Filter = NonNullable<RoundAdministrationQuery['filter']> | '';
const PAGE_SIZE = 25;

/**
 * One reporting round: its completion, by administration type and region, and every administration
 * that owes something, the least complete first (who has not reported is the first thing to see).
 * A coordinator closes it, which freezes its figures.
 */
@Component({
  selector: 'msd-round-page',
  imports: [
    NgTemplateOutlet,
    RouterLink,
    TranslatePipe,
    MatButton,
    EmptyState,
    LoadingIndicator,
    LocaleDatePipe,
    LocalePercentPipe,
    LocalizedTextPipe,
    LocalizedTextLangPipe,
    ProvenanceLabel,
    Pager,
    RoundTallyView,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './round.page.html',
  styleUrl: './rounds.page.scss',
})
export class RoundPage {
  readonly id = input.required<string>();
  private readonly api = inject(RoundsApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly translate = inject(TranslateService);
  private readonly localeService = inject(LocaleService);
  protected readonly locale = this.localeService.locale;
  protected readonly canManage = inject(SessionService).can(Permission.RoundManage);
  protected readonly stateKeys = ROUND_STATE_KEYS;
  protected readonly filterKeys = FILTER_KEYS;
  protected readonly typeKeys: Record<string, string> = INSTITUTION_TYPE_KEYS;
  protected readonly filters: Filter[] = ['', 'missing', 'late', 'returned', 'complete'];
  protected readonly pageSize = PAGE_SIZE;

  protected readonly filter = signal<Filter>('missing');
  protected readonly page = signal(1);
  protected readonly closing = signal(false);
  protected readonly closeError = signal<string | null>(null);

  protected readonly round = apiResource({ params: () => this.id(), stream: ({ params }) => this.api.get(params) });
  protected readonly rows = apiResource({
    params: () => ({ id: this.id(), filter: this.filter(), page: this.page() }),
    stream: ({ params }) =>
      this.api.administrations(params.id, {
        filter: params.filter || undefined,
        page: params.page,
        pageSize: PAGE_SIZE,
      }),
  });
  protected readonly frozenProvenance = computed(() => {
    const frozen = this.round.value()?.frozen;
    return frozen
      ? { source: 'validated' as const, asOf: frozen.frozenAt, by: this.round.value()?.closedBy ?? null }
      : null;
  });

  constructor() {
    const title = inject(DocumentTitleService);
    effect(() => title.set('titles.round'));
  }

  protected setFilter(filter: Filter): void {
    this.filter.set(filter);
    this.page.set(1);
  }

  protected async close(): Promise<void> {
    const round = this.round.value();
    if (!round) return;
    const ref = this.dialog.open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, {
      data: {
        title: this.translate.instant('rounds.closeTitle'),
        message: this.translate.instant('rounds.closeMessage', {
          missing: round.tally.missing,
          completion: formatPercent(round.tally.completion, this.locale()),
        }),
        confirm: this.translate.instant('rounds.close'),
        cancel: this.translate.instant('common.cancel'),
      },
      direction: this.localeService.dir(),
    });
    const ok = await new Promise<boolean>((resolve) => ref.afterClosed().subscribe((r) => resolve(r === true)));
    if (!ok) return;
    this.closing.set(true);
    this.closeError.set(null);
    this.api.close(round.id, round.version).subscribe({
      next: () => {
        this.closing.set(false);
        this.snackBar.open(this.translate.instant('rounds.closed'), undefined, { duration: 5000 });
        this.round.reload();
        this.rows.reload();
      },
      error: (error: ApiError) => {
        this.closing.set(false);
        this.closeError.set(error.messageKey);
        this.round.reload();
      },
    });
  }
}
