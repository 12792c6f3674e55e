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
import {
  FormArray,
  FormBuilder,
  FormControl,
  FormGroup,
  ReactiveFormsModule,
  Validators,
  type AbstractControl,
  type ValidationErrors,
} from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatSlider, MatSliderThumb } from '@angular/material/slider';
import { MatSnackBar } from '@angular/material/snack-bar';
import {
  ACTIVITY_STATUSES,
  BLOCKER_CATEGORIES,
  EVIDENCE_CONTENT_TYPES,
  EVIDENCE_MAX_BYTES,
  LOCALES,
  PROGRESS_UPDATE_LIMITS,
  directionOf,
  type ActivityDetail,
  type ActivityStatus,
  type BlockerCategory,
  type CreateProgressUpdateRequest,
  Permission,
  type FieldError as ApiFieldError,
  type Locale,
  type ProgressUpdateView,
} from '@marsad/contracts';
import { ActivityApi, ApiError, LocaleService, SessionService } from '@marsad/web/data-access';
import { BLOCKER_LABEL_KEYS, LocaleFileSizePipe, LocalizedTextPipe, STATUS_LABEL_KEYS } from '@marsad/web/ui';
import {
  applyServerErrors,
  ConfirmDialog,
  FieldError,
  httpUrl,
  notInFuture,
  todayIso,
  type ConfirmDialogData,
  DATE_FIELD_IMPORTS,
  provideMsdDates,
} from '@marsad/web/ui/forms';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { catchError, concatMap, from, map, of, toArray } from 'rxjs';

const LANGUAGE_NAME_KEYS: Record<Locale, string> = {
  ar: 'language.ar',
  fr: 'language.fr',
  en: 'language.en',
};

// What the person is told once the report is saved, by where it now stands.
const SAVED_KEYS: Record<ProgressUpdateView['state'], string> = {
  validated: 'update.saved',
  submitted: 'update.submittedForValidation',
  draft: 'update.draftSaved',
  returned: 'update.saved',
};

const atLeastOneNarrative = (group: AbstractControl): ValidationErrors | null => {
  const value = group.value as Record<string, string>;
  return Object.values(value).some((text) => text && text.trim()) ? null : { narrativeRequired: true };
};

type LinkGroup = FormGroup<{ url: FormControl<string>; title: FormControl<string> }>;
type BlockerGroup = FormGroup<{ category: FormControl<BlockerCategory>; text: FormControl<string> }>;

/**
 * One step of the progress, shared by the slider and the number box so they always agree (83 stays 83
 * on the slider); arrow keys move the slider by it, Page Up/Down by ten.
 */
export const PROGRESS_STEP = 1;

interface PendingFile {
  file: File;
  /** Literal translation key of a client-side problem with it. */
  problemKey: string | null;
}

/**
 * Reports progress on an activity as the signed-in account: the report first, then each evidence
 * file against it. With `revising`, corrects a draft or returned report and submits it again.
 */
@Component({
  selector: 'msd-progress-update-form',
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
    MatSlider,
    MatSliderThumb,
    FieldError,
    LocaleFileSizePipe,
    LocalizedTextPipe,
  ],
  // Date fields: Material's datepicker in the page's language (dd/MM/yyyy), values kept as ISO days.
  providers: [provideMsdDates()],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './progress-update-form.html',
  styleUrl: './progress-update-form.scss',
})
export class ProgressUpdateForm {
  readonly activity = input.required<ActivityDetail>();
  /** A draft or returned report of the caller's administration to correct, or null for a new report. */
  readonly revising = input<ProgressUpdateView | null>(null);
  readonly posted = output<ProgressUpdateView>();
  readonly cancelled = output<void>();

  private readonly api = inject(ActivityApi);
  private readonly fb = inject(FormBuilder).nonNullable;
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly translate = inject(TranslateService);
  private readonly localeService = inject(LocaleService);
  private readonly session = inject(SessionService);
  /** Who signs the report: the account, never a name typed in. */
  protected readonly author = this.session.user;
  /** A coordinator's report is validated when made; an administration's waits for ADD. */
  protected readonly validatedAtOnce = computed(() => this.session.permissions().includes(Permission.ProgressValidate));
  protected readonly blockerCategories = BLOCKER_CATEGORIES;
  protected readonly blockerKeys = BLOCKER_LABEL_KEYS;

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
  protected readonly progressStep = PROGRESS_STEP;

  protected readonly form = this.fb.group({
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
    blockers: this.fb.array<BlockerGroup>([]),
  });

  /**
   * The slider shows the form's figure: the number box is the form control, so the two never
   * disagree (two controls on one FormControl would not update each other).
   */
  protected sliderValue(): number {
    const value = Number(this.form.controls.progress.value);
    return Number.isFinite(value) ? value : 0;
  }

  /** The slider moved (pointer or arrow keys): the figure follows, and the number box with it. */
  protected slide(event: Event): void {
    const control = this.form.controls.progress;
    control.setValue((event.target as HTMLInputElement).valueAsNumber);
    control.markAsDirty();
  }

  constructor() {
    // Start from where the activity stands.
    effect(() => {
      const activity = this.activity();
      untracked(() => {
        if (!this.form.dirty && !this.revising())
          this.form.patchValue({ status: activity.status, progress: activity.progress }, { emitEvent: false });
      });
    });
    // Correcting a report: start from what it said.
    effect(() => {
      const report = this.revising();
      untracked(() => {
        if (!report) return;
        this.blockers.clear();
        for (const blocker of report.blockers) this.blockers.push(this.blockerGroup(blocker.category, blocker.text));
        this.form.reset({
          reportedOn: report.reportedOn,
          status: report.status,
          progress: report.progress,
          narrative: { ar: report.narrative.ar ?? '', fr: report.narrative.fr ?? '', en: report.narrative.en ?? '' },
        });
        this.showOtherLanguages.set(LOCALES.some((l) => l !== this.locale() && !!report.narrative[l]));
      });
    });
  }

  protected get blockers(): FormArray<BlockerGroup> {
    return this.form.controls.blockers;
  }

  private blockerGroup(category: BlockerCategory = 'technical', text = ''): BlockerGroup {
    return this.fb.group({
      category: [category, Validators.required],
      text: [text, [Validators.required, Validators.maxLength(PROGRESS_UPDATE_LIMITS.blockerText)]],
    });
  }

  protected addBlocker(): void {
    if (this.blockers.length >= PROGRESS_UPDATE_LIMITS.blockers) return;
    this.blockers.push(this.blockerGroup());
    this.form.markAsDirty();
  }

  protected removeBlocker(index: number): void {
    this.blockers.removeAt(index);
    this.form.markAsDirty();
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
    if (file.type && !(EVIDENCE_CONTENT_TYPES as readonly string[]).includes(file.type))
      return 'evidence.typeNotAllowed';
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

  protected submit(draft = false): void {
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
      status: v.status,
      progress: Number(v.progress),
      narrative,
      blockers: v.blockers.map((b) => ({ category: b.category, text: b.text.trim() })),
      ...(draft ? { draft: true } : {}),
    };
    this.saving.set(true);
    this.formError.set(null);
    const files = this.files().map((f) => f.file);
    const revising = this.revising();
    const saved = revising
      ? this.api.reviseUpdate(revising.id, { ...request, version: revising.version })
      : this.api.createUpdate(this.activity().id, {
          ...request,
          links: v.links.map((l) => ({ url: l.url.trim(), title: l.title.trim() })),
        });
    saved
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
            const reasons = failed
              .map((f) => `${f.file.name}: ${this.translate.instant(f.error?.messageKey ?? 'errors.INTERNAL_ERROR')}`)
              .join(' · ');
            this.snackBar.open(
              `${this.translate.instant('update.savedWithFailures', { count: failed.length })} ${reasons}`,
              this.translate.instant('common.close'),
              { duration: 10000 },
            );
          } else {
            this.snackBar.open(this.translate.instant(SAVED_KEYS[update.state]), undefined, { duration: 5000 });
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
    this.blockers.clear();
    this.form.reset({
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
