import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import {
  FormBuilder,
  FormGroupDirective,
  ReactiveFormsModule,
  Validators,
  type AbstractControl,
  type ValidationErrors,
  type ValidatorFn,
} from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatDialog } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import {
  CLASSIFICATIONS,
  DATA_THEMES,
  FREQUENCIES,
  INVENTORY_LIMITS,
  INVENTORY_PRIORITIES,
  INVENTORY_REFERENCE,
  INVENTORY_STATUSES,
  type Classification,
  type CreateInventoryItemRequest,
  type DataTheme,
  type Frequency,
  type InventoryItemView,
  type InventoryPriority,
  type InventoryStatus,
  type UpdateInventoryItemRequest,
} from '@marsad/contracts';
import { ApiError, InventoryApi, LocaleService } from '@marsad/web/data-access';
import { formatDate } from '@marsad/web/ui';
import {
  askConflict,
  conflictingRecord,
  conflictRow as row,
  FieldError,
  FormAlertBox,
  isVersioned,
  resetForm,
  ServerForm,
  type ConflictDialogData,
  DATE_FIELD_IMPORTS,
  provideMsdDates,
} from '@marsad/web/ui/forms';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { CLASSIFICATION_KEYS, FREQUENCY_KEYS, INVENTORY_STATUS_KEYS, PRIORITY_KEYS, THEME_KEYS } from '../labels';

const classificationOf = (control: AbstractControl): Classification | undefined =>
  control.parent?.get('classification')?.value as Classification | undefined;

/** Restricted and not-disclosable items need their legal basis. */
export const legalBasisRequired: ValidatorFn = (control: AbstractControl): ValidationErrors | null => {
  const classification = classificationOf(control);
  return classification && classification !== 'open' && !String(control.value ?? '').trim()
    ? { legalBasisRequired: true }
    : null;
};

/** Only open items may be shown to the public. */
export const publicNeedsOpen: ValidatorFn = (control: AbstractControl): ValidationErrors | null => {
  const classification = classificationOf(control);
  return control.value === true && classification && classification !== 'open' ? { publicNeedsOpen: true } : null;
};

/** Only open items may be published. */
export const publishedNeedsOpen: ValidatorFn = (control: AbstractControl): ValidationErrors | null => {
  const classification = classificationOf(control);
  return control.value === 'published' && classification && classification !== 'open'
    ? { publishedNeedsOpen: true }
    : null;
};

// The inventory's own rules (literal keys for the translation check); others go to <msd-field-error>.
const RULE_KEYS: Record<string, string> = {
  legalBasisRequired: 'inventory.form.rules.legalBasisRequired',
  publicNeedsOpen: 'inventory.form.rules.publicNeedsOpen',
  publishedNeedsOpen: 'inventory.form.rules.publishedNeedsOpen',
  pattern: 'inventory.form.rules.reference',
};

/** The key of an inventory rule broken by a control, unless the server's own message is there to show. */
export function inventoryRuleKey(errors: ValidationErrors | null | undefined): string | null {
  if (!errors || typeof errors['server'] === 'string') return null;
  const name = Object.keys(errors).find((k) => RULE_KEYS[k]);
  return name ? RULE_KEYS[name] : null;
}

/** "csv, .XLS; json" → ["csv", ".XLS", "json"]; the API normalises them. */
export function splitFormats(text: string): string[] {
  return text
    .split(/[,;،\s]+/)
    .map((f) => f.trim())
    .filter(Boolean);
}

/**
 * Adds an item to an administration's inventory (create) or corrects one (edit, with the version it was
 * read at; a stale version opens both versions side by side). The API's field messages land on the fields.
 */
@Component({
  selector: 'msd-inventory-form',
  imports: [
    ...DATE_FIELD_IMPORTS,
    ReactiveFormsModule,
    TranslatePipe,
    MatButton,
    MatCheckbox,
    MatFormField,
    MatLabel,
    MatError,
    MatHint,
    MatInput,
    MatSelect,
    MatOption,
    FieldError,
    FormAlertBox,
  ],
  // Date fields: Material's datepicker in the page's language (dd/MM/yyyy), values kept as ISO days.
  providers: [provideMsdDates()],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './inventory-form.html',
  styles: `
    .inv-form__check {
      display: grid;
      gap: 0.1rem;
    }
    .inv-form__check p {
      margin: 0;
    }
    .inv-form__wide {
      grid-column: 1 / -1;
    }
  `,
})
export class InventoryForm {
  readonly institutionCode = input.required<string>();
  /** Set to edit an item; empty to add one. */
  readonly item = input<InventoryItemView | null>(null);
  readonly saved = output<InventoryItemView>();
  readonly cancelled = output<void>();

  private readonly api = inject(InventoryApi);
  private readonly dialog = inject(MatDialog);
  private readonly translate = inject(TranslateService);
  private readonly localeService = inject(LocaleService);

  protected readonly classifications = CLASSIFICATIONS;
  protected readonly classificationKeys = CLASSIFICATION_KEYS;
  protected readonly statuses = INVENTORY_STATUSES;
  protected readonly statusKeys = INVENTORY_STATUS_KEYS;
  protected readonly priorities = INVENTORY_PRIORITIES;
  protected readonly priorityKeys = PRIORITY_KEYS;
  protected readonly themes = DATA_THEMES;
  protected readonly themeKeys = THEME_KEYS;
  protected readonly frequencies = FREQUENCIES;
  protected readonly frequencyKeys = FREQUENCY_KEYS;
  protected readonly ruleKey = inventoryRuleKey;
  protected readonly limits = INVENTORY_LIMITS;

  private readonly baseVersion = signal<number | null>(null);
  /** Reset through the directive too, or its `submitted` flag keeps a fresh form showing errors. */
  private readonly formDirective = viewChild(FormGroupDirective);

  private readonly fb = inject(FormBuilder).nonNullable;
  readonly form = this.fb.group({
    reference: ['', [Validators.required, Validators.pattern(INVENTORY_REFERENCE)]],
    title: this.fb.group({
      ar: ['', [Validators.required, Validators.maxLength(INVENTORY_LIMITS.title)]],
      fr: ['', [Validators.required, Validators.maxLength(INVENTORY_LIMITS.title)]],
    }),
    description: ['', Validators.maxLength(INVENTORY_LIMITS.description)],
    theme: ['' as DataTheme | ''],
    owningUnit: ['', Validators.maxLength(INVENTORY_LIMITS.owningUnit)],
    classification: ['open' as Classification, Validators.required],
    legalBasis: ['', [Validators.maxLength(INVENTORY_LIMITS.legalBasis), legalBasisRequired]],
    priority: ['medium' as InventoryPriority],
    plannedDate: [''],
    frequency: ['' as Frequency | ''],
    formats: [''],
    status: ['identified' as InventoryStatus, [Validators.required, publishedNeedsOpen]],
    public: [false, publicNeedsOpen],
  });
  private readonly server = new ServerForm(this.form);
  protected readonly saving = this.server.saving;
  protected readonly formError = this.server.alert;

  constructor() {
    effect(() => {
      const item = this.item();
      untracked(() => this.load(item));
    });
    // The classification decides what the legal basis, the public flag and the status may be.
    this.form.controls.classification.valueChanges.pipe(takeUntilDestroyed(inject(DestroyRef))).subscribe(() => {
      for (const name of ['legalBasis', 'public', 'status'] as const)
        this.form.controls[name].updateValueAndValidity({ emitEvent: false });
    });
  }

  /** Restricted or not disclosable: say why (legal basis) and keep it off the public list. */
  protected get needsLegalBasis(): boolean {
    return this.form.controls.classification.value !== 'open';
  }

  submit(): void {
    this.form.markAllAsTouched();
    if (this.form.invalid || this.saving()) return;
    const existing = this.item();
    if (existing) this.sendUpdate(existing.id, { ...this.values(), version: this.baseVersion() ?? existing.version });
    else this.sendCreate(this.values());
  }

  private sendCreate(request: CreateInventoryItemRequest): void {
    this.server.start();
    this.api.create(this.institutionCode(), request).subscribe({
      next: (created) => this.done(created),
      error: (error: ApiError) => this.server.fail(error),
    });
  }

  private sendUpdate(id: string, request: UpdateInventoryItemRequest): void {
    this.server.start();
    this.api.update(id, request).subscribe({
      next: (updated) => this.done(updated),
      error: (error: ApiError) => {
        const theirs = conflictingRecord(error, isVersioned<InventoryItemView>);
        if (theirs) {
          this.server.done();
          this.resolveConflict(id, request, theirs);
        } else {
          this.server.fail(error);
        }
      },
    });
  }

  private done(item: InventoryItemView): void {
    this.server.done();
    this.load(this.item() ? item : null);
    this.saved.emit(item);
  }

  private resolveConflict(id: string, mine: UpdateInventoryItemRequest, theirs: InventoryItemView): void {
    const locale = this.localeService.locale();
    const t = (key: string | undefined) => (key ? (this.translate.instant(key) as string) : '');
    const yesNo = (v: boolean | undefined) => t(v === undefined ? undefined : v ? 'common.yes' : 'common.no');
    const data: ConflictDialogData = {
      titleKey: 'inventory.conflict.title',
      messageKey: 'inventory.conflict.message',
      rows: [
        row('inventory.form.reference', theirs.reference, mine.reference ?? ''),
        row('inventory.form.titleAr', theirs.title.ar, mine.title?.ar ?? ''),
        row('inventory.form.titleFr', theirs.title.fr, mine.title?.fr ?? ''),
        row(
          'inventory.form.classification',
          t(CLASSIFICATION_KEYS[theirs.classification]),
          t(mine.classification && CLASSIFICATION_KEYS[mine.classification]),
        ),
        row('inventory.form.legalBasis', theirs.legalBasis ?? '', mine.legalBasis ?? ''),
        row(
          'inventory.form.status',
          t(INVENTORY_STATUS_KEYS[theirs.status]),
          t(mine.status && INVENTORY_STATUS_KEYS[mine.status]),
        ),
        row('inventory.form.public', yesNo(theirs.public), yesNo(mine.public)),
        row(
          'inventory.form.plannedDate',
          formatDate(theirs.plannedDate, locale),
          formatDate(mine.plannedDate ?? null, locale),
        ),
        row('inventory.form.formats', theirs.formats.join(', '), (mine.formats ?? []).join(', ')),
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
    this.load(this.item());
    this.cancelled.emit();
  }

  /** What the form says, as the API takes it. */
  values(): CreateInventoryItemRequest {
    const v = this.form.getRawValue();
    const orNull = (s: string) => (s.trim() ? s.trim() : null);
    return {
      reference: v.reference.trim(),
      title: { ar: v.title.ar.trim(), fr: v.title.fr.trim() },
      description: orNull(v.description),
      theme: v.theme || null,
      owningUnit: orNull(v.owningUnit),
      classification: v.classification,
      legalBasis: orNull(v.legalBasis),
      priority: v.priority,
      plannedDate: v.plannedDate || null,
      frequency: v.frequency || null,
      formats: splitFormats(v.formats),
      status: v.status,
      public: v.public,
    };
  }

  private load(item: InventoryItemView | null): void {
    this.baseVersion.set(item?.version ?? null);
    const value = {
      reference: item?.reference ?? '',
      title: { ar: item?.title.ar ?? '', fr: item?.title.fr ?? '' },
      description: item?.description ?? '',
      theme: (item?.theme ?? '') as DataTheme | '',
      owningUnit: item?.owningUnit ?? '',
      classification: item?.classification ?? 'open',
      legalBasis: item?.legalBasis ?? '',
      priority: item?.priority ?? 'medium',
      plannedDate: item?.plannedDate ?? '',
      frequency: (item?.frequency ?? '') as Frequency | '',
      formats: item?.formats.join(', ') ?? '',
      status: item?.status ?? 'identified',
      public: item?.public ?? false,
    };
    resetForm(this.form, this.formDirective(), value);
    this.server.clear();
  }
}
