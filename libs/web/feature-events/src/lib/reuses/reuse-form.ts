import { ChangeDetectionStrategy, Component, inject, input, output, signal, type OnInit } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators, type AbstractControl } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatOption } from '@angular/material/core';
import { MatDialog } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatSelect } from '@angular/material/select';
import {
  REUSE_LIMITS,
  REUSER_TYPES,
  type ProposeReuseResult,
  type ReuseOrigin,
  type ReuserType,
  type ReuseView,
  type UpdateReuseRequest,
} from '@marsad/contracts';
import { ApiError, LocaleService, ReusesApi } from '@marsad/web/data-access';
import {
  askConflict,
  conflictingRecord,
  conflictRow as row,
  FieldError,
  FormAlertBox,
  httpUrl,
  isVersioned,
  ServerForm,
  type ConflictDialogData,
} from '@marsad/web/ui/forms';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { DatasetPicker, type PickedDataset } from '../shared/dataset-picker';
import { PROPOSAL_ORIGINS, REUSE_ORIGIN_KEYS, REUSER_TYPE_KEYS } from './reuse-labels';
import {
  formFromReuse,
  proposeRequest,
  reuseFieldsToControls,
  reuseGaps,
  updateRequest,
  type ReuseFormValue,
  type ReuseGaps,
} from './reuse-rules';

const NO_GAPS: ReuseGaps = { title: false, description: false, datasets: false };

/**
 * A reuse's facts: proposed by anyone (no sign-in; a contact e-mail the public never sees, and a honeypot
 * for robots), or changed by a coordinator (`reuse`) on the version they read.
 */
@Component({
  selector: 'msd-reuse-form',
  imports: [
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
    DatasetPicker,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './reuse-form.html',
  styleUrl: './reuses.scss',
})
export class ReuseForm implements OnInit {
  /** The reuse a coordinator changes; a proposal when null. */
  readonly reuse = input<ReuseView | null>(null);
  readonly proposed = output<ProposeReuseResult>();
  readonly saved = output<ReuseView>();
  readonly cancelled = output<void>();

  private readonly api = inject(ReusesApi);
  private readonly dialog = inject(MatDialog);
  private readonly translate = inject(TranslateService);
  private readonly localeService = inject(LocaleService);
  private readonly fb = inject(FormBuilder).nonNullable;

  protected readonly limits = REUSE_LIMITS;
  protected readonly types = REUSER_TYPES;
  protected readonly typeKeys = REUSER_TYPE_KEYS;
  protected readonly origins = PROPOSAL_ORIGINS;
  protected readonly originKeys = REUSE_ORIGIN_KEYS;

  protected readonly form = this.fb.group({
    titleAr: ['', [Validators.maxLength(REUSE_LIMITS.title)]],
    titleFr: ['', [Validators.maxLength(REUSE_LIMITS.title)]],
    descriptionAr: ['', [Validators.maxLength(REUSE_LIMITS.description)]],
    descriptionFr: ['', [Validators.maxLength(REUSE_LIMITS.description)]],
    reuserType: this.fb.control<ReuserType | ''>('', [Validators.required]),
    origin: this.fb.control<ReuseOrigin>('spontaneous', [Validators.required]),
    url: ['', [Validators.required, httpUrl, Validators.maxLength(REUSE_LIMITS.url)]],
    datasetIds: this.fb.control<string[]>([]),
    contactEmail: ['', [Validators.email, Validators.maxLength(REUSE_LIMITS.email)]],
    website: [''],
  });
  protected readonly save = new ServerForm(this.form, reuseFieldsToControls);
  protected readonly datasets = signal<PickedDataset[]>([]);
  protected readonly gaps = signal<ReuseGaps>(NO_GAPS);
  /** The version the next change is made on: the reuse's, or theirs after a conflict the person chose to keep editing over. */
  private readonly baseVersion = signal<number | null>(null);

  ngOnInit(): void {
    const reuse = this.reuse();
    if (reuse) this.load(reuse);
  }

  protected pick(datasets: PickedDataset[]): void {
    this.datasets.set(datasets);
    const control = this.form.controls.datasetIds;
    control.setValue(datasets.map((d) => d.portalId));
    control.setErrors(null);
    if (this.gaps().datasets) this.gaps.set({ ...this.gaps(), datasets: datasets.length === 0 });
  }

  /** A server's message on a control the page shows outside a form field (the datasets). */
  protected serverError(control: AbstractControl): string | null {
    const message = control.errors?.['server'];
    return typeof message === 'string' ? message : null;
  }

  protected datasetsError(): string | null {
    return (
      this.serverError(this.form.controls.datasetIds) ??
      (this.gaps().datasets ? (this.translate.instant('reuses.form.datasetsRequired') as string) : null)
    );
  }

  protected submit(): void {
    const value = this.form.getRawValue() as ReuseFormValue;
    const gaps = reuseGaps(value);
    this.gaps.set(gaps);
    const reuse = this.reuse();
    if (this.form.invalid || gaps.title || gaps.description || gaps.datasets) {
      this.form.markAllAsTouched();
      return;
    }
    if (reuse) {
      const request = updateRequest(reuse, value);
      if (request) this.sendUpdate(reuse.id, { ...request, version: this.baseVersion() ?? reuse.version });
      return;
    }
    const request = proposeRequest(value);
    if (!request) return;
    this.save.start();
    this.api.propose(request).subscribe({
      next: (result) => {
        this.save.done();
        this.proposed.emit(result);
      },
      error: (error: ApiError) => {
        if (error.code === 'TOO_MANY_REQUESTS') {
          this.save.done();
          this.save.show('reuses.form.tooMany');
          return;
        }
        this.save.fail(error);
      },
    });
  }

  protected cancel(): void {
    this.cancelled.emit();
  }

  private sendUpdate(id: string, request: UpdateReuseRequest): void {
    this.save.start();
    this.api.update(id, request).subscribe({
      next: (saved) => {
        this.save.done();
        this.saved.emit(saved);
      },
      error: (error: ApiError) => {
        const theirs = conflictingRecord(error, isVersioned<ReuseView>);
        if (theirs) {
          this.save.done();
          this.resolveConflict(id, request, theirs);
          return;
        }
        if (error.code === 'VERSION_CONFLICT') {
          // No current version came with the answer: nothing to compare, so say so and keep what was typed.
          this.save.done();
          this.save.show('reuses.reloaded');
          return;
        }
        this.save.fail(error);
      },
    });
  }

  /** Someone changed the reuse meanwhile: theirs beside mine, then take theirs, send mine again, or keep editing. */
  private resolveConflict(id: string, mine: UpdateReuseRequest, theirs: ReuseView): void {
    const t = (key: string) => this.translate.instant(key) as string;
    const data: ConflictDialogData = {
      titleKey: 'reuses.conflict.title',
      messageKey: 'reuses.conflict.message',
      rows: [
        row('reuses.form.titleAr', theirs.title.ar ?? '', mine.title?.ar ?? ''),
        row('reuses.form.titleFr', theirs.title.fr ?? '', mine.title?.fr ?? ''),
        row('reuses.form.descriptionAr', theirs.description.ar ?? '', mine.description?.ar ?? ''),
        row('reuses.form.descriptionFr', theirs.description.fr ?? '', mine.description?.fr ?? ''),
        row(
          'reuses.form.reuserType',
          t(REUSER_TYPE_KEYS[theirs.reuserType]),
          mine.reuserType ? t(REUSER_TYPE_KEYS[mine.reuserType]) : '',
        ),
        row(
          'reuses.form.origin',
          t(REUSE_ORIGIN_KEYS[theirs.origin]),
          mine.origin ? t(REUSE_ORIGIN_KEYS[mine.origin]) : '',
        ),
        row('reuses.form.url', theirs.url, mine.url ?? ''),
        row(
          'reuses.form.datasets',
          theirs.datasets.map((d) => d.title || d.name).join(', '),
          this.datasets()
            .map((d) => d.title || d.name)
            .join(', '),
        ),
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
        this.save.show('errors.VERSION_CONFLICT');
      }
    });
  }

  private load(reuse: ReuseView): void {
    this.form.reset(formFromReuse(reuse));
    this.datasets.set(reuse.datasets.map((d) => ({ ...d })));
    this.baseVersion.set(null);
    this.gaps.set(NO_GAPS);
  }
}
