import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { ImportPreview } from '@marsad/contracts';
import { LocaleService } from '@marsad/web/data-access';
import { provideTranslateService } from '@ngx-translate/core';
import { OfficersImportPage } from './officers-import.page';

async function previewWith(preview: ImportPreview) {
  TestBed.configureTestingModule({
    imports: [OfficersImportPage],
    providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), provideTranslateService()],
  });
  TestBed.inject(LocaleService).use('fr');
  const http = TestBed.inject(HttpTestingController);
  const fixture = TestBed.createComponent(OfficersImportPage);
  fixture.detectChanges();
  const page = fixture.componentInstance as unknown as { file: { set(f: File): void } } & OfficersImportPage;
  page.file.set(new File(['email\n'], 'officers.csv', { type: 'text/csv' }));
  page.runPreview();
  http.expectOne({ method: 'POST', url: '/api/v1/officers/import/preview' }).flush(preview);
  fixture.detectChanges();
  await fixture.whenStable();
  return { fixture, page, http, el: fixture.nativeElement as HTMLElement };
}

describe('OfficersImportPage', () => {
  it('lists the issues and keeps confirm disabled while the file has any', async () => {
    const { page, el, http } = await previewWith({
      rows: 2, valid: 1, create: 1, update: 0, unchanged: 0,
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
    http.expectNone('/api/v1/officers/import');
  });

  it('enables confirm on a clean preview and imports the file', async () => {
    const { page, el, http, fixture } = await previewWith({ rows: 2, valid: 2, create: 1, update: 1, unchanged: 0, issues: [] });
    const confirm = el.querySelector('button.imp-confirm') as HTMLButtonElement;
    expect(confirm.disabled).toBe(false);
    page.confirm();
    http.expectOne({ method: 'POST', url: '/api/v1/officers/import' }).flush({ created: 1, updated: 1, unchanged: 0 });
    fixture.detectChanges();
    expect(el.textContent).toContain('import.done');
  });
});
