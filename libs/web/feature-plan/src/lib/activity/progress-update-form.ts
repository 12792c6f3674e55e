import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, signal, untracked } from '@angular/core';
import { FormArray, FormBuilder, FormControl, FormGroup, ReactiveFormsModule, Validators, type AbstractControl, type ValidationErrors } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatSlider, MatSliderThumb } from '@angular/material/slider';
import { MatSnackBar } from '@angular/material/snack-bar';
import {
  ACTIVITY_STATUSES,
  EVIDENCE_CONTENT_TYPES,
  EVIDENCE_MAX_BYTES,
  LOCALES,
  PROGRESS_UPDATE_LIMITS,
  directionOf,
  type ActivityDetail,
  type ActivityStatus,
  type CreateProgressUpdateRequest,
  type FieldError as ApiFieldError,
  type Locale,
  type ProgressUpdateView,
} from '@marsad/contracts';
import { ActivityApi, ApiError, LocaleService, SessionService } from '@marsad/web/data-access';
import { LocaleFileSizePipe, STATUS_LABEL_KEYS } from '@marsad/web/ui';
import {
  applyServerErrors,
  ConfirmDialog,
  FieldError,
  httpUrl,
  notInFuture,
  todayIso,
  type ConfirmDialogData,
} from '@marsad/web/ui/forms';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { catchError, concatMap, from, map, of, toArray } from 'rxjs';

const LANGUAGE_NAME_KEYS: Record<Locale, string> = {
  ar: 'language.ar',
  fr: 'language.fr',
  en: 'language.en',
};

const atLeastOneNarrative = (group: AbstractControl): ValidationErrors | null => {
  const value = group.value as Record<string, string>;
  return Object.values(value).some((text) => text && text.trim()) ? null : { narrativeRequired: true };
};

type LinkGroup = FormGroup<{ url: FormControl<string>; title: FormControl<string> }>;

interface PendingFile {
  file: File;
  /** Literal translation key of a client-side problem with it. */
  problemKey: string | null;
}

/** Reports progress on an activity: the update first, then each evidence file against it. */
@Component({
  selector: 'msd-progress-update-form',
  imports: [
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
    MatSlider,
    MatSliderThumb,
    FieldError,
    LocaleFileSizePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './progress-update-form.html',
  styleUrl: './progress-update-form.scss',
})
export class ProgressUpdateForm {
  readonly activity = input.required<ActivityDetail>();
  readonly posted = output<ProgressUpdateView>();

  private readonly api = inject(ActivityApi);
  private readonly fb = inject(FormBuilder).nonNullable;
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly translate = inject(TranslateService);
  private readonly localeService = inject(LocaleService);

  protected readonly statuses = ACTIVITY_STATUSES;
  protected readonly statusKeys = STATUS_LABEL_KEYS;
  protected readonly languageKeys = LANGUAGE_NAME_KEYS;
  protected readonly acceptTypes = EVIDENCE_CONTENT_TYPES.join(',');
  protected readonly maxBytes = EVIDENCE_MAX_BYTES;
  protected readonly locale = this.localeService.locale;
  protected readonly otherLocales = computed(() => LOCALES.filter((l) => l !== this.locale()));
  protected readonly showOtherLanguages = signal(false);
  protected readonly saving = signal(false);
  protected readonly files = signal<PendingFile[]>([]);
  protected readonly formError = signal<{ key: string; detail: string; fields: ApiFieldError[] } | null>(null);
  protected readonly dirOf = directionOf;
  protected readonly limits = PROGRESS_UPDATE_LIMITS;

  protected readonly form = this.fb.group({
    // The signed-in person reports under their own name unless they write another.
    authorName: [inject(SessionService).user()?.displayName ?? '', [Validators.required, Validators.maxLength(PROGRESS_UPDATE_LIMITS.authorName)]],
    reportedOn: [todayIso(), [Validators.required, notInFuture]],
    status: ['in_progress' as ActivityStatus, Validators.required],
    progress: [0, [Validators.required, Validators.min(0), Validators.max(100)]],
    narrative: this.fb.group(
      {
        ar: ['', Validators.maxLength(PROGRESS_UPDATE_LIMITS.narrative)],
        fr: ['', Validators.maxLength(PROGRESS_UPDATE_LIMITS.narrative)],
        en: ['', Validators.maxLength(PROGRESS_UPDATE_LIMITS.narrative)],
      },
      { validators: atLeastOneNarrative },
    ),
    links: this.fb.array<LinkGroup>([]),
  });

  constructor() {
    // Start from where the activity stands.
    effect(() => {
      const activity = this.activity();
      untracked(() => {
        if (!this.form.dirty) this.form.patchValue({ status: activity.status, progress: activity.progress }, { emitEvent: false });
      });
    });
  }

  protected get links(): FormArray<LinkGroup> {
    return this.form.controls.links;
  }

  private linkGroup(): LinkGroup {
    return this.fb.group({
      url: ['', [Validators.required, httpUrl, Validators.maxLength(PROGRESS_UPDATE_LIMITS.linkUrl)]],
      title: ['', [Validators.required, Validators.maxLength(PROGRESS_UPDATE_LIMITS.linkTitle)]],
    });
  }

  protected addLink(): void {
    if (this.links.length >= PROGRESS_UPDATE_LIMITS.links) return;
    this.links.push(this.linkGroup());
    this.form.markAsDirty();
  }

  protected removeLink(index: number): void {
    this.links.removeAt(index);
  }

  protected onFiles(event: Event): void {
    const inputEl = event.target as HTMLInputElement;
    const picked = Array.from(inputEl.files ?? []).map((file) => ({ file, problemKey: this.fileProblem(file) }));
    this.files.update((current) => [...current, ...picked]);
    inputEl.value = '';
    this.form.markAsDirty();
  }

  protected removeFile(index: number): void {
    this.files.update((current) => current.filter((_, i) => i !== index));
  }

  private fileProblem(file: File): string | null {
    // The API checks the bytes too; this only saves a useless upload.
    if (file.type && !(EVIDENCE_CONTENT_TYPES as readonly string[]).includes(file.type)) return 'evidence.typeNotAllowed';
    if (file.size > EVIDENCE_MAX_BYTES) return 'evidence.tooLarge';
    return null;
  }

  protected async clear(): Promise<void> {
    if (this.form.dirty || this.files().length) {
      const ref = this.dialog.open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, {
        data: {
          title: this.translate.instant('confirm.discardTitle'),
          message: this.translate.instant('confirm.discardMessage'),
          confirm: this.translate.instant('confirm.discard'),
          cancel: this.translate.instant('common.cancel'),
        },
        direction: this.localeService.dir(),
      });
      const ok = await new Promise<boolean>((resolve) => ref.afterClosed().subscribe((r) => resolve(r === true)));
      if (!ok) return;
    }
    this.resetForm();
  }

  protected submit(): void {
    this.form.markAllAsTouched();
    if (this.form.invalid || this.saving() || this.files().some((f) => f.problemKey)) return;
    const v = this.form.getRawValue();
    const narrative: CreateProgressUpdateRequest['narrative'] = {};
    for (const locale of LOCALES) {
      const text = v.narrative[locale].trim();
      if (text) narrative[locale] = text;
    }
    const request: CreateProgressUpdateRequest = {
      reportedOn: v.reportedOn,
      authorName: v.authorName.trim(),
      status: v.status,
      progress: Number(v.progress),
      narrative,
      links: v.links.map((l) => ({ url: l.url.trim(), title: l.title.trim() })),
    };
    this.saving.set(true);
    this.formError.set(null);
    const files = this.files().map((f) => f.file);
    this.api
      .createUpdate(this.activity().id, request)
      .pipe(
        concatMap((update) =>
          from(files).pipe(
            concatMap((file) =>
              this.api.uploadEvidence(update.id, file).pipe(
                map(() => ({ file, error: null as ApiError | null })),
                catchError((error: ApiError) => of({ file, error })),
              ),
            ),
            toArray(),
            map((uploads) => ({ update, failed: uploads.filter((u) => u.error) })),
          ),
        ),
      )
      .subscribe({
        next: ({ update, failed }) => {
          this.saving.set(false);
          this.resetForm();
          this.posted.emit(update);
          if (failed.length) {
            const reasons = failed.map((f) => `${f.file.name}: ${this.translate.instant(f.error?.messageKey ?? 'errors.INTERNAL_ERROR')}`).join(' · ');
            this.snackBar.open(`${this.translate.instant('update.savedWithFailures', { count: failed.length })} ${reasons}`, this.translate.instant('common.close'), { duration: 10000 });
          } else {
            this.snackBar.open(this.translate.instant('update.saved'), undefined, { duration: 4000 });
          }
        },
        error: (error: ApiError) => {
          this.saving.set(false);
          if (error.code === 'VALIDATION_FAILED') {
            const unmatched = applyServerErrors(this.form, error.fields);
            this.formError.set({ key: error.messageKey, detail: '', fields: unmatched });
          } else {
            this.formError.set({ key: error.messageKey, detail: error.message, fields: [] });
          }
        },
      });
  }

  private resetForm(): void {
    this.links.clear();
    this.form.reset({
      authorName: this.form.controls.authorName.value, // the same person usually reports again
      reportedOn: todayIso(),
      status: this.activity().status,
      progress: this.activity().progress,
      narrative: { ar: '', fr: '', en: '' },
    });
    this.files.set([]);
    this.showOtherLanguages.set(false);
    this.formError.set(null);
  }
}
