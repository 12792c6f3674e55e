import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import {
  FormArray,
  FormControl,
  FormGroup,
  ReactiveFormsModule,
  Validators,
  type AbstractControl,
  type ValidationErrors,
} from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatSnackBar } from '@angular/material/snack-bar';
import {
  EVENT_TYPES,
  type FieldError as ApiFieldError,
  type EventType,
  type ReachView,
  type SetReachTargetsRequest,
} from '@marsad/contracts';
import { EventsApi, type ApiError } from '@marsad/web/data-access';
import { FieldError, FormAlertBox, ServerForm } from '@marsad/web/ui/forms';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { asOfDay, targetYears } from './reach-math';
import { EVENT_TYPE_KEYS } from './reach-labels';

/** The API's bounds on a year's targets. */
export const TARGET_LIMITS = { events: 100_000, participants: 10_000_000 } as const;

const wholeNumber = (control: AbstractControl): ValidationErrors | null => {
  const value = control.value as unknown;
  return value === null || value === '' || Number.isInteger(value) ? null : { number: true };
};

function targetGroup() {
  return new FormGroup({
    events: new FormControl<number | null>(null, [
      Validators.min(0),
      Validators.max(TARGET_LIMITS.events),
      wholeNumber,
    ]),
    participants: new FormControl<number | null>(null, [
      Validators.min(0),
      Validators.max(TARGET_LIMITS.participants),
      wholeNumber,
    ]),
  });
}

/**
 * A year's targets per type of event (events held and participants), for coordinators: blank means no
 * target. The rows follow EVENT_TYPES, so the API's `targets.<i>.events` lands on its field.
 */
@Component({
  selector: 'msd-reach-targets-form',
  imports: [
    ReactiveFormsModule,
    TranslatePipe,
    MatButton,
    MatFormField,
    MatLabel,
    MatError,
    MatInput,
    FieldError,
    FormAlertBox,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './reach-targets-form.html',
  styleUrl: './reach.page.scss',
})
export class ReachTargetsForm {
  readonly view = input.required<ReachView>();
  readonly saved = output<ReachView>();

  private readonly api = inject(EventsApi);
  private readonly snackBar = inject(MatSnackBar);
  private readonly translate = inject(TranslateService);
  protected readonly types = EVENT_TYPES;
  protected readonly typeKeys = EVENT_TYPE_KEYS;
  protected readonly limits = TARGET_LIMITS;

  protected readonly form = new FormGroup({
    year: new FormControl<number>(new Date().getFullYear(), { nonNullable: true }),
    targets: new FormArray(EVENT_TYPES.map(() => targetGroup())),
  });
  private readonly server = new ServerForm(this.form, (fields) => this.onYear(fields));
  protected readonly saving = this.server.saving;
  protected readonly alert = this.server.alert;

  protected readonly currentYear = computed(() => asOfDay(this.view().asOf).year);
  protected readonly years = computed(() => targetYears(this.view().targets, this.currentYear()));

  private yearChosen = false;

  constructor() {
    // The figures' year first; the reader's choice after. Each answer of the API fills the form again.
    effect(() => {
      const view = this.view();
      const current = this.currentYear();
      untracked(() => {
        if (!this.yearChosen) this.form.controls.year.setValue(current, { emitEvent: false });
        this.fill(view);
      });
    });
    this.form.controls.year.valueChanges.pipe(takeUntilDestroyed()).subscribe(() => {
      this.yearChosen = true;
      this.server.clear();
      this.fill(this.view());
    });
  }

  protected row(index: number) {
    return this.form.controls.targets.at(index);
  }

  protected reset(): void {
    this.server.clear();
    this.fill(this.view());
  }

  protected submit(): void {
    if (this.saving()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const year = this.form.controls.year.value;
    const request: SetReachTargetsRequest = {
      targets: EVENT_TYPES.map((type, i) => {
        const value = this.row(i).getRawValue();
        return { year, type, events: blankToNull(value.events), participants: blankToNull(value.participants) };
      }),
    };
    this.server.start();
    this.api.setTargets(request).subscribe({
      next: (view) => {
        this.server.done();
        this.saved.emit(view);
        this.snackBar.open(this.translate.instant('reach.targets.saved', { year }) as string, undefined, {
          duration: 4000,
        });
      },
      error: (error: ApiError) => this.server.fail(error),
    });
  }

  /** The year's targets as the API holds them (blank where none). */
  private fill(view: ReachView): void {
    const year = this.form.controls.year.value;
    const byType = new Map<EventType, ReachView['targets'][number]>(
      view.targets.filter((t) => t.year === year).map((t) => [t.type, t]),
    );
    EVENT_TYPES.forEach((type, i) => {
      const t = byType.get(type);
      this.row(i).reset({ events: t?.events.target ?? null, participants: t?.participants.target ?? null });
    });
  }

  /** `targets.<i>.year` belongs to the year field; the rest match their controls. */
  private onYear(fields: readonly ApiFieldError[]): ApiFieldError[] {
    return fields.map((f) => (/^targets\.\d+\.year$/.test(f.field) ? { ...f, field: 'year' } : f));
  }
}

function blankToNull(value: number | string | null | undefined): number | null {
  return value === null || value === undefined || value === '' ? null : Number(value);
}
