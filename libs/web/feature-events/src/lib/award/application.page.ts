import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule, Validators, type FormControl, type FormGroup } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import {
  AWARD_LIMITS,
  EVIDENCE_CONTENT_TYPES,
  EVIDENCE_MAX_BYTES,
  pickText,
  type AwardApplicationView,
  type AwardCriterion,
  type AwardFileView,
  type ReuseView,
} from '@marsad/contracts';
import {
  apiResource,
  ApiError,
  AwardApi,
  DocumentTitleService,
  LocaleService,
  ReusesApi,
  SessionService,
} from '@marsad/web/data-access';
import {
  EmptyState,
  LoadingIndicator,
  LocaleFileSizePipe,
  LocaleNumberPipe,
  LocalizedTextLangPipe,
  LocalizedTextPipe,
} from '@marsad/web/ui';
import { FieldError, FormAlertBox, httpUrl, ServerForm } from '@marsad/web/ui/forms';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { askConfirm } from '../events/confirm';
import { METRIC_KEYS } from './award-labels';
import {
  applicationFieldsToControls,
  applicationRequest,
  formFromApplication,
  sortedCriteria,
  type ApplicationFormValue,
} from './award-rules';
import { AwardTimePipe, countdown } from './award-time';

type LinkGroup = FormGroup<{ title: FormControl<string>; url: FormControl<string> }>;

/**
 * The administration's application, written by its open-data officer (ROD): a narrative in Arabic and French,
 * links, the reuses of its data it claims. A draft until sent as complete; editable until the deadline,
 * then locked with the automated criteria's values frozen.
 */
@Component({
  selector: 'msd-award-application-page',
  imports: [
    RouterLink,
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
    EmptyState,
    LoadingIndicator,
    LocaleNumberPipe,
    LocaleFileSizePipe,
    LocalizedTextPipe,
    LocalizedTextLangPipe,
    AwardTimePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './application.page.html',
  styleUrl: './award.scss',
})
export class AwardApplicationPage {
  readonly id = input.required<string>();

  private readonly api = inject(AwardApi);
  private readonly reusesApi = inject(ReusesApi);
  private readonly session = inject(SessionService);
  private readonly snackBar = inject(MatSnackBar);
  private readonly dialog = inject(MatDialog);
  private readonly localeService = inject(LocaleService);
  private readonly translate = inject(TranslateService);
  private readonly fb = inject(FormBuilder).nonNullable;
  protected readonly locale = this.localeService.locale;
  protected readonly acceptTypes = EVIDENCE_CONTENT_TYPES.join(',');
  protected readonly limits = AWARD_LIMITS;
  protected readonly metricKeys = METRIC_KEYS;
  protected readonly institution = computed(() => this.session.user()?.institution ?? null);

  protected readonly edition = apiResource({
    params: () => this.id(),
    stream: ({ params }) => this.api.edition(params),
  });
  private readonly applications = apiResource({
    params: () => this.id(),
    stream: ({ params }) => this.api.applications(params),
  });
  /** The published reuses of the administration's data, to claim. */
  protected readonly reuses = apiResource({
    params: () => this.institution()?.code,
    stream: ({ params }) => this.reusesApi.list({ institution: params, status: 'published', pageSize: 100 }),
  });
  protected readonly applicationsError = this.applications.error;
  protected readonly reuseItems = computed<ReuseView[]>(() => this.reuses.value()?.items ?? []);

  /** The application as last saved (null: none yet). */
  protected readonly application = signal<AwardApplicationView | null>(null);
  protected readonly ready = signal(false);

  private readonly now = signal(Date.now());
  protected readonly deadlinePassed = computed(() => {
    const e = this.edition.value();
    return !!e && new Date(e.applicationsCloseAt).getTime() <= this.now();
  });
  protected readonly locked = computed(() => {
    const e = this.edition.value();
    if (!e) return true;
    return !!this.application()?.locked || this.deadlinePassed() || e.phase !== 'open';
  });
  /** Before the call opens: nothing to write yet. */
  protected readonly notYet = computed(() => this.edition.value()?.phase === 'upcoming');
  protected readonly left = computed(() => {
    const e = this.edition.value();
    return e ? countdown(e.applicationsCloseAt, this.now()) : null;
  });
  protected readonly automated = computed(() => {
    const values = this.application()?.automated;
    const criteria = sortedCriteria(this.edition.value()?.criteria ?? []);
    if (!values) return null;
    return criteria
      .filter((c) => c.kind === 'automated')
      .map((c) => ({ criterion: c, value: values.find((v) => v.criterionId === c.id) ?? null }));
  });

  protected readonly form = this.fb.group({
    narrativeAr: ['', [Validators.maxLength(AWARD_LIMITS.narrative)]],
    narrativeFr: ['', [Validators.maxLength(AWARD_LIMITS.narrative)]],
    links: this.fb.array<LinkGroup>([]),
    claimedReuseIds: this.fb.control<string[]>([]),
  });
  protected readonly save = new ServerForm(this.form, applicationFieldsToControls);
  private readonly value = toSignal(this.form.valueChanges, { initialValue: this.form.getRawValue() });
  protected readonly arLength = computed(() => (this.value().narrativeAr ?? '').length);
  protected readonly frLength = computed(() => (this.value().narrativeFr ?? '').length);
  protected readonly missingNarrative = signal(false);
  protected readonly message = signal<string | null>(null);
  /** An evidence file is being sent or removed. */
  protected readonly fileBusy = signal(false);
  protected readonly fileError = signal<string | null>(null);

  constructor() {
    const title = inject(DocumentTitleService);
    effect(() => title.set('award.apply.title'));
    // The officer's administration has one application per edition; the list holds it when it exists.
    effect(() => {
      const list = this.applications.value();
      if (!list) return;
      const code = this.institution()?.code;
      const own = list.find((a) => a.institution.code === code) ?? list[0] ?? null;
      untracked(() => {
        this.application.set(own);
        this.fill(own);
        this.ready.set(true);
      });
    });
    effect(() => {
      this.application();
      const locked = this.locked();
      untracked(() => this.applyLock(locked));
    });
    const timer = setInterval(() => this.now.set(Date.now()), 60_000);
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
  }

  protected get links() {
    return this.form.controls.links;
  }

  protected addLink(title = '', url = ''): void {
    if (this.links.length >= AWARD_LIMITS.links) return;
    this.links.push(
      this.fb.group({
        title: [title, [Validators.required, Validators.maxLength(AWARD_LIMITS.title)]],
        url: [url, [Validators.required, httpUrl]],
      }),
    );
  }

  protected removeLink(index: number): void {
    this.links.removeAt(index);
  }

  protected claimed(id: string): boolean {
    return this.form.controls.claimedReuseIds.value.includes(id);
  }

  protected toggleReuse(id: string, on: boolean): void {
    const ids = this.form.controls.claimedReuseIds.value.filter((x) => x !== id);
    if (on && ids.length < AWARD_LIMITS.claimedReuses) ids.push(id);
    this.form.controls.claimedReuseIds.setValue(ids);
  }

  protected criterionTitle(c: AwardCriterion): string {
    return pickText(c.title, this.locale())?.text ?? '';
  }

  protected fileUrl(id: string): string {
    return this.api.fileUrl(id);
  }

  /** Sends the chosen file at once: files are kept apart from the text, which needs no saving for them. */
  protected attach(application: AwardApplicationView, event: Event): void {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file || this.fileBusy()) return;
    this.fileError.set(null);
    if (file.size > EVIDENCE_MAX_BYTES) {
      this.fileError.set(this.translate.instant('evidence.tooLarge'));
      return;
    }
    this.fileBusy.set(true);
    this.api.addFile(application.id, file).subscribe({
      next: (added) => {
        this.fileBusy.set(false);
        this.withFiles(application.id, (files) => [...files, added]);
        this.snackBar.open(this.translate.instant('award.apply.fileAdded'), undefined, { duration: 4000 });
      },
      error: (error: ApiError) => this.fileFailed(error),
    });
  }

  protected async removeFile(application: AwardApplicationView, file: AwardFileView): Promise<void> {
    const ok = await askConfirm(
      this.dialog,
      this.translate,
      this.localeService.dir(),
      {
        title: 'award.apply.fileRemoveTitle',
        message: 'award.apply.fileRemoveBody',
        confirm: 'award.apply.fileRemove',
      },
      { title: file.title },
    );
    if (!ok) return;
    this.fileError.set(null);
    this.fileBusy.set(true);
    this.api.removeFile(application.id, file.id).subscribe({
      next: () => {
        this.fileBusy.set(false);
        this.withFiles(application.id, (files) => files.filter((f) => f.id !== file.id));
        this.snackBar.open(this.translate.instant('award.apply.fileRemoved'), undefined, { duration: 4000 });
      },
      error: (error: ApiError) => this.fileFailed(error),
    });
  }

  private withFiles(applicationId: string, change: (files: AwardFileView[]) => AwardFileView[]): void {
    const current = this.application();
    if (current?.id === applicationId) this.application.set({ ...current, files: change(current.files) });
  }

  private fileFailed(error: ApiError): void {
    this.fileBusy.set(false);
    if (error.code === 'AWARD_PHASE_CONFLICT') {
      this.now.set(Date.now());
      this.edition.reload();
    }
    this.fileError.set(error.message || this.translate.instant(error.messageKey));
  }

  protected send(submit: boolean): void {
    if (this.locked()) return;
    this.message.set(null);
    const value = this.form.getRawValue() as ApplicationFormValue;
    this.missingNarrative.set(!value.narrativeAr.trim() && !value.narrativeFr.trim());
    if (this.form.invalid || this.missingNarrative()) {
      this.form.markAllAsTouched();
      return;
    }
    const request = applicationRequest(value, submit);
    const current = this.application();
    this.save.start();
    const call = current
      ? this.api.updateApplication(current.id, { ...request, version: current.version })
      : this.api.createApplication(this.id(), request);
    call.subscribe({
      next: (saved) => {
        this.save.done();
        this.application.set(saved);
        this.snackBar.open(this.translate.instant(submit ? 'award.apply.submitted' : 'award.apply.saved'), undefined, {
          duration: 4000,
        });
      },
      error: (error: ApiError) => {
        if (error.code === 'VERSION_CONFLICT') {
          // Someone else of the administration saved meanwhile: keep what was typed, take their version.
          this.save.done();
          this.save.show('award.apply.conflict');
          const theirs = error.current as AwardApplicationView | undefined;
          if (theirs && typeof theirs.version === 'number') this.application.set(theirs);
          else this.applications.reload();
          return;
        }
        if (error.code === 'AWARD_PHASE_CONFLICT') {
          this.save.done();
          this.save.show('award.apply.phaseConflict');
          this.now.set(Date.now());
          this.edition.reload();
          return;
        }
        this.save.fail(error);
      },
    });
  }

  private fill(application: AwardApplicationView | null): void {
    const value = formFromApplication(application);
    this.links.clear();
    for (const l of value.links) this.addLink(l.title, l.url);
    this.form.patchValue({
      narrativeAr: value.narrativeAr,
      narrativeFr: value.narrativeFr,
      claimedReuseIds: value.claimedReuseIds,
    });
    this.applyLock(this.locked());
  }

  private applyLock(locked: boolean): void {
    if (locked) this.form.disable({ emitEvent: false });
    else this.form.enable({ emitEvent: false });
  }
}
