import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { Router } from '@angular/router';
import { AUDIT_ENTITY_TYPES, pickText } from '@marsad/contracts';
import { ApiError, AuditApi, DEFAULT_PLAN_CODE, InstitutionApi, LocaleService, PlanApi } from '@marsad/web/data-access';
import { EmptyState, LoadingIndicator } from '@marsad/web/ui';
import { AUDIT_ENTITY_KEYS, AuditEventList, Pager } from '@marsad/web/ui/audit';
import { DATE_FIELD_IMPORTS, provideMsdDates } from '@marsad/web/ui/forms';
import { TranslatePipe } from '@ngx-translate/core';
import { catchError, map, of } from 'rxjs';
import { buildAuditQuery } from './audit-query';

/** Who changed what and when, filtered through the URL, newest first. */
@Component({
  selector: 'msd-audit-page',
  imports: [
    ...DATE_FIELD_IMPORTS,
    TranslatePipe,
    MatButton,
    MatFormField,
    MatLabel,
    MatInput,
    MatSelect,
    MatOption,
    AuditEventList,
    EmptyState,
    LoadingIndicator,
    Pager,
  ],
  // Date fields: Material's datepicker in the page's language (dd/MM/yyyy), values kept as ISO days.
  providers: [provideMsdDates()],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './audit.page.html',
  styleUrl: './audit.page.scss',
})
export class AuditPage {
  readonly entityType = input<string | undefined>();
  readonly entityId = input<string | undefined>();
  readonly actorId = input<string | undefined>();
  readonly institution = input<string | undefined>();
  readonly from = input<string | undefined>();
  readonly to = input<string | undefined>();
  readonly page = input<string | undefined>();

  private readonly api = inject(AuditApi);
  private readonly router = inject(Router);
  private readonly institutionApi = inject(InstitutionApi);
  private readonly planApi = inject(PlanApi);
  protected readonly locale = inject(LocaleService).locale;
  // Every entity type the trail records, each with its label (the map is keyed on the same vocabulary).
  protected readonly entityTypes = AUDIT_ENTITY_TYPES;
  protected readonly entityKeys = AUDIT_ENTITY_KEYS;

  protected readonly query = computed(() =>
    buildAuditQuery({
      entityType: this.entityType(),
      entityId: this.entityId(),
      actorId: this.actorId(),
      institution: this.institution(),
      from: this.from(),
      to: this.to(),
      page: this.page(),
    }),
  );
  protected readonly events = rxResource({ params: () => this.query(), stream: ({ params }) => this.api.list(params) });
  protected readonly result = computed(() => (this.events.hasValue() ? this.events.value() : null));
  protected readonly loadError = computed(() => {
    const e = this.events.error();
    return e ? (e instanceof ApiError ? e : new ApiError(0, 'INTERNAL_ERROR', e.message)) : null;
  });

  protected readonly institutions = rxResource({
    stream: () =>
      this.institutionApi.list().pipe(
        map((l) => l.items),
        catchError(() => of([])),
      ),
    defaultValue: [],
  });
  protected readonly institutionOptions = computed(() => {
    const locale = this.locale();
    return this.institutions
      .value()
      .map((i) => ({ code: i.code, name: pickText(i.name, locale)?.text ?? i.code }))
      .sort((a, b) => a.name.localeCompare(b.name, locale));
  });
  /** Progress updates record their activity's code: the plan maps codes to the pages' ids. */
  private readonly plan = rxResource({
    stream: () => this.planApi.getPlan(DEFAULT_PLAN_CODE).pipe(catchError(() => of(null))),
  });
  protected readonly activityIds = computed<Record<string, string>>(() => {
    const plan = this.plan.hasValue() ? this.plan.value() : null;
    return Object.fromEntries((plan?.measures ?? []).flatMap((m) => m.activities.map((a) => [a.code, a.id])));
  });
  /** The actor's name, from an event already on screen, for the filter chip. */
  protected readonly actorName = computed(() => {
    const id = this.actorId();
    return this.result()?.items.find((e) => e.actor?.id === id)?.actor?.displayName ?? id ?? '';
  });
  protected readonly filtered = computed(() => {
    const q = this.query();
    return !!(q.entityType || q.entityId || q.actorId || q.institution || q.from || q.to);
  });
  protected readonly auditPath = computed(() => ['/', this.locale(), 'audit']);
  protected readonly activityLink = computed(() => {
    const lang = this.locale();
    return (id: string) => ['/', lang, 'activities', id];
  });

  protected setFilter(
    name: 'entityType' | 'institution' | 'from' | 'to' | 'actorId' | 'entityId',
    value: string | null | undefined,
  ): void {
    const params: Record<string, string | null> = { [name]: value || null, page: null };
    // An entity id means nothing without its type.
    if (name === 'entityType') params['entityId'] = null;
    void this.router.navigate([], { queryParams: params, queryParamsHandling: 'merge' });
  }

  protected clearAll(): void {
    void this.router.navigate([], { queryParams: {} });
  }

  protected goTo(page: number): void {
    void this.router.navigate([], { queryParams: { page: page > 1 ? page : null }, queryParamsHandling: 'merge' });
  }
}
