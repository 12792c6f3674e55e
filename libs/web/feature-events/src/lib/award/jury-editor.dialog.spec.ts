import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import type { AwardJurorView, JurorCandidate } from '@marsad/contracts';
import { apiErrorInterceptor, LocaleService } from '@marsad/web/data-access';
import { provideTranslateService } from '@ngx-translate/core';
import { institution, page } from '../testing/event-fixtures';
import { ADD, edition, HCP, MEF } from './award-fixtures';
import { JuryEditorDialog, type JuryEditorData } from './jury-editor.dialog';

const AMINA: AwardJurorView = { userId: 'u-1', displayName: 'Amina Juré', institution: MEF, conflicts: [HCP] };
const YOUSSEF: AwardJurorView = { userId: 'u-3', displayName: 'Youssef Comité', institution: null, conflicts: [] };
const KARIM: JurorCandidate = {
  userId: 'u-2',
  displayName: 'Karim Bennani',
  institution: ADD,
  role: 'DATA_MANAGER',
  maskedEmail: 'k***@add.gov.ma',
};

describe('JuryEditorDialog', () => {
  let fixture: ComponentFixture<JuryEditorDialog>;
  let http: HttpTestingController;
  let close: jest.Mock;
  let el: HTMLElement;

  async function render(jurors: AwardJurorView[]): Promise<void> {
    close = jest.fn();
    const data: JuryEditorData = { edition: edition({ jurors }) };
    TestBed.configureTestingModule({
      imports: [JuryEditorDialog],
      providers: [
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
        provideTranslateService(),
        { provide: MAT_DIALOG_DATA, useValue: data },
        { provide: MatDialogRef, useValue: { close } },
      ],
    });
    TestBed.inject(LocaleService).use('fr');
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(JuryEditorDialog);
    fixture.detectChanges();
    await settle();
    el = fixture.nativeElement as HTMLElement;
  }

  async function settle(): Promise<void> {
    await fixture.whenStable();
    fixture.detectChanges();
  }

  /** Types into an autocomplete's field and waits past its debounce. */
  async function typeIn(input: HTMLInputElement, text: string): Promise<void> {
    input.value = text;
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new Event('focusin'));
    await new Promise((resolve) => setTimeout(resolve, 350));
  }

  const rowIds = () => [...el.querySelectorAll('[data-jury-row]')].map((r) => r.getAttribute('data-jury-row'));

  afterEach(() => {
    http.verify();
    // The autocomplete's panels live in the overlay container, outside the fixture.
    document.querySelectorAll('.cdk-overlay-container').forEach((c) => (c.innerHTML = ''));
  });

  it('finds an account, adds it with a declared conflict, and sends the whole jury on Save', async () => {
    await render([AMINA]);
    expect(el.hasAttribute('data-jury-editor')).toBe(true);
    expect(rowIds()).toEqual(['u-1']);
    const amina = el.querySelector('[data-jury-row="u-1"]') as HTMLElement;
    expect(amina.textContent).toContain("Ministère de l'Économie et des Finances");
    expect(amina.querySelector('[data-jury-conflict="HCP"]')?.textContent).toContain('Haut-Commissariat au Plan');

    // One letter searches nothing; two do, once the typing pauses.
    const search = el.querySelector('[data-jury-candidate-search]') as HTMLInputElement;
    await typeIn(search, 'K');
    http.expectNone((r) => r.url === '/api/v1/award/juror-candidates');
    await typeIn(search, 'Ka');
    http
      .expectOne((r) => r.url === '/api/v1/award/juror-candidates' && r.params.get('q') === 'Ka')
      // Amina is on the jury already: not offered again.
      .flush([
        { userId: 'u-1', displayName: 'Amina Juré', institution: MEF, role: 'OFFICER', maskedEmail: 'a***@mef.gov.ma' },
        KARIM,
      ]);
    await settle();
    expect(document.querySelector('mat-option[data-jury-candidate-option="u-1"]')).toBeNull();
    const option = document.querySelector('mat-option[data-jury-candidate-option="u-2"]') as HTMLElement;
    expect(option.textContent).toContain('Karim Bennani');
    expect(option.textContent).toContain('Agence de Développement du Digital');
    expect(option.textContent).toContain('k***@add.gov.ma');
    option.click();
    await settle();
    expect(rowIds()).toEqual(['u-1', 'u-2']);
    expect(search.value).toBe('');
    const karim = el.querySelector('[data-jury-row="u-2"]') as HTMLElement;
    expect(karim.textContent).toContain('k***@add.gov.ma');

    // Karim declares a conflict with the HCP, through the registry's picker.
    await typeIn(karim.querySelector('[data-institution-picker]') as HTMLInputElement, 'Plan');
    http
      .expectOne((r) => r.url === '/api/v1/institutions' && r.params.get('q') === 'Plan')
      .flush(page([institution(HCP)]));
    await settle();
    (document.querySelector('mat-option[data-option="HCP"]') as HTMLElement).click();
    await settle();
    expect(karim.querySelector('[data-jury-conflict="HCP"]')).not.toBeNull();

    (el.querySelector('[data-jury-save]') as HTMLButtonElement).click();
    const put = http.expectOne({ method: 'PUT', url: '/api/v1/award/editions/ed-1/jurors' });
    expect(put.request.body).toEqual({
      jurors: [
        { userId: 'u-1', conflictCodes: ['HCP'] },
        { userId: 'u-2', conflictCodes: ['HCP'] },
      ],
    });
    const saved = edition({
      jurors: [AMINA, { userId: 'u-2', displayName: 'Karim Bennani', institution: ADD, conflicts: [HCP] }],
    });
    put.flush(saved);
    await settle();
    expect(close).toHaveBeenCalledWith(saved);
  });

  it('removes a juror and a conflict in place, sending nothing before Save', async () => {
    await render([AMINA, YOUSSEF]);
    (el.querySelector('[data-jury-row="u-1"] [data-jury-remove]') as HTMLButtonElement).click();
    await settle();
    expect(rowIds()).toEqual(['u-3']);
    http.expectNone(() => true);
    expect(close).not.toHaveBeenCalled();

    (el.querySelector('[data-jury-save]') as HTMLButtonElement).click();
    const put = http.expectOne({ method: 'PUT', url: '/api/v1/award/editions/ed-1/jurors' });
    expect(put.request.body).toEqual({ jurors: [{ userId: 'u-3', conflictCodes: [] }] });
    put.flush(edition({ jurors: [YOUSSEF] }));
    await settle();
    expect(close).toHaveBeenCalledTimes(1);
  });

  it('drops a declared conflict, and may empty the jury', async () => {
    await render([AMINA]);
    (el.querySelector('[data-jury-conflict="HCP"] [data-jury-conflict-remove]') as HTMLButtonElement).click();
    await settle();
    expect(el.querySelector('[data-jury-conflict]')).toBeNull();
    (el.querySelector('[data-jury-remove]') as HTMLButtonElement).click();
    await settle();
    expect(el.querySelector('[data-jury-empty]')).not.toBeNull();
    (el.querySelector('[data-jury-save]') as HTMLButtonElement).click();
    const put = http.expectOne({ method: 'PUT', url: '/api/v1/award/editions/ed-1/jurors' });
    expect(put.request.body).toEqual({ jurors: [] });
    put.flush(edition({ jurors: [] }));
    await settle();
  });

  it('shows a refusal with the API’s error display, naming the juror, and stays open', async () => {
    await render([AMINA]);
    (el.querySelector('[data-jury-save]') as HTMLButtonElement).click();
    http.expectOne({ method: 'PUT', url: '/api/v1/award/editions/ed-1/jurors' }).flush(
      {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: 'Invalid',
        fields: [{ field: 'jurors.0.userId', rule: 'unknownAccount', message: 'jurors.0.userId : aucun compte actif' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();
    const alert = el.querySelector('[data-jury-error]') as HTMLElement;
    expect(alert.getAttribute('role')).toBe('alert');
    expect(alert.textContent).toContain('errors.VALIDATION_FAILED');
    expect(alert.textContent).toContain('Amina Juré');
    expect(alert.textContent).toContain('aucun compte actif');
    expect(close).not.toHaveBeenCalled();
    expect((el.querySelector('[data-jury-save]') as HTMLButtonElement).disabled).toBe(false);
  });
});
