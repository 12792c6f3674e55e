import { ChangeDetectionStrategy, Component, computed, ElementRef, inject, signal, viewChild } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import {
  MatAutocomplete,
  MatAutocompleteTrigger,
  type MatAutocompleteSelectedEvent,
} from '@angular/material/autocomplete';
import { MatButton } from '@angular/material/button';
import { MatOption } from '@angular/material/core';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import {
  pickText,
  type AwardEditionDetail,
  type InstitutionRef,
  type JurorCandidate,
  type SetJurorsRequest,
} from '@marsad/contracts';
import { ApiError, AwardApi, LocaleService, toApiError } from '@marsad/web/data-access';
import { InstitutionPicker } from '@marsad/web/feature-registry';
import { FormAlertBox, ServerForm, type FieldMapper } from '@marsad/web/ui/forms';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { catchError, debounceTime, distinctUntilChanged, filter, map, of, switchMap, tap } from 'rxjs';

export interface JuryEditorData {
  edition: AwardEditionDetail;
}

/** One juror as the dialog edits them. */
interface JuryRow {
  userId: string;
  displayName: string;
  institution: InstitutionRef | null;
  /** Known for the accounts found here (masked by the API); the jury as read carries no e-mail. */
  maskedEmail: string | null;
  conflicts: InstitutionRef[];
}

/** Typed letters before the accounts are searched. */
const MIN_QUERY = 2;

/**
 * The coordinators' editor of an edition's jury: accounts found by name or e-mail (masked), each
 * with the administrations they declared a conflict of interest with. Nothing is sent before Save,
 * which replaces the whole jury; the dialog closes with the edition as saved.
 */
@Component({
  selector: 'msd-award-jury-editor',
  imports: [
    ReactiveFormsModule,
    TranslatePipe,
    MatButton,
    MatDialogTitle,
    MatDialogContent,
    MatDialogActions,
    MatDialogClose,
    MatFormField,
    MatLabel,
    MatHint,
    MatInput,
    MatAutocomplete,
    MatAutocompleteTrigger,
    MatOption,
    InstitutionPicker,
    FormAlertBox,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { 'data-jury-editor': '', class: 'jury-editor' },
  templateUrl: './jury-editor.dialog.html',
  styles: `
    :host {
      display: block;
    }
    .jury-editor__intro {
      margin-block: 0 0.5rem;
      font-size: 0.9rem;
    }
    .jury-editor__subtitle {
      font-size: 1rem;
      margin-block: 1rem 0.5rem;
    }
    .jury-editor__search {
      inline-size: 100%;
      margin-block: 0.5rem 0.25rem;
    }
    .jury-editor__option {
      display: flex;
      flex-direction: column;
      line-height: 1.3;
      padding-block: 0.25rem;
    }
    .jury-editor__meta {
      font-size: 0.8rem;
      color: var(--msd-muted, #4d5660);
      overflow-wrap: anywhere;
    }
    .jury-editor__rows,
    .jury-editor__conflicts {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .jury-editor__row {
      border: 1px solid var(--msd-border, #d5d9de);
      border-radius: 8px;
      padding: 0.75rem;
      margin-block-end: 0.75rem;
    }
    .jury-editor__head {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-start;
      justify-content: space-between;
      gap: 0.5rem;
    }
    .jury-editor__who {
      display: flex;
      flex-direction: column;
      min-inline-size: 0;
      overflow-wrap: anywhere;
    }
    .jury-editor__label {
      margin: 0.5rem 0 0.25rem;
      font-size: 0.9rem;
    }
    .jury-editor__conflicts li {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 0.25rem;
      overflow-wrap: anywhere;
    }
    .jury-editor__empty {
      margin: 0.25rem 0;
      font-size: 0.85rem;
    }
  `,
})
export class JuryEditorDialog {
  private readonly data = inject<JuryEditorData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<JuryEditorDialog, AwardEditionDetail>>(MatDialogRef);
  private readonly api = inject(AwardApi);
  private readonly translate = inject(TranslateService);
  protected readonly locale = inject(LocaleService).locale;
  private readonly searchInput = viewChild<ElementRef<HTMLInputElement>>('searchInput');

  protected readonly rows = signal<JuryRow[]>(
    (this.data.edition.jurors ?? []).map((j) => ({
      userId: j.userId,
      displayName: j.displayName,
      institution: j.institution,
      maskedEmail: null,
      conflicts: [...j.conflicts],
    })),
  );

  protected readonly search = new FormControl<string | JurorCandidate>('', { nonNullable: true });
  private readonly candidates = signal<JurorCandidate[]>([]);
  /** The accounts found, less those already on the jury. */
  protected readonly options = computed(() => {
    const on = new Set(this.rows().map((r) => r.userId));
    return this.candidates().filter((c) => !on.has(c.userId));
  });
  protected readonly searching = signal(false);
  protected readonly noMatch = signal(false);
  protected readonly searchError = signal<string | null>(null);
  /** What a screen reader hears after an addition or a removal. */
  protected readonly status = signal('');

  /** The jury as last sent, to name the jurors a refusal is about. */
  private sent: JuryRow[] = [];
  private readonly labelled: FieldMapper = (fields) => fields.map((f) => ({ ...f, field: this.fieldLabel(f.field) }));
  protected readonly save = new ServerForm(new FormGroup({}), this.labelled);

  constructor() {
    this.search.valueChanges
      .pipe(
        filter((value): value is string => typeof value === 'string'),
        map((value) => value.trim()),
        debounceTime(300),
        distinctUntilChanged(),
        tap(() => {
          this.noMatch.set(false);
          this.searchError.set(null);
        }),
        switchMap((q) => {
          if (q.length < MIN_QUERY) return of([] as JurorCandidate[]);
          this.searching.set(true);
          return this.api.jurorCandidates(q).pipe(
            catchError((error: unknown) => {
              this.searchError.set(toApiError(error).messageKey);
              return of([] as JurorCandidate[]);
            }),
          );
        }),
        takeUntilDestroyed(),
      )
      .subscribe((items) => {
        this.searching.set(false);
        this.candidates.set(items);
        const typed = typeof this.search.value === 'string' ? this.search.value.trim() : '';
        this.noMatch.set(!this.searchError() && typed.length >= MIN_QUERY && this.options().length === 0);
      });
  }

  protected readonly display = (value: JurorCandidate | string | null): string =>
    value && typeof value === 'object' ? value.displayName : (value ?? '');

  protected name(ref: InstitutionRef): string {
    return pickText(ref.name, this.locale())?.text ?? ref.code;
  }

  protected add(event: MatAutocompleteSelectedEvent): void {
    const c = event.option.value as JurorCandidate;
    if (!this.rows().some((r) => r.userId === c.userId))
      this.rows.update((rows) => [
        ...rows,
        {
          userId: c.userId,
          displayName: c.displayName,
          institution: c.institution,
          maskedEmail: c.maskedEmail,
          conflicts: [],
        },
      ]);
    this.search.setValue('');
    this.candidates.set([]);
    this.status.set(this.translate.instant('award.juryEditor.added', { name: c.displayName }));
  }

  protected remove(row: JuryRow): void {
    this.rows.update((rows) => rows.filter((r) => r.userId !== row.userId));
    this.status.set(this.translate.instant('award.juryEditor.removed', { name: row.displayName }));
    // The button is gone: the search is the next place to work from.
    this.searchInput()?.nativeElement.focus();
  }

  protected addConflict(row: JuryRow, ref: InstitutionRef | null, picker: InstitutionPicker): void {
    if (!ref) return;
    if (!row.conflicts.some((c) => c.code === ref.code))
      this.updateRow(row.userId, (r) => ({ ...r, conflicts: [...r.conflicts, ref] }));
    picker.reset();
  }

  protected removeConflict(row: JuryRow, code: string): void {
    this.updateRow(row.userId, (r) => ({ ...r, conflicts: r.conflicts.filter((c) => c.code !== code) }));
  }

  protected submit(): void {
    if (this.save.saving()) return;
    this.sent = this.rows();
    const request: SetJurorsRequest = {
      jurors: this.sent.map((r) => ({ userId: r.userId, conflictCodes: r.conflicts.map((c) => c.code) })),
    };
    this.save.start();
    this.api.setJurors(this.data.edition.id, request).subscribe({
      next: (saved) => {
        this.save.done();
        this.dialogRef.close(saved);
      },
      error: (error: ApiError) => this.save.fail(error),
    });
  }

  private updateRow(userId: string, change: (row: JuryRow) => JuryRow): void {
    this.rows.update((rows) => rows.map((r) => (r.userId === userId ? change(r) : r)));
  }

  /** `jurors.2.conflictCodes.0` → the juror's name (and the administration's), as the coordinator sees them. */
  private fieldLabel(field: string): string {
    const match = /^jurors\.(\d+)(?:\.conflictCodes\.(\d+))?/.exec(field);
    const row = match ? this.sent[Number(match[1])] : undefined;
    if (!match || !row) return field;
    const conflict = match[2] === undefined ? undefined : row.conflicts[Number(match[2])];
    return conflict ? `${row.displayName} · ${this.name(conflict)}` : row.displayName;
  }
}
