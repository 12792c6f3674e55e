import { ChangeDetectionStrategy, Component, inject, input, output, signal, type OnInit } from '@angular/core';
import { FormArray, FormBuilder, FormGroup, ReactiveFormsModule, Validators, type FormControl } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import {
  COMMITTEE_TEXT_MAX_LENGTH,
  type CreateDecisionRequest,
  type DecisionView,
  type InstitutionRef,
  type PartialLocalizedText,
} from '@marsad/contracts';
import { ApiError, CommitteeApi } from '@marsad/web/data-access';
import { FieldError, FormAlertBox, ServerForm, DATE_FIELD_IMPORTS, provideMsdDates } from '@marsad/web/ui/forms';
import { TranslatePipe } from '@ngx-translate/core';
import { InstitutionPicker } from '@marsad/web/feature-registry';
import { isoToCasablanca } from './meeting-time';
import { PlanLinksSelect } from './plan-links-select';

type ItemGroup = FormGroup<{
  textFr: FormControl<string>;
  textAr: FormControl<string>;
  ownerCode: FormControl<string>;
  ownerPerson: FormControl<string>;
  dueOn: FormControl<string>;
}>;

export interface DecisionFormValue {
  textFr: string;
  textAr: string;
  decidedOn: string;
  measureNumbers: number[];
  activityCodes: string[];
  items: { textFr: string; textAr: string; ownerCode: string; ownerPerson: string; dueOn: string }[];
}

const text = (fr: string, ar: string): PartialLocalizedText => ({
  ...(fr.trim() ? { fr: fr.trim() } : {}),
  ...(ar.trim() ? { ar: ar.trim() } : {}),
});

/** The request for a decision and its action items; text in at least one language, each item with an owner and a due date. */
export function decisionRequest(value: DecisionFormValue): CreateDecisionRequest | null {
  const decision = text(value.textFr, value.textAr);
  if (!decision.fr && !decision.ar) return null;
  const items = value.items.map((i) => ({
    text: text(i.textFr, i.textAr),
    ownerCode: i.ownerCode,
    ownerPerson: i.ownerPerson.trim() || null,
    dueOn: i.dueOn,
  }));
  if (items.some((i) => (!i.text.fr && !i.text.ar) || !i.ownerCode || !i.dueOn)) return null;
  return {
    text: decision,
    ...(value.decidedOn ? { decidedOn: value.decidedOn } : {}),
    measureNumbers: value.measureNumbers,
    activityCodes: value.activityCodes,
    actionItems: items,
  };
}

/** Records a decision of a meeting and the action items it gives to administrations, all at once. */
@Component({
  selector: 'msd-decision-form',
  imports: [
    ...DATE_FIELD_IMPORTS,
    ReactiveFormsModule,
    TranslatePipe,
    MatButton,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    FieldError,
    FormAlertBox,
    PlanLinksSelect,
    InstitutionPicker,
  ],
  // Date fields: Material's datepicker in the page's language (dd/MM/yyyy), values kept as ISO days.
  providers: [provideMsdDates()],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './decision-form.html',
  styleUrl: './committee.scss',
})
export class DecisionForm implements OnInit {
  readonly meetingId = input.required<string>();
  readonly startsAt = input.required<string>();
  readonly saved = output<DecisionView>();
  readonly cancelled = output<void>();

  private readonly api = inject(CommitteeApi);
  private readonly fb = inject(FormBuilder).nonNullable;
  protected readonly max = COMMITTEE_TEXT_MAX_LENGTH;
  protected readonly measures = signal<number[]>([]);
  protected readonly activities = signal<string[]>([]);
  protected readonly missingText = signal(false);
  protected readonly submitted = signal(false);

  protected readonly form = this.fb.group({
    textFr: ['', [Validators.maxLength(COMMITTEE_TEXT_MAX_LENGTH)]],
    textAr: ['', [Validators.maxLength(COMMITTEE_TEXT_MAX_LENGTH)]],
    decidedOn: [''],
    items: this.fb.array<ItemGroup>([]),
  });
  protected readonly save = new ServerForm(this.form);

  ngOnInit(): void {
    this.form.controls.decidedOn.setValue(isoToCasablanca(this.startsAt()).slice(0, 10));
  }

  protected get items(): FormArray<ItemGroup> {
    return this.form.controls.items;
  }

  protected addItem(): void {
    this.items.push(
      this.fb.group({
        textFr: ['', [Validators.maxLength(COMMITTEE_TEXT_MAX_LENGTH)]],
        textAr: ['', [Validators.maxLength(COMMITTEE_TEXT_MAX_LENGTH)]],
        ownerCode: ['', [Validators.required]],
        ownerPerson: ['', [Validators.maxLength(200)]],
        dueOn: ['', [Validators.required]],
      }),
    );
  }

  protected removeItem(index: number): void {
    this.items.removeAt(index);
  }

  protected pickOwner(index: number, owner: InstitutionRef | null): void {
    this.items.at(index).controls.ownerCode.setValue(owner?.code ?? '');
  }

  protected itemMissingText(index: number): boolean {
    const v = this.items.at(index).getRawValue();
    return this.submitted() && !v.textFr.trim() && !v.textAr.trim();
  }

  protected submit(): void {
    this.submitted.set(true);
    const value = this.form.getRawValue();
    const request = decisionRequest({
      ...value,
      measureNumbers: this.measures(),
      activityCodes: this.activities(),
    });
    this.missingText.set(!value.textFr.trim() && !value.textAr.trim());
    if (this.form.invalid || !request) {
      this.form.markAllAsTouched();
      return;
    }
    this.save.start();
    this.api.createDecision(this.meetingId(), request).subscribe({
      next: (decision) => {
        this.save.done();
        this.saved.emit(decision);
      },
      error: (error: ApiError) => this.save.fail(error),
    });
  }
}
