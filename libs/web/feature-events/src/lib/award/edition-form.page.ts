import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule, Validators, type FormControl, type FormGroup } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatOption } from '@angular/material/core';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatSelect } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import {
  AUTOMATED_METRICS,
  AWARD_LIMITS,
  CRITERION_KINDS,
  INSTITUTION_TYPES,
  type AutomatedMetric,
  type AwardEditionDetail,
  type CriterionKind,
  type InstitutionType,
  type UpdateEditionRequest,
} from '@marsad/contracts';
import { apiResource, ApiError, AwardApi, DocumentTitleService, LocaleService } from '@marsad/web/data-access';
import { INSTITUTION_TYPE_KEYS, LoadingIndicator, LocaleNumberPipe } from '@marsad/web/ui';
import { DATE_FIELD_IMPORTS, FieldError, FormAlertBox, provideMsdDates, ServerForm } from '@marsad/web/ui/forms';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { KIND_KEYS, METRIC_KEYS } from './award-labels';
import {
  editionFieldsToControls,
  editionProblems,
  editionRequest,
  emptyCriterion,
  emptyEditionForm,
  formFromEdition,
  weightsSum,
  type CriterionFormValue,
  type EditionFormValue,
} from './award-rules';

type CriterionGroup = FormGroup<{
  kind: FormControl<CriterionKind>;
  metric: FormControl<AutomatedMetric | ''>;
  titleAr: FormControl<string>;
  titleFr: FormControl<string>;
  weight: FormControl<number | null>;
}>;

/** Coordinators create or change an edition: year, titles, timeline, eligible administrations, criteria and weights. */
@Component({
  selector: 'msd-award-edition-form-page',
  imports: [
    ...DATE_FIELD_IMPORTS,
    RouterLink,
    ReactiveFormsModule,
    TranslatePipe,
    MatButton,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    MatSelect,
    MatOption,
    FieldError,
    FormAlertBox,
    LoadingIndicator,
    LocaleNumberPipe,
  ],
  // Date fields: Material's datepicker in the page's language (dd/MM/yyyy), values kept as ISO days.
  providers: [provideMsdDates()],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './edition-form.page.html',
  styleUrl: './award.scss',
})
export class AwardEditionFormPage {
  /** The edition to change (`award/:id/edit`); a new one when absent (`award/new`). */
  readonly id = input<string | undefined>(undefined);

  private readonly api = inject(AwardApi);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);
  private readonly translate = inject(TranslateService);
  private readonly fb = inject(FormBuilder).nonNullable;
  protected readonly locale = inject(LocaleService).locale;
  protected readonly limits = AWARD_LIMITS;
  protected readonly kinds = CRITERION_KINDS;
  protected readonly kindKeys = KIND_KEYS;
  protected readonly metrics = AUTOMATED_METRICS;
  protected readonly metricKeys = METRIC_KEYS;
  protected readonly types = INSTITUTION_TYPES;
  protected readonly typeKeys = INSTITUTION_TYPE_KEYS;

  protected readonly edition = apiResource({
    params: () => this.id(),
    stream: ({ params }) => this.api.edition(params),
  });
  /** The edition as last read or saved (its version goes with the next save). */
  protected readonly current = signal<AwardEditionDetail | null>(null);
  /** Criteria are fixed once the call has opened. */
  protected readonly criteriaLocked = computed(() => {
    const e = this.current();
    return !!e && e.phase !== 'upcoming';
  });

  protected readonly form = this.fb.group({
    year: this.fb.control<number | null>(new Date().getFullYear(), [
      Validators.required,
      Validators.min(2000),
      Validators.max(2100),
    ]),
    titleAr: ['', [Validators.maxLength(AWARD_LIMITS.title)]],
    titleFr: ['', [Validators.maxLength(AWARD_LIMITS.title)]],
    callOpensOn: ['', [Validators.required]],
    applicationsCloseAt: ['', [Validators.required]],
    scoringOpensOn: ['', [Validators.required]],
    scoringClosesAt: ['', [Validators.required]],
    resultsOn: ['', [Validators.required]],
    eligibleTypes: this.fb.control<InstitutionType[]>([]),
    criteria: this.fb.array<CriterionGroup>([]),
  });
  protected readonly save = new ServerForm(this.form, editionFieldsToControls);
  private readonly value = toSignal(this.form.valueChanges, { initialValue: this.form.getRawValue() });
  protected readonly sum = computed(() => weightsSum((this.value().criteria ?? []) as CriterionFormValue[]));
  protected readonly submitted = signal(false);
  protected readonly problems = signal<string[]>([]);

  constructor() {
    const title = inject(DocumentTitleService);
    effect(() => title.set(this.id() ? 'award.form.editTitle' : 'award.form.newTitle'));
    effect(() => {
      const e = this.edition.value();
      if (e) untracked(() => this.load(e));
    });
    effect(() => {
      if (!this.id()) untracked(() => this.fill(emptyEditionForm()));
    });
  }

  protected get criteria() {
    return this.form.controls.criteria;
  }

  protected addCriterion(kind: CriterionKind = 'jury'): void {
    if (this.criteria.length >= AWARD_LIMITS.criteria) return;
    this.criteria.push(this.criterionGroup(emptyCriterion(kind)));
  }

  protected removeCriterion(index: number): void {
    this.criteria.removeAt(index);
  }

  protected move(index: number, by: -1 | 1): void {
    const to = index + by;
    if (to < 0 || to >= this.criteria.length) return;
    const control = this.criteria.at(index);
    this.criteria.removeAt(index, { emitEvent: false });
    this.criteria.insert(to, control);
  }

  protected hasType(type: InstitutionType): boolean {
    return this.form.controls.eligibleTypes.value.includes(type);
  }

  protected toggleType(type: InstitutionType, on: boolean): void {
    const types = this.form.controls.eligibleTypes.value.filter((t) => t !== type);
    if (on) types.push(type);
    this.form.controls.eligibleTypes.setValue(INSTITUTION_TYPES.filter((t) => types.includes(t)));
  }

  protected submit(): void {
    this.submitted.set(true);
    const value = this.form.getRawValue() as EditionFormValue;
    const problems = editionProblems(value).filter((p) => !this.criteriaLocked() || !CRITERIA_PROBLEMS.includes(p));
    this.problems.set(problems);
    const request = editionRequest(value);
    if (this.form.invalid || problems.length || !request) {
      this.form.markAllAsTouched();
      return;
    }
    const e = this.current();
    this.save.start();
    let call;
    if (e) {
      const update: UpdateEditionRequest = { ...request, version: e.version };
      if (this.criteriaLocked()) delete update.criteria;
      call = this.api.updateEdition(e.id, update);
    } else call = this.api.createEdition(request);
    call.subscribe({
      next: (saved) => {
        this.save.done();
        this.snackBar.open(this.translate.instant('award.form.saved'), undefined, { duration: 4000 });
        void this.router.navigate(['/', this.locale(), 'award', saved.id]);
      },
      error: (error: ApiError) => {
        if (error.code === 'VERSION_CONFLICT') {
          this.save.done();
          this.save.show('award.form.conflict');
          const theirs = error.current as AwardEditionDetail | undefined;
          if (theirs && typeof theirs.version === 'number') this.current.set(theirs);
          return;
        }
        if (error.code === 'AWARD_PHASE_CONFLICT') {
          this.save.done();
          this.save.show('award.form.phaseConflict');
          if (e) this.edition.reload();
          return;
        }
        this.save.fail(error);
      },
    });
  }

  private load(e: AwardEditionDetail): void {
    this.current.set(e);
    this.fill(formFromEdition(e));
    if (this.criteriaLocked()) this.criteria.disable();
  }

  private fill(value: EditionFormValue): void {
    this.criteria.clear({ emitEvent: false });
    for (const c of value.criteria) this.criteria.push(this.criterionGroup(c), { emitEvent: false });
    // The rows are rebuilt above; the rest is patched as it is.
    const rest: Partial<EditionFormValue> = { ...value };
    delete rest.criteria;
    this.form.patchValue(rest);
  }

  private criterionGroup(c: CriterionFormValue): CriterionGroup {
    return this.fb.group({
      kind: this.fb.control<CriterionKind>(c.kind),
      metric: this.fb.control<AutomatedMetric | ''>(c.metric),
      titleAr: [c.titleAr, [Validators.maxLength(AWARD_LIMITS.title)]],
      titleFr: [c.titleFr, [Validators.maxLength(AWARD_LIMITS.title)]],
      weight: this.fb.control<number | null>(c.weight, [Validators.required, Validators.min(0), Validators.max(100)]),
    });
  }
}

/** Problems of the criteria: not the coordinator's to fix once the call is open (criteria are not sent then). */
const CRITERIA_PROBLEMS = [
  'award.form.criteriaRequired',
  'award.form.weightsNot100',
  'award.form.metricRequired',
  'award.form.criterionTitleRequired',
];
