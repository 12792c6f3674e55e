import { ChangeDetectionStrategy, Component, computed, effect, inject, input } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatOption } from '@angular/material/core';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatSelect } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router } from '@angular/router';
import { ACTION_ITEM_STATUSES, type ActionItemQuery, type ActionItemView } from '@marsad/contracts';
import {
  apiResource,
  CommitteeApi,
  DocumentTitleService,
  InstitutionApi,
  LocaleService,
  SessionService,
} from '@marsad/web/data-access';
import { EmptyState, LoadingIndicator, LocaleDatePipe, LocalizedTextPipe } from '@marsad/web/ui';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { ActionItemCard } from './action-item-card';
import { ACTION_ITEM_STATUS_KEYS } from './committee-labels';
import { CommitteeNav } from './committee-nav';

type StatusFilter = NonNullable<ActionItemQuery['status']> | '';

/** The filters as the address holds them (`?status=open&owner=MEF&overdue=true`), read for the API. */
export function actionItemQuery(status?: string, owner?: string, overdue?: string): ActionItemQuery {
  const known = (value?: string): value is NonNullable<ActionItemQuery['status']> =>
    value === 'open' || (ACTION_ITEM_STATUSES as readonly string[]).includes(value ?? '');
  return {
    ...(known(status) ? { status } : {}),
    ...(owner ? { owner } : {}),
    ...(overdue === 'true' ? { overdue: true } : {}),
  };
}

/** Overdue first (most overdue on top), then by due date. */
export function sortActionItems(items: readonly ActionItemView[]): ActionItemView[] {
  return [...items].sort(
    (a, b) =>
      Number(b.overdue) - Number(a.overdue) ||
      (a.overdue ? b.daysOverdue - a.daysOverdue : 0) ||
      a.dueOn.localeCompare(b.dueOn) ||
      a.reference.localeCompare(b.reference),
  );
}

/**
 * The committee's action items: who must do what by when, and how late. The committee and ADD see
 * all of them; an administration's people see their own, and move them forward with notes.
 */
@Component({
  selector: 'msd-action-items-page',
  imports: [
    TranslatePipe,
    MatButton,
    MatCheckbox,
    MatFormField,
    MatLabel,
    MatSelect,
    MatOption,
    EmptyState,
    LoadingIndicator,
    LocaleDatePipe,
    LocalizedTextPipe,
    ActionItemCard,
    CommitteeNav,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './action-items.page.html',
  styleUrl: './committee.scss',
})
export class ActionItemsPage {
  /** Query parameters. */
  readonly status = input<string>();
  readonly owner = input<string>();
  readonly overdue = input<string>();

  private readonly api = inject(CommitteeApi);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);
  private readonly translate = inject(TranslateService);
  private readonly session = inject(SessionService);
  protected readonly locale = inject(LocaleService).locale;
  protected readonly statusKeys = ACTION_ITEM_STATUS_KEYS;
  protected readonly statuses = ACTION_ITEM_STATUSES;
  /** An officer's list is their administration's: no owner to choose. */
  protected readonly scoped = this.session.scopedInstitution;

  protected readonly query = computed(() => actionItemQuery(this.status(), this.owner(), this.overdue()));
  protected readonly items = apiResource({
    params: () => this.query(),
    stream: ({ params }) => this.api.actionItems(params),
  });
  protected readonly sorted = computed(() => sortActionItems(this.items.value() ?? []));
  protected readonly overdueCount = computed(() => this.sorted().filter((i) => i.overdue).length);
  /** When the list was read: its lateness is as of then. */
  protected readonly asOf = computed(() => (this.items.value() ? new Date() : null));
  private readonly institutionApi = inject(InstitutionApi);
  protected readonly owners = apiResource({
    params: () => (this.scoped() ? undefined : true),
    stream: () => this.institutionApi.list(),
  });

  constructor() {
    const title = inject(DocumentTitleService);
    effect(() => title.set('titles.actionItems'));
  }

  protected setFilter(change: { status?: StatusFilter; owner?: string; overdue?: boolean }): void {
    const q = { ...this.query(), ...change };
    void this.router.navigate([], {
      queryParams: {
        status: q.status || null,
        owner: q.owner || null,
        overdue: q.overdue ? 'true' : null,
      },
      replaceUrl: true,
    });
  }

  protected clear(): void {
    void this.router.navigate([], { queryParams: {}, replaceUrl: true });
  }

  protected changed(saved: ActionItemView): void {
    const list = this.items.value() ?? [];
    this.items.set(list.map((i) => (i.id === saved.id ? saved : i)));
    this.snackBar.open(this.translate.instant('committee.items.saved'), undefined, { duration: 4000 });
  }

  protected conflict(): void {
    this.items.reload();
    this.snackBar.open(this.translate.instant('committee.items.conflict'), undefined, { duration: 8000 });
  }
}
