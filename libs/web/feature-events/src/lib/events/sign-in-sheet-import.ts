import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatSnackBar } from '@angular/material/snack-bar';
import {
  OTHER_AUDIENCE_CATEGORIES,
  pickText,
  SIGN_IN_SHEET_MAX_ROWS,
  TABLE_FILE_LIMITS,
  type EventDetail,
  type FieldError,
  type ImportIssue,
  type InstitutionRef,
  type SignInSheetPreview,
} from '@marsad/contracts';
import { API_BASE_URL, ApiError, EventsApi, LocaleService } from '@marsad/web/data-access';
import { LoadingIndicator, LocaleFileSizePipe, LocaleNumberPipe } from '@marsad/web/ui';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { AUDIENCE_KEYS, OFFICER_ROLE_KEYS } from './event-labels';
import { personName } from './event-participants';

/** Rows listed in each table of the preview; the counts cover all of them. */
export const SIGN_IN_ROWS_SHOWN = 200;

/** The API refuses a sheet with problems as `row 3.email` fields: back into the preview's issue rows. */
export function issuesFromFields(fields: readonly FieldError[]): ImportIssue[] {
  return fields.map((f) => {
    const m = /^row (\d+)\.(.+)$/.exec(f.field);
    return { row: m ? Number(m[1]) : 0, column: m ? m[2] : f.field, rule: f.rule, value: '', message: f.message };
  });
}

type Busy = 'preview' | 'import' | null;

/**
 * An event's sign-in sheet, for coordinators: template, file, preview (who is in the register,
 * who is counted by category, the problems), then the import with the event's version. All or nothing.
 */
@Component({
  selector: 'msd-sign-in-sheet-import',
  imports: [NgTemplateOutlet, TranslatePipe, MatButton, LoadingIndicator, LocaleNumberPipe, LocaleFileSizePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './sign-in-sheet-import.html',
  styleUrls: ['./events.scss', './sign-in-sheet-import.scss'],
})
export class SignInSheetImport {
  readonly event = input.required<EventDetail>();
  /** The event as the import left it. */
  readonly imported = output<EventDetail>();
  /** Someone changed the event meanwhile (409): the page fetches it again. */
  readonly stale = output<void>();

  private readonly api = inject(EventsApi);
  private readonly base = inject(API_BASE_URL);
  private readonly snackBar = inject(MatSnackBar);
  private readonly translate = inject(TranslateService);
  protected readonly locale = inject(LocaleService).locale;
  protected readonly audienceKeys = AUDIENCE_KEYS;
  protected readonly roleKeys = OFFICER_ROLE_KEYS;
  protected readonly categories = OTHER_AUDIENCE_CATEGORIES;
  protected readonly maxBytes = TABLE_FILE_LIMITS.maxBytes;
  protected readonly maxRows = SIGN_IN_SHEET_MAX_ROWS;
  protected readonly shown = SIGN_IN_ROWS_SHOWN;

  protected readonly open = signal(false);
  protected readonly file = signal<File | null>(null);
  protected readonly busy = signal<Busy>(null);
  protected readonly preview = signal<SignInSheetPreview | null>(null);
  protected readonly error = signal<{ key: string; issues: ImportIssue[] } | null>(null);
  protected readonly done = signal<{ registered: number; counted: number; unchanged: number } | null>(null);

  protected readonly counted = computed(() =>
    (this.preview()?.adds.counted ?? []).reduce((sum, c) => sum + c.count, 0),
  );
  /** A clean sheet that adds someone. */
  protected readonly canImport = computed(() => {
    const p = this.preview();
    return !!p && p.issues.length === 0 && (p.adds.registered > 0 || this.counted() > 0) && this.busy() === null;
  });

  protected templateUrl(format: 'xlsx' | 'csv'): string {
    return `${this.base}/v1/events/${encodeURIComponent(this.event().id)}/sign-in-sheet/template?format=${format}`;
  }

  protected name(fullName: { ar: string | null; fr: string | null } | null): string | null {
    return personName(fullName, this.locale());
  }

  protected institutionName(ref: InstitutionRef): string {
    return pickText(ref.name, this.locale())?.text ?? ref.code;
  }

  protected choose(event: Event): void {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0] ?? null;
    this.error.set(null);
    this.preview.set(null);
    this.done.set(null);
    if (file && file.size > TABLE_FILE_LIMITS.maxBytes) {
      // Refused here rather than after an upload on a slow link.
      this.file.set(null);
      input.value = '';
      this.error.set({ key: 'errors.PAYLOAD_TOO_LARGE', issues: [] });
      return;
    }
    this.file.set(file);
  }

  protected runPreview(): void {
    const file = this.file();
    if (!file || this.busy()) return;
    this.busy.set('preview');
    this.error.set(null);
    this.done.set(null);
    this.api.previewSignInSheet(this.event().id, file).subscribe({
      next: (preview) => {
        this.busy.set(null);
        this.preview.set(preview);
      },
      error: (e: ApiError) => this.failed(e),
    });
  }

  /** Imports the file previewed, into the event as this page read it. */
  protected commit(): void {
    const file = this.file();
    if (!file || !this.canImport()) return;
    const event = this.event();
    this.busy.set('import');
    this.error.set(null);
    this.api.importSignInSheet(event.id, file, event.version).subscribe({
      next: (result) => {
        this.busy.set(null);
        this.preview.set(null);
        this.file.set(null);
        this.done.set({ registered: result.registered, counted: result.counted, unchanged: result.unchanged });
        this.imported.emit(result.event);
        this.snackBar.open(this.translate.instant('events.signIn.imported'), undefined, { duration: 4000 });
      },
      error: (e: ApiError) => this.failed(e),
    });
  }

  protected restart(): void {
    this.file.set(null);
    this.preview.set(null);
    this.error.set(null);
  }

  private failed(e: ApiError): void {
    this.busy.set(null);
    if (e.code === 'VERSION_CONFLICT') {
      // Who is already registered may have changed too: the preview is read again before importing.
      this.preview.set(null);
      this.stale.emit();
      this.error.set({ key: 'events.signIn.conflict', issues: [] });
      return;
    }
    if (e.code === 'VALIDATION_FAILED' && e.fields.length) {
      this.preview.set(null);
      this.error.set({ key: 'events.signIn.refused', issues: issuesFromFields(e.fields) });
      return;
    }
    this.error.set({ key: e.messageKey, issues: [] });
  }
}
