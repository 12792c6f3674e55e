import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { apiErrorInterceptor, LocaleService } from '@marsad/web/data-access';
import { provideTranslateService } from '@ngx-translate/core';
import { of } from 'rxjs';
import { InventoryForm, inventoryRuleKey, splitFormats } from './inventory-form';
import { itemFixture } from './testing';

function setup(item: ReturnType<typeof itemFixture> | null = null, dialogAnswer: unknown = undefined) {
  const dialog = { open: jest.fn(() => ({ afterClosed: () => of(dialogAnswer) })) };
  TestBed.configureTestingModule({
    imports: [InventoryForm],
    providers: [
      provideHttpClient(withInterceptors([apiErrorInterceptor])),
      provideHttpClientTesting(),
      provideTranslateService(),
      provideNoopAnimations(),
      { provide: MatDialog, useValue: dialog },
    ],
  });
  TestBed.inject(LocaleService).use('fr');
  const fixture = TestBed.createComponent(InventoryForm);
  fixture.componentRef.setInput('institutionCode', 'MEF');
  fixture.componentRef.setInput('item', item);
  fixture.detectChanges();
  const http = TestBed.inject(HttpTestingController);
  const form = fixture.componentInstance;
  const saved = jest.fn();
  form.saved.subscribe(saved);
  return { fixture, form, http, dialog, saved, el: fixture.nativeElement as HTMLElement };
}

function fill(form: InventoryForm, values: Record<string, unknown>) {
  form.form.patchValue({ reference: 'MEF-NEW-1', title: { ar: 'عنوان', fr: 'Titre' }, ...values });
}

describe('InventoryForm rules', () => {
  it('asks for the legal basis of a restricted item before sending anything', () => {
    const { form, http, fixture, el } = setup();
    fill(form, { classification: 'restricted', legalBasis: '' });
    form.submit();
    fixture.detectChanges();
    expect(form.form.controls.legalBasis.hasError('legalBasisRequired')).toBe(true);
    expect(el.querySelector('.inv-form__legal-error')?.textContent).toContain(
      'inventory.form.rules.legalBasisRequired',
    );
    http.expectNone('/api/v1/institutions/MEF/inventory');
    // Given a basis, the same item goes.
    form.form.controls.legalBasis.setValue('Loi 09-08, article 3');
    form.submit();
    const req = http.expectOne({ method: 'POST', url: '/api/v1/institutions/MEF/inventory' });
    expect(req.request.body).toMatchObject({
      classification: 'restricted',
      legalBasis: 'Loi 09-08, article 3',
      public: false,
    });
  });

  it('lets only open items be public or published, and re-checks when the classification changes', () => {
    const { form } = setup();
    fill(form, { classification: 'open', public: true, status: 'published' });
    expect(form.form.valid).toBe(true);
    form.form.controls.classification.setValue('not_disclosable');
    expect(form.form.controls.public.hasError('publicNeedsOpen')).toBe(true);
    expect(form.form.controls.status.hasError('publishedNeedsOpen')).toBe(true);
    expect(form.form.controls.legalBasis.hasError('legalBasisRequired')).toBe(true);
    form.form.controls.classification.setValue('open');
    expect(form.form.valid).toBe(true);
  });

  it('refuses a reference the API would refuse', () => {
    const { form } = setup();
    fill(form, { reference: 'with space' });
    expect(inventoryRuleKey(form.form.controls.reference.errors)).toBe('inventory.form.rules.reference');
    form.form.controls.reference.setValue('A.b_c-9');
    expect(form.form.controls.reference.valid).toBe(true);
  });

  it('sends what the API takes: trimmed, empty as null, formats split', () => {
    const { form } = setup();
    fill(form, { description: '  ', formats: 'csv, .XLS; json', theme: '', frequency: 'monthly' });
    expect(form.values()).toMatchObject({
      reference: 'MEF-NEW-1',
      description: null,
      theme: null,
      frequency: 'monthly',
      formats: ['csv', '.XLS', 'json'],
      plannedDate: null,
    });
    expect(splitFormats(' ')).toEqual([]);
  });

  it("puts the API's messages (in the reader's language) on the fields", () => {
    const { form, http, fixture, el } = setup();
    fill(form, {});
    form.submit();
    http.expectOne('/api/v1/institutions/MEF/inventory').flush(
      {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: 'Données invalides',
        fields: [
          { field: 'reference', rule: 'referenceTaken', message: 'Cette référence existe déjà' },
          { field: 'title.ar', rule: 'isNotEmpty', message: 'Obligatoire' },
        ],
        requestId: 'r',
      },
      { status: 400, statusText: 'Bad Request' },
    );
    fixture.detectChanges();
    expect(form.form.controls.reference.errors?.['server']).toBe('Cette référence existe déjà');
    expect(form.form.controls.title.controls.ar.errors?.['server']).toBe('Obligatoire');
    expect(inventoryRuleKey(form.form.controls.reference.errors)).toBeNull();
    expect(el.textContent).toContain('Cette référence existe déjà');
  });

  it('edits with the version read, and on 409 re-applies mine over their version', () => {
    const item = itemFixture({ version: 3 });
    const { form, http, dialog, saved } = setup(item, 'mine');
    form.form.controls.owningUnit.setValue('Direction du budget');
    form.submit();
    const first = http.expectOne({ method: 'PATCH', url: `/api/v1/inventory/${item.id}` });
    expect(first.request.body).toMatchObject({ version: 3, owningUnit: 'Direction du budget' });
    const theirs = itemFixture({ version: 4, title: { ar: 'الميزانية', fr: 'Budget de l’État' } });
    first.flush(
      { statusCode: 409, code: 'VERSION_CONFLICT', message: 'conflit', fields: [], requestId: 'r', current: theirs },
      { status: 409, statusText: 'Conflict' },
    );
    expect(dialog.open).toHaveBeenCalledTimes(1);
    const rows = (
      dialog.open.mock.calls[0] as unknown as [unknown, { data: { rows: { labelKey: string; differs: boolean }[] } }]
    )[1].data.rows;
    expect(rows.find((r) => r.labelKey === 'inventory.form.titleFr')?.differs).toBe(true);
    const second = http.expectOne({ method: 'PATCH', url: `/api/v1/inventory/${item.id}` });
    expect(second.request.body).toMatchObject({ version: 4, owningUnit: 'Direction du budget' });
    second.flush({ ...theirs, version: 5, owningUnit: 'Direction du budget' });
    expect(saved).toHaveBeenCalledWith(expect.objectContaining({ version: 5 }));
  });
});
