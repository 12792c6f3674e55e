import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import type { FieldError as ApiFieldError, ImportPreview, ImportResult } from '@marsad/contracts';
import { ApiError, LocaleService, OfficersApi, RegistryApi } from '@marsad/web/data-access';
import { LoadingIndicator, LocaleNumberPipe } from '@marsad/web/ui';
import { TranslatePipe } from '@ngx-translate/core';

export type ImportStep = 1 | 2 | 3;

/** Imports RODs and GdDs from a spreadsheet: template and file, preview (nothing written), then confirm. */
@Component({
  selector: 'msd-officers-import-page',
  imports: [RouterLink, TranslatePipe, MatButton, LoadingIndicator, LocaleNumberPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './officers-import.page.html',
  styleUrl: './officers-import.page.scss',
})
export class OfficersImportPage {
  private readonly registry = inject(RegistryApi);
  private readonly api = inject(OfficersApi);
  protected readonly locale = inject(LocaleService).locale;

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

  protected templateUrl(format: 'xlsx' | 'csv'): string {
    return this.registry.importTemplateUrl(format);
  }

  protected choose(event: Event): void {
    const input = event.target as HTMLInputElement;
    this.file.set(input.files?.[0] ?? null);
    this.error.set(null);
  }

  runPreview(): void {
    const file = this.file();
    if (!file || this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    this.api.previewImport(file).subscribe({
      next: (preview) => {
        this.busy.set(false);
        this.preview.set(preview);
        this.step.set(2);
      },
      error: (e: ApiError) => this.fail(e),
    });
  }

  confirm(): void {
    const file = this.file();
    if (!file || !this.canConfirm()) return;
    this.busy.set(true);
    this.error.set(null);
    this.api.import(file).subscribe({
      next: (result) => {
        this.busy.set(false);
        this.result.set(result);
        this.step.set(3);
      },
      error: (e: ApiError) => this.fail(e),
    });
  }

  protected restart(): void {
    this.file.set(null);
    this.preview.set(null);
    this.result.set(null);
    this.error.set(null);
    this.step.set(1);
  }

  private fail(e: ApiError): void {
    this.busy.set(false);
    this.error.set({ key: e.messageKey, detail: e.fields.length ? '' : e.message, fields: e.fields });
  }
}
