import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { provideRouter } from '@angular/router';
import { TABLE_FILE_LIMITS, type ImportPreview } from '@marsad/contracts';
import { LocaleService, type ImportTarget } from '@marsad/web/data-access';
import { provideTranslateService } from '@ngx-translate/core';
import { of } from 'rxjs';
import { ImportPage } from './import.page';

/** Opens the page for `target`, previews a file, and answers the confirmation dialog with `answer`. */
async function previewWith(target: ImportTarget, preview: ImportPreview, answer = true, code?: string) {
  const dialog = { open: jest.fn(() => ({ afterClosed: () => of(answer) })) };
  TestBed.configureTestingModule({
    imports: [ImportPage],
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      provideRouter([]),
      provideTranslateService(),
      { provide: MatDialog, useValue: dialog },
    ],
  });
  TestBed.inject(LocaleService).use('fr');
  const http = TestBed.inject(HttpTestingController);
  const fixture = TestBed.createComponent(ImportPage);
  fixture.componentRef.setInput('target', target);
  if (code) fixture.componentRef.setInput('code', code);
  fixture.detectChanges();
  const el = fixture.nativeElement as HTMLElement;
  const heading = el.querySelector('h1')?.textContent ?? '';
  const templates = [...el.querySelectorAll('a[download]')].map((a) => a.getAttribute('href'));
  const page = fixture.componentInstance as unknown as { file: { set(f: File): void } } & ImportPage;
  page.file.set(new File(['code\n'], 'file.csv', { type: 'text/csv' }));
  page.runPreview();
  const previewUrl =
    target === 'inventory'
      ? `/api/v1/institutions/${code}/inventory/import/preview`
      : `/api/v1/${target}/import/preview`;
  http.expectOne({ method: 'POST', url: previewUrl }).flush(preview);
  fixture.detectChanges();
  await fixture.whenStable();
  return { fixture, page, http, el, dialog, heading, templates };
}

const CLEAN: ImportPreview = { rows: 2, valid: 2, create: 1, update: 1, unchanged: 0, issues: [] };

describe('ImportPage', () => {
  it('says what a file may hold, and refuses a file over the size limit before sending it', () => {
    TestBed.configureTestingModule({
      imports: [ImportPage],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), provideTranslateService()],
    });
    TestBed.inject(LocaleService).use('fr');
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(ImportPage);
    fixture.componentRef.setInput('target', 'officers');
    fixture.detectChanges();
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('.imp-file__limits')?.textContent).toContain('import.limits');
    const input = el.querySelector('input[type=file]') as HTMLInputElement;
    const big = new File([new Uint8Array(TABLE_FILE_LIMITS.maxBytes + 1)], 'big.xlsx');
    Object.defineProperty(input, 'files', { value: [big] });
    input.dispatchEvent(new Event('change'));
    fixture.detectChanges();
    expect(el.textContent).toContain('errors.PAYLOAD_TOO_LARGE');
    expect((el.querySelector('.msd-form__actions button') as HTMLButtonElement).disabled).toBe(true);
    http.verify();
  });

  it('lists the issues and keeps confirm disabled while the file has any', async () => {
    const { page, el, http, dialog } = await previewWith('officers', {
      rows: 2,
      valid: 1,
      create: 1,
      update: 0,
      unchanged: 0,
      issues: [{ row: 3, column: 'email', rule: 'isEmail', value: 'nobody', message: 'Adresse invalide' }],
    });
    expect(page.canConfirm()).toBe(false);
    const confirm = el.querySelector('button.imp-confirm') as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    const row = el.querySelector('table.imp-issues tbody tr') as HTMLElement;
    expect(row.textContent).toContain('3');
    expect(row.textContent).toContain('nobody');
    expect(el.textContent).toContain('import.fixAndRetry');
    page.confirm();
    expect(dialog.open).not.toHaveBeenCalled();
    http.expectNone('/api/v1/officers/import');
  });

  it('enables confirm on a clean preview, asks once more, and imports the file', async () => {
    const { el, http, fixture, dialog } = await previewWith('officers', CLEAN);
    const confirm = el.querySelector('button.imp-confirm') as HTMLButtonElement;
    expect(confirm.disabled).toBe(false);
    confirm.click();
    expect(dialog.open).toHaveBeenCalledTimes(1);
    const request = http.expectOne({ method: 'POST', url: '/api/v1/officers/import' });
    fixture.detectChanges();
    expect(el.textContent).toContain('import.importing');
    expect((el.querySelector('button.imp-confirm') as HTMLButtonElement).disabled).toBe(true);
    request.flush({ created: 1, updated: 1, unchanged: 0 });
    fixture.detectChanges();
    expect(el.textContent).toContain('import.done');
  });

  it('writes nothing when the confirmation is declined', async () => {
    const { page, http } = await previewWith('institutions', CLEAN, false);
    page.confirm();
    http.expectNone('/api/v1/institutions/import');
    expect(page.canConfirm()).toBe(true);
  });

  it('imports administrations through their own endpoints, template and headings', async () => {
    const { page, http, heading, templates } = await previewWith('institutions', CLEAN);
    expect(heading).toContain('registry.import.title');
    expect(templates).toEqual([
      '/api/v1/institutions/import-template?format=xlsx',
      '/api/v1/institutions/import-template?format=csv',
    ]);
    page.confirm();
    http
      .expectOne({ method: 'POST', url: '/api/v1/institutions/import' })
      .flush({ created: 1, updated: 1, unchanged: 0 });
    http.expectNone('/api/v1/officers/import');
  });

  it("imports an administration's inventory through that administration's endpoints, and leads back to it", async () => {
    const { page, http, heading, templates, fixture, el } = await previewWith('inventory', CLEAN, true, 'MEF');
    expect(heading).toContain('inventory.import.title');
    expect(el.querySelector('.msd-eyebrow')?.textContent).toContain('inventory.import.eyebrow');
    expect(templates).toEqual([
      '/api/v1/inventory/import-template?format=xlsx',
      '/api/v1/inventory/import-template?format=csv',
    ]);
    page.confirm();
    http
      .expectOne({ method: 'POST', url: '/api/v1/institutions/MEF/inventory/import' })
      .flush({ created: 1, updated: 1, unchanged: 0 });
    http.expectNone('/api/v1/inventory/import');
    fixture.detectChanges();
    expect(el.querySelector('a.imp-to-inventory')?.getAttribute('href')).toBe('/fr/institutions/MEF/inventory');
  });
});
