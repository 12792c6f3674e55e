import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import {
  EVENT_TYPES,
  INSTITUTION_TYPES,
  Permission,
  pickText,
  type EventType,
  type InstitutionRef,
  type ReachShare,
  type ReachView,
} from '@marsad/contracts';
import { apiResource, EventsApi, LocaleService, SessionService } from '@marsad/web/data-access';
import {
  EmptyState,
  formatNumber,
  formatPercent,
  LoadingIndicator,
  LocaleDatePipe,
  LocaleNumberPipe,
  LocalePercentPipe,
} from '@marsad/web/ui';
import { BarChart, type BarSeries } from '@marsad/web/ui/chart';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import {
  CATEGORY_COLORS,
  CATEGORY_KEYS,
  EVENT_COLORS,
  EVENT_TYPE_KEYS,
  ROLE_COLORS,
  TYPE_PLURAL_KEYS,
} from './reach-labels';
import {
  asOfDay,
  nothingRecorded,
  parseQuarter,
  quarterTable,
  targetProgress,
  targetsByYear,
  yearElapsed,
  type TargetProgress,
  type TargetState,
} from './reach-math';
import { ReachTargetsForm } from './reach-targets-form';

/** The overall satisfaction of all events, each type's average weighted by its responses; null without any. */
export function overallSatisfaction(
  rows: readonly Pick<ReachView['eventsByType'][number], 'satisfaction'>[],
): { average: number; responses: number } | null {
  let responses = 0;
  let sum = 0;
  for (const { satisfaction: s } of rows)
    if (s.responses > 0 && s.overall !== null) {
      responses += s.responses;
      sum += s.overall * s.responses;
    }
  return responses ? { average: Math.round((sum / responses) * 10) / 10, responses } : null;
}

/** A rating average as "4.3": always one decimal. */
const ONE_DECIMAL: Intl.NumberFormatOptions = { minimumFractionDigits: 1, maximumFractionDigits: 1 };

/** Shown where a share cannot be computed (nobody in office): never 0 %. */
export const NO_SHARE = '—';

export interface ShareRow {
  key: string;
  label: string;
  rod: ReachShare;
  gdd: ReachShare;
}

export interface TargetRow {
  type: EventType;
  label: string;
  events: TargetProgress;
  participants: TargetProgress;
}

interface Chart {
  labels: string[];
  series: BarSeries[];
  height: number;
}

const STATE_KEYS: Record<TargetState, string> = {
  none: 'reach.targets.states.none',
  met: 'reach.targets.states.met',
  missed: 'reach.targets.states.missed',
  behind: 'reach.targets.states.behind',
  onTrack: 'reach.targets.states.onTrack',
  upcoming: 'reach.targets.states.upcoming',
};

/** The headline figures: open-data officers, then data managers. */
const ROLES = [
  { role: 'rod', labelKey: 'reach.rodTrained', noneKey: 'reach.noRodInOffice' },
  { role: 'gdd', labelKey: 'reach.gddTrained', noneKey: 'reach.noGddInOffice' },
] as const;

/**
 * The reach of the plan's events (measures 4, 8, 9 and 12): who was trained among the officers in office,
 * where, which administrations no event reached, who took part each quarter, and the yearly targets.
 * Every figure comes from what ADD recorded; coordinators set the targets here.
 */
@Component({
  selector: 'msd-reach-page',
  imports: [
    NgTemplateOutlet,
    RouterLink,
    TranslatePipe,
    MatButton,
    BarChart,
    EmptyState,
    LoadingIndicator,
    LocaleDatePipe,
    LocaleNumberPipe,
    LocalePercentPipe,
    ReachTargetsForm,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './reach.page.html',
  styleUrl: './reach.page.scss',
})
export class ReachPage {
  private readonly api = inject(EventsApi);
  private readonly session = inject(SessionService);
  private readonly translate = inject(TranslateService);
  protected readonly locale = inject(LocaleService).locale;
  protected readonly none = NO_SHARE;
  protected readonly roles = ROLES;
  protected readonly categoryKeys = CATEGORY_KEYS;
  protected readonly stateKeys = STATE_KEYS;
  protected readonly oneDecimal = ONE_DECIMAL;

  protected readonly report = apiResource({ stream: () => this.api.reach() });
  /** Coordinators set the yearly targets; the API still decides. */
  protected readonly canEdit = computed(() => this.session.can(Permission.EventManage));

  // Re-computes the labels and charts once the language's texts are in.
  private readonly texts = toSignal(this.translate.onLangChange, { initialValue: null });

  protected readonly empty = computed(() => {
    const d = this.report.value();
    return d ? nothingRecorded(d) : false;
  });

  protected readonly byType = computed<ShareRow[]>(() => {
    this.texts();
    const order = new Map(INSTITUTION_TYPES.map((t, i) => [t, i]));
    return [...(this.report.value()?.byType ?? [])]
      .sort((a, b) => (order.get(a.type) ?? 99) - (order.get(b.type) ?? 99))
      .map((r) => ({ key: r.type, label: this.t(TYPE_PLURAL_KEYS[r.type] ?? r.type), rod: r.rod, gdd: r.gdd }));
  });

  protected readonly byRegion = computed<ShareRow[]>(() => {
    this.texts();
    return [...(this.report.value()?.byRegion ?? [])]
      .sort((a, b) => (a.region ? (b.region ? a.region.code.localeCompare(b.region.code) : -1) : b.region ? 1 : 0))
      .map((r) => ({
        key: r.region?.code ?? '',
        label: r.region ? this.name(r.region) : this.t('reach.noRegion'),
        rod: r.rod,
        gdd: r.gdd,
      }));
  });

  protected readonly typeChart = computed<Chart | null>(() => {
    const rows = this.byType();
    if (!rows.length) return null;
    // Chart.js leaves a null bar out: a group with nobody in office shows no bar, never 0 %.
    const shares = (pick: (r: ShareRow) => ReachShare) => rows.map((r) => pick(r).share) as number[];
    return {
      labels: rows.map((r) => r.label),
      series: [
        { label: this.t('reach.rodShort'), color: ROLE_COLORS.rod, data: shares((r) => r.rod) },
        { label: this.t('reach.gddShort'), color: ROLE_COLORS.gdd, data: shares((r) => r.gdd) },
      ],
      height: Math.max(240, rows.length * 46 + 80),
    };
  });

  protected readonly typeSummary = computed(() => this.shareSummary(this.byType()));

  protected readonly quarters = computed(() => {
    this.texts();
    const table = quarterTable(this.report.value()?.byQuarter ?? []);
    return { ...table, rows: table.rows.map((r) => ({ ...r, label: this.quarterLabel(r.quarter) })) };
  });

  protected readonly quarterChart = computed<Chart | null>(() => {
    const q = this.quarters();
    if (!q.rows.length) return null;
    return {
      labels: q.rows.map((r) => r.label),
      series: q.categories.map((c) => ({
        label: this.t(CATEGORY_KEYS[c]),
        color: CATEGORY_COLORS[c],
        data: q.rows.map((r) => r.counts[c]),
      })),
      height: 300,
    };
  });

  protected readonly quarterSummary = computed(() => {
    const q = this.quarters();
    if (!q.rows.length) return '';
    const top = q.rows.reduce((best, r) => (r.total > best.total ? r : best));
    return this.t('reach.quartersSummary', {
      total: this.n(q.total),
      quarters: this.n(q.rows.length),
      top: top.label,
      topCount: this.n(top.total),
    });
  });

  protected readonly events = computed(() => {
    this.texts();
    const order = new Map<EventType, number>(EVENT_TYPES.map((t, i) => [t, i]));
    return [...(this.report.value()?.eventsByType ?? [])]
      .sort((a, b) => (order.get(a.type) ?? 99) - (order.get(b.type) ?? 99))
      .map((e) => ({ ...e, label: this.t(EVENT_TYPE_KEYS[e.type] ?? e.type) }));
  });

  protected readonly eventsChart = computed<Chart | null>(() => {
    const rows = this.events();
    if (!rows.length) return null;
    return {
      labels: rows.map((r) => r.label),
      series: [
        { label: this.t('reach.held'), color: EVENT_COLORS.held, data: rows.map((r) => r.held) },
        { label: this.t('reach.planned'), color: EVENT_COLORS.planned, data: rows.map((r) => r.planned) },
      ],
      height: 280,
    };
  });

  protected readonly eventsSummary = computed(() => {
    const rows = this.events();
    const sum = (pick: (r: (typeof rows)[number]) => number) => this.n(rows.reduce((s, r) => s + pick(r), 0));
    return this.t('reach.eventsSummary', {
      held: sum((r) => r.held),
      planned: sum((r) => r.planned),
      participants: sum((r) => r.participants),
    });
  });

  /** "Participants rated the events 4.3 / 5 on average (25 responses)", or that nobody answered yet. */
  protected readonly satisfactionSummary = computed(() => {
    const all = overallSatisfaction(this.events());
    if (!all) return this.t('events.satisfaction.reachNone');
    return this.t('events.satisfaction.reachSummary', {
      value: this.n(all.average, ONE_DECIMAL),
      responses: this.n(all.responses),
    });
  });

  protected readonly targets = computed(() => {
    this.texts();
    const d = this.report.value();
    if (!d) return [];
    const today = asOfDay(d.asOf);
    return targetsByYear(d.targets).map((y) => ({
      year: y.year,
      current: y.year === today.year,
      elapsed: y.year === today.year ? Math.round(yearElapsed(today) * 1000) / 10 : null,
      rows: y.rows.map<TargetRow>((t) => ({
        type: t.type,
        label: this.t(EVENT_TYPE_KEYS[t.type] ?? t.type),
        events: targetProgress(t.events.actual, t.events.target, t.year, d.asOf),
        participants: targetProgress(t.participants.actual, t.participants.target, t.year, d.asOf),
      })),
    }));
  });

  protected name(ref: InstitutionRef): string {
    return pickText(ref.name, this.locale())?.text ?? ref.code;
  }

  protected institutionLink(code: string): unknown[] {
    return ['/', this.locale(), 'institutions', code];
  }

  protected eventsLink(): unknown[] {
    return ['/', this.locale(), 'events'];
  }

  protected stateKey(state: TargetState): string {
    return STATE_KEYS[state];
  }

  protected hasNoShare(rows: readonly ShareRow[]): boolean {
    return rows.some((r) => r.rod.share === null || r.gdd.share === null);
  }

  protected saved(view: ReachView): void {
    this.report.set(view);
  }

  private shareSummary(rows: readonly ShareRow[]): string {
    const known = rows.filter((r) => r.rod.share !== null) as (ShareRow & { rod: { share: number } })[];
    if (!known.length) return this.t('reach.byTypeSummaryNone');
    const best = known.reduce((a, b) => (b.rod.share > a.rod.share ? b : a));
    const worst = known.reduce((a, b) => (b.rod.share < a.rod.share ? b : a));
    if (best === worst)
      return this.t('reach.byTypeSummaryOne', { best: best.label, bestShare: this.p(best.rod.share) });
    return this.t('reach.byTypeSummary', {
      best: best.label,
      bestShare: this.p(best.rod.share),
      worst: worst.label,
      worstShare: this.p(worst.rod.share),
    });
  }

  /** `2026-Q3` in the reader's language ("T3 2026", "Q3 2026"). */
  private quarterLabel(quarter: string): string {
    const parsed = parseQuarter(quarter);
    return parsed ? this.t('reach.quarter', { q: parsed.q, year: parsed.year }) : quarter;
  }

  private t(key: string, params?: Record<string, unknown>): string {
    return this.translate.instant(key, params) as string;
  }

  private n(value: number, options?: Intl.NumberFormatOptions): string {
    return formatNumber(value, this.locale(), options);
  }

  private p(value: number): string {
    return formatPercent(value, this.locale());
  }
}
