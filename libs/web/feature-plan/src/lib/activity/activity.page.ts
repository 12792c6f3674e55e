import {
  afterRenderEffect,
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
} from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { isInstitutionScoped, Permission, type ActivityDetail, type ProgressUpdateView } from '@marsad/contracts';
import {
  ActivityApi,
  apiResource,
  AuditApi,
  DocumentTitleService,
  InstitutionApi,
  LocaleService,
  SessionService,
} from '@marsad/web/data-access';
import {
  DemoBadge,
  EmptyState,
  LoadingIndicator,
  LocalizedTextLangPipe,
  LocalizedTextPipe,
  ProgressFacts,
  ProvenanceLabel,
} from '@marsad/web/ui';
import { AuditEventList } from '@marsad/web/ui/audit';
import { TranslatePipe } from '@ngx-translate/core';
import { catchError, map, of } from 'rxjs';
import { Breadcrumbs, type Crumb } from '../shared/breadcrumbs';
import { ActivityFactsPipe } from '../shared/plan-facts.pipe';
import { LateBy } from '../shared/late-by';
import { Timeline } from '../shared/timeline';
import { PlanComments } from '../comments/plan-comments';
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
    LateBy,
    ActivityEditForm,
    ProgressUpdateForm,
    AuditEventList,
    EmptyState,
    DemoBadge,
    LoadingIndicator,
    LocalizedTextPipe,
    LocalizedTextLangPipe,
    ProgressFacts,
    ProvenanceLabel,
    ActivityFactsPipe,
    PlanComments,
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

  protected readonly activity = apiResource({
    params: () => this.id(),
    stream: ({ params }) => this.api.get(params),
  });
  protected readonly institutions = rxResource({
    stream: () => this.institutionApi.list().pipe(map((list) => list.items)),
    defaultValue: [],
  });

  protected readonly hasDemoContent = computed(() => {
    const a = this.activity.value();
    return !!a && (a.updates.some((u) => u.demo) || a.milestones.some((m) => m.demo));
  });

  // The API decides; these only spare people forms it would refuse.
  protected readonly canReport = computed(() => this.session.canReportOn(this.activity.value()));
  protected readonly canPlan = computed(() => this.session.permissions().includes(Permission.ActivityPlan));
  protected readonly canReadAudit = computed(() => this.session.permissions().includes(Permission.AuditRead));

  /** Reports not yet validated that this reader sees (its administration's, or all for coordinators). */
  protected readonly pending = computed(() =>
    (this.activity.value()?.updates ?? []).filter((u) => u.state !== 'validated'),
  );
  /** An officer's administration, whose draft and returned reports it may correct here. */
  protected readonly reviserInstitution = computed(() => {
    const user = this.session.user();
    return user && isInstitutionScoped(user.role) && this.canReport() ? (user.institution?.code ?? null) : null;
  });
  /** The draft or returned report being corrected in the form, if any. */
  protected readonly revising = signal<ProgressUpdateView | null>(null);

  /** Who changed this activity (with AuditRead only); reloaded after each change made here. */
  protected readonly history = rxResource({
    params: () =>
      this.canReadAudit() ? { id: this.id(), version: this.activity.value()?.version ?? null } : undefined,
    stream: ({ params }) => this.auditApi.activityHistory(params.id).pipe(catchError(() => of(null))),
  });
  protected readonly auditPath = computed(() => ['/', this.locale(), 'audit']);

  protected readonly crumbs = computed<Crumb[]>(() => {
    const a = this.activity.value();
    const lang = this.locale();
    if (!a) return [{ key: 'nav.overview', link: ['/', lang] }, { key: 'common.loading' }];
    return [
      { key: 'nav.overview', link: ['/', lang] },
      { key: 'measure.crumb', params: { number: a.measureNumber }, link: ['/', lang, 'measures', a.measureId] },
      { key: 'activity.crumb', params: { code: a.code } },
    ];
  });

  /** `#report-<id>` (a notification's link): that report is brought into view once the timeline shows it. */
  private readonly fragment = toSignal(inject(ActivatedRoute).fragment, { initialValue: null });
  private scrolledTo: string | null = null;

  constructor() {
    effect(() => {
      const a = this.activity.value();
      if (a) this.title.set('titles.activityCoded', { code: a.code });
    });
    afterRenderEffect(() => {
      const target = this.fragment();
      if (!this.activity.value() || !target?.startsWith('report-') || this.scrolledTo === target) return;
      const element = document.getElementById(target);
      if (!element) return;
      this.scrolledTo = target;
      element.scrollIntoView({ block: 'center' });
      element.classList.add('timeline__item--focus');
    });
  }

  protected onSaved(updated: ActivityDetail): void {
    const current = this.activity.value();
    // PATCH answers with the activity; keep the timeline we already have if it came without one.
    this.activity.set(
      current
        ? {
            ...current,
            ...updated,
            updates: updated.updates ?? current.updates,
            milestones: updated.milestones ?? current.milestones,
          }
        : updated,
    );
  }

  protected startRevising(report: ProgressUpdateView): void {
    this.revising.set(report);
    document.getElementById('report-title')?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }

  protected onPosted(): void {
    // The report may have changed status, progress and the version: read the activity again.
    this.revising.set(null);
    this.activity.reload();
  }
}
