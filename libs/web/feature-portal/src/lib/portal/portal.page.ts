import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  ElementRef,
  inject,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import {
  Permission,
  pickText,
  type HarvestMode,
  type HarvestRunView,
  type InstitutionRef,
  type InstitutionSummary,
  type PortalOrganizationView,
} from '@marsad/contracts';
import { ApiError, apiResource, LocaleService, PortalApi, SessionService } from '@marsad/web/data-access';
import { EmptyState, LoadingIndicator, LocaleDatePipe, LocaleNumberPipe } from '@marsad/web/ui';
import { Pager } from '@marsad/web/ui/audit';
import { ConfirmDialog, type ConfirmDialogData } from '@marsad/web/ui/forms';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { Subscription, switchMap, takeWhile, timer } from 'rxjs';
import {
  HARVEST_ISSUE_KEYS,
  HARVEST_MODE_KEYS,
  HARVEST_STATUS_GLYPHS,
  HARVEST_STATUS_KEYS,
  HARVEST_TRIGGER_KEYS,
} from '../labels';
import { InstitutionPicker } from '@marsad/web/feature-registry';
import { describeHarvestSchedule } from './harvest-schedule';

/** How often a running harvest is read again. */
export const RUN_POLL_MS = 2000;
export const RUNS_PAGE_SIZE = 10;
export const ORGS_PAGE_SIZE = 10;

/** A run's duration in whole seconds (up to now while it runs); null before it started. */
export function runSeconds(run: Pick<HarvestRunView, 'startedAt' | 'finishedAt'>, now = Date.now()): number | null {
  const start = Date.parse(run.startedAt);
  if (Number.isNaN(start)) return null;
  const end = run.finishedAt ? Date.parse(run.finishedAt) : now;
  return Math.max(0, Math.round((end - start) / 1000));
}

/** 75 → { m: 1, s: 15 }: minutes and seconds for the translated "1 min 15 s". */
export function splitDuration(seconds: number): { h: number; m: number; s: number } {
  return { h: Math.floor(seconds / 3600), m: Math.floor((seconds % 3600) / 60), s: seconds % 60 };
}

/**
 * The harvest of the national open-data portal: what it is based on, the runs (live while one runs),
 * and the portal organisations still to map to an administration. Coordinators act; the committee reads.
 */
@Component({
  selector: 'msd-portal-page',
  imports: [
    FormsModule,
    RouterLink,
    TranslatePipe,
    MatButton,
    MatFormField,
    MatLabel,
    MatInput,
    EmptyState,
    LoadingIndicator,
    LocaleDatePipe,
    LocaleNumberPipe,
    Pager,
    InstitutionPicker,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './portal.page.html',
  styleUrl: './portal.page.scss',
})
export class PortalPage {
  private readonly api = inject(PortalApi);
  private readonly session = inject(SessionService);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly translate = inject(TranslateService);
  private readonly localeService = inject(LocaleService);
  protected readonly locale = this.localeService.locale;

  protected readonly modeKeys = HARVEST_MODE_KEYS;
  protected readonly triggerKeys = HARVEST_TRIGGER_KEYS;
  protected readonly statusKeys = HARVEST_STATUS_KEYS;
  protected readonly statusGlyphs = HARVEST_STATUS_GLYPHS;
  protected readonly issueKeys = HARVEST_ISSUE_KEYS;

  readonly canManage = computed(() => this.session.permissions().includes(Permission.PortalManage));
  readonly canReadRuns = computed(() => this.session.permissions().includes(Permission.AuditRead));

  protected readonly status = apiResource({ stream: () => this.api.status() });
  /** The harvest schedule in words in the reader's language; null when harvests run on demand only. */
  protected readonly scheduleWords = computed(() => {
    const schedule = this.status.value()?.schedule;
    return schedule ? describeHarvestSchedule(schedule, this.locale()) : null;
  });

  protected readonly runsPage = signal(1);
  protected readonly runs = apiResource({
    params: () => (this.canReadRuns() ? this.runsPage() : undefined),
    stream: ({ params }) => this.api.runs(params, RUNS_PAGE_SIZE),
  });

  /** The run being followed live (started here, or found running). */
  readonly live = signal<HarvestRunView | null>(null);
  private poll?: Subscription;
  protected readonly starting = signal(false);
  protected readonly startError = signal<ApiError | null>(null);
  protected readonly now = signal(Date.now());

  /** The run whose issues are shown. */
  protected readonly detailId = signal<string | null>(null);
  protected readonly detail = apiResource({
    params: () => this.detailId() ?? undefined,
    stream: ({ params }) => this.api.run(params),
  });
  private readonly detailHeading = viewChild<ElementRef<HTMLElement>>('detailHeading');

  protected readonly orgSearch = signal('');
  protected readonly unmappedQuery = signal({ q: '', page: 1 });
  protected readonly unmapped = apiResource({
    params: () => this.unmappedQuery(),
    stream: ({ params }) =>
      this.api.organizations({ mapped: false, q: params.q || undefined, page: params.page, pageSize: ORGS_PAGE_SIZE }),
  });
  protected readonly mappedPage = signal(1);
  protected readonly mapped = apiResource({
    params: () => this.mappedPage(),
    stream: ({ params }) => this.api.organizations({ mapped: true, page: params, pageSize: ORGS_PAGE_SIZE }),
  });
  /** The administration picked for each organisation, by organisation name. */
  protected readonly picks = signal<Record<string, InstitutionRef | null>>({});
  protected readonly rowErrors = signal<Record<string, string>>({});
  protected readonly busyOrg = signal<string | null>(null);

  constructor() {
    const destroyRef = inject(DestroyRef);
    destroyRef.onDestroy(() => this.poll?.unsubscribe());
    // A run already going when the page opens is followed too.
    effect(() => {
      const running = this.status.value()?.running ?? null;
      if (running) untracked(() => this.follow(running));
    });
    effect(() => {
      const heading = this.detailHeading();
      if (heading && this.detailId()) queueMicrotask(() => heading.nativeElement.focus());
    });
  }

  protected start(mode: HarvestMode): void {
    if (this.starting() || this.live()?.status === 'running') return;
    if (mode === 'full') {
      this.dialog
        .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, {
          data: {
            title: this.translate.instant('portal.fullConfirm.title'),
            message: this.translate.instant('portal.fullConfirm.message'),
            confirm: this.translate.instant('portal.fullConfirm.confirm'),
            cancel: this.translate.instant('common.cancel'),
          },
          direction: this.localeService.dir(),
          maxWidth: '95vw',
          width: '32rem',
        })
        .afterClosed()
        .subscribe((yes) => yes === true && this.send(mode));
    } else {
      this.send(mode);
    }
  }

  private send(mode: HarvestMode): void {
    this.starting.set(true);
    this.startError.set(null);
    this.api.start(mode).subscribe({
      next: (run) => {
        this.starting.set(false);
        this.follow(run);
        this.runs.reload();
      },
      error: (e: ApiError) => {
        this.starting.set(false);
        this.startError.set(e);
        // 409 HARVEST_RUNNING carries the running run: follow it.
        if (e.code === 'HARVEST_RUNNING' && isRun(e.current)) this.follow(e.current);
      },
    });
  }

  /** Reads the run every 2 s until it ends, then refreshes what it changed. */
  follow(run: HarvestRunView): void {
    if (this.live()?.id === run.id && this.poll && !this.poll.closed) return;
    this.poll?.unsubscribe();
    this.live.set(run);
    if (run.status !== 'running') return;
    this.poll = timer(RUN_POLL_MS, RUN_POLL_MS)
      .pipe(
        switchMap(() => this.api.run(run.id)),
        takeWhile((current) => current.status === 'running', true),
      )
      .subscribe({
        next: (current) => {
          this.now.set(Date.now());
          this.live.set(current);
          if (current.status !== 'running') this.ended(current);
        },
        error: () => this.poll?.unsubscribe(),
      });
  }

  private ended(run: HarvestRunView): void {
    this.status.reload();
    this.runs.reload();
    this.unmapped.reload();
    this.mapped.reload();
    this.snackBar.open(
      this.translate.instant(run.status === 'succeeded' ? 'portal.live.succeeded' : 'portal.live.failed'),
      undefined,
      { duration: 5000 },
    );
  }

  protected recompute(): void {
    this.api.recompute().subscribe({
      next: () => this.snackBar.open(this.translate.instant('portal.recomputed'), undefined, { duration: 4000 }),
      error: (e: ApiError) => this.snackBar.open(this.translate.instant(e.messageKey), undefined, { duration: 6000 }),
    });
  }

  protected seconds(run: HarvestRunView): number | null {
    return runSeconds(run, this.now());
  }

  protected duration(run: HarvestRunView): string {
    const total = this.seconds(run);
    if (total === null) return '';
    const { h, m, s } = splitDuration(total);
    if (h) return this.translate.instant('portal.duration.hms', { h, m, s });
    if (m) return this.translate.instant('portal.duration.ms', { m, s });
    return this.translate.instant('portal.duration.s', { s });
  }

  protected showDetail(run: HarvestRunView): void {
    this.detailId.set(this.detailId() === run.id ? null : run.id);
  }

  protected searchOrgs(): void {
    this.unmappedQuery.set({ q: this.orgSearch().trim(), page: 1 });
  }

  protected unmappedPage(page: number): void {
    this.unmappedQuery.update((q) => ({ ...q, page }));
  }

  protected pick(org: PortalOrganizationView, institution: InstitutionRef | null): void {
    this.picks.update((p) => ({ ...p, [org.name]: institution }));
    this.rowErrors.update((e) => ({ ...e, [org.name]: '' }));
  }

  protected mapTo(org: PortalOrganizationView, picker: InstitutionPicker): void {
    const institution = this.picks()[org.name];
    if (!institution || this.busyOrg()) return;
    this.busyOrg.set(org.name);
    this.api.mapOrganization(org.name, institution.code).subscribe({
      next: () => {
        this.busyOrg.set(null);
        picker.reset();
        this.unmapped.reload();
        this.mapped.reload();
        this.status.reload();
        this.snackBar.open(
          this.translate.instant('portal.orgs.mappedDone', { org: org.title, name: this.name(institution) }),
          undefined,
          { duration: 5000 },
        );
      },
      error: (e: ApiError) => {
        this.busyOrg.set(null);
        this.rowErrors.update((errors) => ({
          ...errors,
          [org.name]: e.fields[0]?.message ?? (this.translate.instant(e.messageKey) as string),
        }));
      },
    });
  }

  protected unmap(org: PortalOrganizationView): void {
    this.dialog
      .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, {
        data: {
          title: this.translate.instant('portal.orgs.unmapTitle', { org: org.title }),
          message: this.translate.instant('portal.orgs.unmapMessage', { name: this.name(org.institution) }),
          confirm: this.translate.instant('portal.orgs.unmap'),
          cancel: this.translate.instant('common.cancel'),
        },
        direction: this.localeService.dir(),
        maxWidth: '95vw',
        width: '32rem',
      })
      .afterClosed()
      .subscribe((yes) => {
        if (yes !== true) return;
        this.api.mapOrganization(org.name, null).subscribe({
          next: () => {
            this.unmapped.reload();
            this.mapped.reload();
            this.status.reload();
            this.snackBar.open(this.translate.instant('portal.orgs.unmappedDone', { org: org.title }), undefined, {
              duration: 4000,
            });
          },
          error: (e: ApiError) =>
            this.snackBar.open(e.fields[0]?.message ?? this.translate.instant(e.messageKey), undefined, {
              duration: 6000,
            }),
        });
      });
  }

  protected name(ref: InstitutionRef | null | undefined): string {
    return ref ? (pickText(ref.name, this.locale())?.text ?? ref.code) : '';
  }
}

function isRun(value: unknown): value is HarvestRunView {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as HarvestRunView).id === 'string' &&
    typeof (value as HarvestRunView).status === 'string'
  );
}
