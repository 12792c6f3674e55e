import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { RouterLink } from '@angular/router';
import {
  TABLE_FILE_LIMITS,
  type FieldError as ApiFieldError,
  type ImportPreview,
  type ImportResult,
} from '@marsad/contracts';
import { ApiError, LocaleService, RegistryApi, type ExportFormat, type ImportTarget } from '@marsad/web/data-access';
import { LoadingIndicator, LocaleFileSizePipe, LocaleNumberPipe } from '@marsad/web/ui';
import { ConfirmDialog, type ConfirmDialogData } from '@marsad/web/ui/forms';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import type { Observable } from 'rxjs';

export type ImportStep = 1 | 2 | 3;

/** What differs between the imports: the headings (literal keys, so the translation check finds them). */
export const IMPORT_LABELS: Record<
  ImportTarget,
  { eyebrow: string; title: string; intro: string; templateIntro: string }
> = {
  officers: {
    eyebrow: 'import.eyebrow',
    title: 'import.title',
    intro: 'import.intro',
    templateIntro: 'import.templateIntro',
  },
  institutions: {
    eyebrow: 'import.eyebrow',
    title: 'registry.import.title',
    intro: 'registry.import.intro',
    templateIntro: 'registry.import.templateIntro',
  },
  inventory: {
    eyebrow: 'inventory.import.eyebrow',
    title: 'inventory.import.title',
    intro: 'inventory.import.intro',
    templateIntro: 'inventory.import.templateIntro',
  },
};

/**
 * Imports a spreadsheet into the registry (administrations), the register of officers or one administration's
 * data inventory: template and file, preview (nothing written), then confirm; the whole file goes in, or nothing.
 * `target` comes from the route's data; `code` (the administration, for the inventory) from its path.
 */
@Component({
  selector: 'msd-import-page',
  imports: [RouterLink, TranslatePipe, MatButton, LoadingIndicator, LocaleNumberPipe, LocaleFileSizePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './import.page.html',
  styleUrl: './import.page.scss',
})
export class ImportPage {
  readonly target = input.required<ImportTarget>();
  /** The administration whose inventory is imported (route `institutions/:code/inventory/import`). */
  readonly code = input<string | undefined>();

  private readonly api = inject(RegistryApi);
  private readonly dialog = inject(MatDialog);
  private readonly translate = inject(TranslateService);
  private readonly localeService = inject(LocaleService);
  protected readonly locale = this.localeService.locale;

  /** What the API accepts, shown beside the file picker and checked before sending. */
  protected readonly limits = TABLE_FILE_LIMITS;
  protected readonly labels = computed(() => IMPORT_LABELS[this.target()]);
  protected readonly step = signal<ImportStep>(1);
  protected readonly file = signal<File | null>(null);
  protected readonly busy = signal(false);
  protected readonly error = signal<{ key: string; detail: string; fields: ApiFieldError[] } | null>(null);
  protected readonly preview = signal<ImportPreview | null>(null);
  protected readonly result = signal<ImportResult | null>(null);

  /** Only a clean preview can be imported: the whole file goes in, or nothing. */
  readonly canConfirm = computed(() => {
    const p = this.preview();
    return !!p && p.issues.length === 0 && p.valid > 0 && !this.busy();
  });

  /** Where the finished import leads back to: the administration's inventory, or the registry. */
  protected readonly inventoryLink = computed(() => {
    const code = this.code();
    return this.target() === 'inventory' && code ? ['/', this.locale(), 'institutions', code, 'inventory'] : null;
  });

  protected templateUrl(format: ExportFormat): string {
    return this.api.importTemplateUrl(this.target(), format);
  }

  protected choose(event: Event): void {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0] ?? null;
    this.error.set(null);
    if (file && file.size > TABLE_FILE_LIMITS.maxBytes) {
      // Refused here rather than after an upload on a slow link.
      this.file.set(null);
      input.value = '';
      this.error.set({ key: 'errors.PAYLOAD_TOO_LARGE', detail: '', fields: [] });
      return;
    }
    this.file.set(file);
  }

  runPreview(): void {
    const file = this.file();
    if (!file || this.busy()) return;
    this.send(this.api.previewImport(this.target(), file, this.code()), (preview) => {
      this.preview.set(preview);
      this.step.set(2);
    });
  }

  /** Asks once more, with what the file will change, then imports it. */
  confirm(): void {
    const p = this.preview();
    if (!p || !this.canConfirm()) return;
    const counts = { rows: p.valid, create: p.create, update: p.update, unchanged: p.unchanged };
    this.dialog
      .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, {
        data: {
          title: this.translate.instant('import.confirmTitle', { name: this.file()?.name ?? '' }),
          message: this.translate.instant('import.confirmMessage', counts),
          confirm: this.translate.instant('import.confirm'),
          cancel: this.translate.instant('common.cancel'),
        },
        direction: this.localeService.dir(),
        maxWidth: '95vw',
        width: '32rem',
      })
      .afterClosed()
      .subscribe((yes) => yes === true && this.commit());
  }

  private commit(): void {
    const file = this.file();
    if (!file || !this.canConfirm()) return;
    this.send(this.api.import(this.target(), file, this.code()), (result) => {
      this.result.set(result);
      this.step.set(3);
    });
  }

  protected restart(): void {
    this.file.set(null);
    this.preview.set(null);
    this.result.set(null);
    this.error.set(null);
    this.step.set(1);
  }

  /** One request at a time, with the page busy while it runs and its error shown above the steps. */
  private send<T>(request: Observable<T>, done: (value: T) => void): void {
    this.busy.set(true);
    this.error.set(null);
    request.subscribe({
      next: (value) => {
        this.busy.set(false);
        done(value);
      },
      error: (e: ApiError) => {
        this.busy.set(false);
        this.error.set({ key: e.messageKey, detail: e.fields.length ? '' : e.message, fields: e.fields });
      },
    });
  }
}
