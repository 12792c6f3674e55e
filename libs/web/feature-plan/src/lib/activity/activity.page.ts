import { ChangeDetectionStrategy, Component, computed, effect, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { Permission, type ActivityDetail } from '@marsad/contracts';
import { ActivityApi, ApiError, AuditApi, DocumentTitleService, InstitutionApi, LocaleService, SessionService } from '@marsad/web/data-access';
import {
  DemoBadge,
  EmptyState,
  HealthChip,
  LoadingIndicator,
  LocaleDatePipe,
  LocaleNumberPipe,
  LocalizedTextLangPipe,
  LocalizedTextPipe,
  ProgressWithLabel,
  StatusChip,
} from '@marsad/web/ui';
import { AuditEventList } from '@marsad/web/ui/audit';
import { TranslatePipe } from '@ngx-translate/core';
import { catchError, map, of } from 'rxjs';
import { Breadcrumbs, type Crumb } from '../shared/breadcrumbs';
import { Timeline } from '../shared/timeline';
import { ActivityEditForm } from './activity-edit-form';
import { ProgressUpdateForm } from './progress-update-form';

@Component({
  selector: 'msd-activity-page',
  imports: [
    RouterLink,
    TranslatePipe,
    MatButton,
    Breadcrumbs,
    Timeline,
    ActivityEditForm,
    ProgressUpdateForm,
    AuditEventList,
    EmptyState,
    DemoBadge,
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
  templateUrl: './activity.page.html',
  styleUrl: './activity.page.scss',
})
export class ActivityPage {
  readonly id = input.required<string>();

  private readonly api = inject(ActivityApi);
  private readonly institutionApi = inject(InstitutionApi);
  private readonly title = inject(DocumentTitleService);
  private readonly auditApi = inject(AuditApi);
  private readonly session = inject(SessionService);
  protected readonly locale = inject(LocaleService).locale;
  protected readonly signedIn = this.session.signedIn;

  protected readonly activity = rxResource({
    params: () => this.id(),
    stream: ({ params }) => this.api.get(params),
  });
  protected readonly institutions = rxResource({
    stream: () => this.institutionApi.list().pipe(map((list) => list.items)),
    defaultValue: [],
  });

  protected readonly value = computed(() => (this.activity.hasValue() ? this.activity.value() : null));
  protected readonly apiError = computed(() => {
    const error = this.activity.error();
    return error instanceof ApiError ? error : error ? new ApiError(0, 'INTERNAL_ERROR', error.message) : null;
  });
  protected readonly hasDemoContent = computed(() => {
    const a = this.value();
    return !!a && (a.updates.some((u) => u.demo) || a.milestones.some((m) => m.demo));
  });

  // The API decides; these only spare people forms it would refuse.
  protected readonly canReport = computed(() => this.session.canReportOn(this.value()));
  protected readonly canPlan = computed(() => this.session.permissions().includes(Permission.ActivityPlan));
  protected readonly canReadAudit = computed(() => this.session.permissions().includes(Permission.AuditRead));

  /** Who changed this activity (with AuditRead only); reloaded after each change made here. */
  protected readonly history = rxResource({
    params: () => (this.canReadAudit() ? { id: this.id(), version: this.value()?.version ?? null } : undefined),
    stream: ({ params }) => this.auditApi.activityHistory(params.id).pipe(catchError(() => of(null))),
  });
  protected readonly auditPath = computed(() => ['/', this.locale(), 'audit']);

  protected readonly crumbs = computed<Crumb[]>(() => {
    const a = this.value();
    const lang = this.locale();
    if (!a) return [{ key: 'nav.overview', link: ['/', lang] }, { key: 'common.loading' }];
    return [
      { key: 'nav.overview', link: ['/', lang] },
      { key: 'measure.crumb', params: { number: a.measureNumber }, link: ['/', lang, 'measures', a.measureId] },
      { key: 'activity.crumb', params: { code: a.code } },
    ];
  });

  constructor() {
    effect(() => {
      const a = this.value();
      if (a) this.title.set('titles.activityCoded', { code: a.code });
    });
  }

  protected onSaved(updated: ActivityDetail): void {
    const current = this.value();
    // PATCH answers with the activity; keep the timeline we already have if it came without one.
    this.activity.set(current ? { ...current, ...updated, updates: updated.updates ?? current.updates, milestones: updated.milestones ?? current.milestones } : updated);
  }

  protected onPosted(): void {
    // The update changed status, progress and the version: read the activity again.
    this.activity.reload();
  }
}
