import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { APPOINTMENT_LIMITS, type AppointmentView } from '@marsad/contracts';
import { ApiError, OfficersApi } from '@marsad/web/data-access';
import {
  applyServerErrors,
  FieldError,
  notInFuture,
  todayIso,
  DATE_FIELD_IMPORTS,
  provideMsdDates,
} from '@marsad/web/ui/forms';
import { TranslatePipe } from '@ngx-translate/core';

export interface EndAppointmentDialogData {
  appointment: AppointmentView;
  /** The person's name as the reader may see it, or the role. */
  label: string;
}

/** Ends an appointment (kept in the history): date, reason, and an explicit confirmation. */
@Component({
  selector: 'msd-end-appointment-dialog',
  imports: [
    ...DATE_FIELD_IMPORTS,
    ReactiveFormsModule,
    TranslatePipe,
    MatButton,
    MatCheckbox,
    MatDialogTitle,
    MatDialogContent,
    MatDialogActions,
    MatFormField,
    MatLabel,
    MatError,
    MatInput,
    FieldError,
  ],
  // Date fields: Material's datepicker in the page's language (dd/MM/yyyy), values kept as ISO days.
  providers: [provideMsdDates()],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <h2 mat-dialog-title>{{ 'officers.end.title' | translate: { name: data.label } }}</h2>
      <mat-dialog-content class="msd-form">
        <p>{{ 'officers.end.message' | translate }}</p>
        @if (error(); as e) {
          <div class="msd-error" role="alert">
            <p>{{ e }}</p>
          </div>
        }
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ 'officers.end.date' | translate }}</mat-label>
          <input
            matInput
            [matDatepicker]="endedOnPicker"
            [placeholder]="'common.datePlaceholder' | translate"
            formControlName="endedOn"
            [min]="data.appointment.appointedOn"
            [max]="today"
          />
          <mat-datepicker-toggle matIconSuffix [for]="endedOnPicker" />
          <mat-datepicker #endedOnPicker />
          <mat-error><msd-field-error [errors]="form.controls.endedOn.errors" /></mat-error>
        </mat-form-field>
        <mat-form-field appearance="outline" subscriptSizing="dynamic">
          <mat-label>{{ 'officers.end.reason' | translate }}</mat-label>
          <textarea matInput formControlName="reason" rows="3"></textarea>
          <mat-error><msd-field-error [errors]="form.controls.reason.errors" /></mat-error>
        </mat-form-field>
        <mat-checkbox formControlName="confirmed">{{ 'officers.end.confirmCheck' | translate }}</mat-checkbox>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" (click)="ref.close()">{{ 'common.cancel' | translate }}</button>
        <button mat-flat-button type="submit" [disabled]="saving() || !form.controls.confirmed.value">
          {{ 'officers.end.submit' | translate }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
})
export class EndAppointmentDialog {
  protected readonly data = inject<EndAppointmentDialogData>(MAT_DIALOG_DATA);
  protected readonly ref = inject<MatDialogRef<EndAppointmentDialog, AppointmentView>>(MatDialogRef);
  private readonly api = inject(OfficersApi);
  protected readonly today = todayIso();
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly form = inject(FormBuilder).nonNullable.group({
    endedOn: [todayIso(), [Validators.required, notInFuture]],
    reason: ['', [Validators.required, Validators.maxLength(APPOINTMENT_LIMITS.endReason)]],
    confirmed: [false, Validators.requiredTrue],
  });

  protected submit(): void {
    this.form.markAllAsTouched();
    if (this.form.invalid || this.saving()) return;
    const v = this.form.getRawValue();
    this.saving.set(true);
    this.api
      .end(this.data.appointment.id, {
        version: this.data.appointment.version,
        endedOn: v.endedOn,
        reason: v.reason.trim(),
      })
      .subscribe({
        next: (ended) => this.ref.close(ended),
        error: (e: ApiError) => {
          this.saving.set(false);
          const unmatched = applyServerErrors(this.form, e.fields);
          this.error.set(unmatched.length || !e.fields.length ? e.message : null);
        },
      });
  }
}
