import {
  ChangeDetectionStrategy,
  Component,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import {
  FormBuilder,
  FormGroupDirective,
  ReactiveFormsModule,
  Validators,
  type AbstractControl,
  type ValidationErrors,
} from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatDialog } from '@angular/material/dialog';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import {
  APPOINTMENT_LIMITS,
  OFFICER_ROLES,
  type AppointmentView,
  type CreateAppointmentRequest,
  type FieldError as ApiFieldError,
  type UpdateAppointmentRequest,
} from '@marsad/contracts';
import { ApiError, LocaleService, OfficersApi } from '@marsad/web/data-access';
import { formatDate } from '@marsad/web/ui';
import {
  askConflict,
  conflictingRecord,
  conflictRow as row,
  FieldError,
  FormAlertBox,
  isVersioned,
  notInFuture,
  resetForm,
  ServerForm,
  todayIso,
  type ConflictDialogData,
  DATE_FIELD_IMPORTS,
  provideMsdDates,
} from '@marsad/web/ui/forms';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { APPOINTMENT_STATUS_KEYS, OFFICER_ROLE_KEYS } from '../shared/registry-labels';

type Values = Omit<CreateAppointmentRequest, 'role'>;

/** At least one of the Arabic and French names. */
function someName(group: AbstractControl): ValidationErrors | null {
  const v = group.value as { ar?: string; fr?: string };
  return (v.ar ?? '').trim() || (v.fr ?? '').trim() ? null : { someName: true };
}

/** The API names the name group as a whole; the message belongs on its first field. */
export function mapAppointmentFields(fields: readonly ApiFieldError[]): ApiFieldError[] {
  return fields.map((f) => (f.field === 'fullName' ? { ...f, field: 'fullName.ar' } : f));
}

/**
 * Appoints a ROD or GdD (create) or corrects an appointment (edit, with the version it was read at).
 * Server `fields` land on the matching controls: `oneActiveRod` on the status, with an offer to appoint as interim.
 */
@Component({
  selector: 'msd-appointment-form',
  imports: [
    ...DATE_FIELD_IMPORTS,
    ReactiveFormsModule,
    TranslatePipe,
    MatButton,
    MatCheckbox,
    MatFormField,
    MatLabel,
    MatError,
    MatInput,
    MatSelect,
    MatOption,
    FieldError,
    FormAlertBox,
  ],
  // Date fields: Material's datepicker in the page's language (dd/MM/yyyy), values kept as ISO days.
  providers: [provideMsdDates()],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './appointment-form.html',
})
export class AppointmentForm {
  readonly institutionCode = input.required<string>();
  /** Set to edit an appointment; empty to appoint someone. */
  readonly appointment = input<AppointmentView | null>(null);
  readonly saved = output<AppointmentView>();
  readonly cancelled = output<void>();

  private readonly api = inject(OfficersApi);
  private readonly dialog = inject(MatDialog);
  private readonly translate = inject(TranslateService);
  private readonly localeService = inject(LocaleService);

  protected readonly roles = OFFICER_ROLES;
  protected readonly roleKeys = OFFICER_ROLE_KEYS;
  protected readonly statusKeys = APPOINTMENT_STATUS_KEYS;
  protected readonly today = todayIso();
  /** The API refused a second active ROD: offer the interim status. */
  protected readonly suggestInterim = signal(false);
  private readonly baseVersion = signal<number | null>(null);
  /** Reset through the directive too, or its `submitted` flag keeps a fresh form showing errors. */
  private readonly formDirective = viewChild(FormGroupDirective);

  protected readonly form = inject(FormBuilder).nonNullable.group({
    role: ['ROD' as 'ROD' | 'GDD', Validators.required],
    status: ['active' as 'active' | 'interim', Validators.required],
    fullName: inject(FormBuilder).nonNullable.group(
      {
        ar: ['', Validators.maxLength(APPOINTMENT_LIMITS.fullName)],
        fr: ['', Validators.maxLength(APPOINTMENT_LIMITS.fullName)],
      },
      { validators: someName },
    ),
    email: ['', [Validators.required, Validators.email, Validators.maxLength(APPOINTMENT_LIMITS.email)]],
    phone: ['', [Validators.pattern(/^\+?[0-9 ().-]{6,20}$/)]],
    position: ['', Validators.maxLength(APPOINTMENT_LIMITS.position)],
    appointedOn: [todayIso(), [Validators.required, notInFuture]],
    actReference: ['', Validators.maxLength(APPOINTMENT_LIMITS.actReference)],
    actDate: ['', notInFuture],
    publicConsent: [false],
  });
  private readonly server = new ServerForm(this.form, mapAppointmentFields);
  protected readonly saving = this.server.saving;
  protected readonly formError = this.server.alert;

  constructor() {
    effect(() => {
      const appointment = this.appointment();
      untracked(() => this.load(appointment));
    });
  }

  protected useInterim(): void {
    this.form.controls.status.setValue('interim');
    this.form.controls.status.updateValueAndValidity();
    this.suggestInterim.set(false);
  }

  submit(): void {
    this.form.markAllAsTouched();
    if (this.form.invalid || this.saving()) return;
    const existing = this.appointment();
    if (existing) this.sendUpdate(existing.id, { ...this.values(), version: this.baseVersion() ?? existing.version });
    else this.sendCreate({ role: this.form.controls.role.value, ...this.values() });
  }

  private sendCreate(request: CreateAppointmentRequest): void {
    this.start();
    this.api.appoint(this.institutionCode(), request).subscribe({
      next: (created) => this.done(created),
      error: (error: ApiError) => this.fail(error),
    });
  }

  private sendUpdate(id: string, request: UpdateAppointmentRequest): void {
    this.start();
    this.api.update(id, request).subscribe({
      next: (updated) => this.done(updated),
      error: (error: ApiError) => {
        const theirs = conflictingRecord(error, isVersioned<AppointmentView>);
        if (theirs) {
          this.server.done();
          this.resolveConflict(id, request, theirs);
        } else {
          this.fail(error);
        }
      },
    });
  }

  private start(): void {
    this.server.start();
    this.suggestInterim.set(false);
  }

  private done(appointment: AppointmentView): void {
    this.server.done();
    this.load(this.appointment() ? appointment : null);
    this.saved.emit(appointment);
  }

  private fail(error: ApiError): void {
    this.server.fail(error);
    if (error.code === 'VALIDATION_FAILED')
      this.suggestInterim.set(error.fields.some((f) => f.rule === 'oneActiveRod'));
  }

  private resolveConflict(id: string, mine: UpdateAppointmentRequest, theirs: AppointmentView): void {
    const locale = this.localeService.locale();
    const data: ConflictDialogData = {
      titleKey: 'officers.conflict.title',
      messageKey: 'officers.conflict.message',
      rows: [
        row(
          'officers.form.status',
          this.translate.instant(APPOINTMENT_STATUS_KEYS[theirs.status]),
          mine.status ? this.translate.instant(APPOINTMENT_STATUS_KEYS[mine.status]) : '',
        ),
        row('officers.form.nameAr', theirs.fullName?.ar ?? '', mine.fullName?.ar ?? ''),
        row('officers.form.nameFr', theirs.fullName?.fr ?? '', mine.fullName?.fr ?? ''),
        row('officers.form.email', theirs.email ?? '', mine.email ?? ''),
        row('officers.form.phone', theirs.phone ?? '', mine.phone ?? ''),
        row('officers.form.position', theirs.position ?? '', mine.position ?? ''),
        row(
          'officers.form.appointedOn',
          formatDate(theirs.appointedOn, locale),
          formatDate(mine.appointedOn ?? null, locale),
        ),
        row('officers.form.actReference', theirs.act?.reference ?? '', mine.actReference ?? ''),
      ],
    };
    askConflict(this.dialog, data, this.localeService.dir()).subscribe((choice) => {
      if (choice === 'theirs') {
        this.load(theirs);
        this.saved.emit(theirs);
      } else if (choice === 'mine') {
        this.sendUpdate(id, { ...mine, version: theirs.version });
      } else {
        this.baseVersion.set(theirs.version);
        this.server.show('errors.VERSION_CONFLICT');
      }
    });
  }

  protected cancel(): void {
    this.load(this.appointment());
    this.cancelled.emit();
  }

  private values(): Values {
    const v = this.form.getRawValue();
    const orNull = (s: string) => (s.trim() ? s.trim() : null);
    return {
      status: v.status,
      fullName: { ar: v.fullName.ar.trim() || undefined, fr: v.fullName.fr.trim() || undefined },
      email: v.email.trim(),
      phone: orNull(v.phone),
      position: orNull(v.position),
      appointedOn: v.appointedOn,
      actReference: orNull(v.actReference),
      actDate: v.actDate || null,
      publicConsent: v.publicConsent,
    };
  }

  private load(a: AppointmentView | null): void {
    this.baseVersion.set(a?.version ?? null);
    const value = {
      role: a?.role ?? 'ROD',
      status: a && a.status !== 'ended' ? a.status : 'active',
      fullName: { ar: a?.fullName?.ar ?? '', fr: a?.fullName?.fr ?? '' },
      email: a?.email ?? '',
      phone: a?.phone ?? '',
      position: a?.position ?? '',
      appointedOn: a?.appointedOn ?? todayIso(),
      actReference: a?.act?.reference ?? '',
      actDate: a?.act?.date ?? '',
      publicConsent: a?.publicConsent ?? false,
    };
    resetForm(this.form, this.formDirective(), value);
    if (a) this.form.controls.role.disable();
    else this.form.controls.role.enable();
    this.server.clear();
    this.suggestInterim.set(false);
  }
}
