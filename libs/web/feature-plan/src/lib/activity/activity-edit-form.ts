import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
} from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import {
  pickText,
  type ActivityDetail,
  type FieldError as ApiFieldError,
  type InstitutionRef,
  type UpdateActivityRequest,
} from '@marsad/contracts';
import { ActivityApi, ApiError, LocaleService } from '@marsad/web/data-access';
import { formatDate, formatNumber } from '@marsad/web/ui';
import {
  applyServerErrors,
  ConfirmDialog,
  ConflictDialog,
  dateOrder,
  FieldError,
  type ConfirmDialogData,
  type ConflictChoice,
  type ConflictDialogData,
  type ConflictRow,
  DATE_FIELD_IMPORTS,
  provideMsdDates,
} from '@marsad/web/ui/forms';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';

type EditValues = Omit<UpdateActivityRequest, 'version'>;

/** Dates, weight and institutions of an activity, saved with the version it was read at. */
@Component({
  selector: 'msd-activity-edit-form',
  imports: [
    ...DATE_FIELD_IMPORTS,
    ReactiveFormsModule,
    TranslatePipe,
    MatButton,
    MatFormField,
    MatLabel,
    MatError,
    MatHint,
    MatInput,
    MatSelect,
    MatOption,
    FieldError,
  ],
  // Date fields: Material's datepicker in the page's language (dd/MM/yyyy), values kept as ISO days.
  providers: [provideMsdDates()],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './activity-edit-form.html',
})
export class ActivityEditForm {
  readonly activity = input.required<ActivityDetail>();
  readonly institutions = input<InstitutionRef[]>([]);
  /** The activity as the API now has it (after a save, or after taking theirs). */
  readonly saved = output<ActivityDetail>();

  private readonly api = inject(ActivityApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly translate = inject(TranslateService);
  private readonly localeService = inject(LocaleService);

  protected readonly saving = signal(false);
  protected readonly formError = signal<{ key: string; detail: string; fields: ApiFieldError[] } | null>(null);
  /** The version the form's values were read at: sent with the PATCH. */
  protected readonly baseVersion = signal<number | null>(null);

  protected readonly form = inject(FormBuilder).nonNullable.group(
    {
      startDate: [''],
      dueDate: [''],
      weight: [1, [Validators.required, Validators.min(0), Validators.max(100)]],
      leadInstitutionCode: [''],
      contributorCodes: [[] as string[]],
    },
    { validators: dateOrder('startDate', 'dueDate') },
  );

  protected readonly institutionOptions = computed(() => {
    const locale = this.localeService.locale();
    return [...this.institutions()]
      .map((i) => ({ code: i.code, name: pickText(i.name, locale)?.text ?? i.code }))
      .sort((a, b) => a.name.localeCompare(b.name, locale));
  });

  constructor() {
    // Take new values from the page unless the person is in the middle of an edit.
    effect(() => {
      const activity = this.activity();
      untracked(() => {
        if (!this.form.dirty || this.baseVersion() === null) this.load(activity);
      });
    });
  }

  protected submit(): void {
    this.form.markAllAsTouched();
    if (this.form.invalid || this.saving()) return;
    this.send({ ...this.values(), version: this.baseVersion() ?? this.activity().version });
  }

  protected async reset(): Promise<void> {
    if (this.form.dirty && !(await this.confirmDiscard())) return;
    this.load(this.activity());
  }

  private send(request: UpdateActivityRequest): void {
    this.saving.set(true);
    this.formError.set(null);
    this.api.update(this.activity().id, request).subscribe({
      next: (updated) => {
        this.saving.set(false);
        this.load(updated);
        this.saved.emit(updated);
        this.snackBar.open(this.translate.instant('activity.edit.saved'), undefined, { duration: 4000 });
      },
      error: (error: ApiError) => {
        this.saving.set(false);
        if (error.code === 'VERSION_CONFLICT' && isActivity(error.current)) {
          this.resolveConflict(request, error.current);
        } else if (error.code === 'VALIDATION_FAILED') {
          const unmatched = applyServerErrors(this.form, error.fields);
          this.formError.set({ key: error.messageKey, detail: '', fields: unmatched });
        } else {
          this.formError.set({ key: error.messageKey, detail: error.message, fields: [] });
        }
      },
    });
  }

  private resolveConflict(mine: UpdateActivityRequest, theirs: ActivityDetail): void {
    const data: ConflictDialogData = { rows: this.compareRows(mine, theirs) };
    this.dialog
      .open<ConflictDialog, ConflictDialogData, ConflictChoice>(ConflictDialog, {
        data,
        direction: this.localeService.dir(),
        maxWidth: '95vw',
        autoFocus: 'dialog',
      })
      .afterClosed()
      .subscribe((choice) => {
        if (choice === 'theirs') {
          this.load(theirs);
          this.saved.emit(theirs);
          this.snackBar.open(this.translate.instant('conflict.reloaded'), undefined, { duration: 4000 });
        } else if (choice === 'mine') {
          this.send({ ...mine, version: theirs.version });
        } else {
          // Keep editing; the next save will be checked against the newer version.
          this.formError.set({ key: 'errors.VERSION_CONFLICT', detail: '', fields: [] });
        }
      });
  }

  /** Their current values beside mine, formatted for the reader. */
  compareRows(mine: EditValues, theirs: ActivityDetail): ConflictRow[] {
    const locale = this.localeService.locale();
    const name = (code: string | null | undefined) => {
      if (!code) return '';
      const known =
        this.institutions().find((i) => i.code === code) ??
        [theirs.leadInstitution, ...theirs.contributors].find((i) => i?.code === code);
      return known ? (pickText(known.name, locale)?.text ?? code) : code;
    };
    const names = (codes: string[] | undefined) =>
      (codes ?? []).map(name).join(this.translate.instant('common.listSeparator'));
    const rows: ConflictRow[] = [
      {
        labelKey: 'activity.startDate',
        theirs: formatDate(theirs.startDate, locale),
        mine: formatDate(mine.startDate ?? null, locale),
        differs: (theirs.startDate ?? null) !== (mine.startDate ?? null),
      },
      {
        labelKey: 'activity.dueDate',
        theirs: formatDate(theirs.dueDate, locale),
        mine: formatDate(mine.dueDate ?? null, locale),
        differs: (theirs.dueDate ?? null) !== (mine.dueDate ?? null),
      },
      {
        labelKey: 'activity.weight',
        theirs: formatNumber(theirs.weight, locale),
        mine: formatNumber(mine.weight, locale),
        differs: theirs.weight !== mine.weight,
      },
      {
        labelKey: 'activity.lead',
        theirs: name(theirs.leadInstitution?.code),
        mine: name(mine.leadInstitutionCode),
        differs: (theirs.leadInstitution?.code ?? null) !== (mine.leadInstitutionCode ?? null),
      },
      {
        labelKey: 'activity.contributors',
        theirs: names(theirs.contributors.map((c) => c.code)),
        mine: names(mine.contributorCodes),
        differs:
          [...theirs.contributors.map((c) => c.code)].sort().join() !==
          [...(mine.contributorCodes ?? [])].sort().join(),
      },
    ];
    return rows;
  }

  private values(): EditValues {
    const v = this.form.getRawValue();
    return {
      startDate: v.startDate || null,
      dueDate: v.dueDate || null,
      weight: Number(v.weight),
      leadInstitutionCode: v.leadInstitutionCode || null,
      contributorCodes: v.contributorCodes,
    };
  }

  private load(activity: ActivityDetail): void {
    this.baseVersion.set(activity.version);
    this.form.reset({
      startDate: activity.startDate ?? '',
      dueDate: activity.dueDate ?? '',
      weight: activity.weight,
      leadInstitutionCode: activity.leadInstitution?.code ?? '',
      contributorCodes: activity.contributors.map((c) => c.code),
    });
    this.formError.set(null);
  }

  private async confirmDiscard(): Promise<boolean> {
    const ref = this.dialog.open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, {
      data: {
        title: this.translate.instant('confirm.discardTitle'),
        message: this.translate.instant('confirm.discardMessage'),
        confirm: this.translate.instant('confirm.discard'),
        cancel: this.translate.instant('common.cancel'),
      },
      direction: this.localeService.dir(),
    });
    return new Promise((resolve) => ref.afterClosed().subscribe((ok) => resolve(ok === true)));
  }
}

function isActivity(value: unknown): value is ActivityDetail {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ActivityDetail).version === 'number' &&
    typeof (value as ActivityDetail).id === 'string'
  );
}
