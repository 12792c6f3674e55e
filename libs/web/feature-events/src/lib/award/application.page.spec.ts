import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { provideRouter } from '@angular/router';
import type { AwardApplicationView, AwardEditionDetail } from '@marsad/contracts';
import { apiErrorInterceptor, LocaleService, SessionService } from '@marsad/web/data-access';
import { provideTranslateService } from '@ngx-translate/core';
import { of } from 'rxjs';
import { session } from '../testing/event-fixtures';
import { AwardApplicationPage } from './application.page';
import { answerWhenAsked, application, edition, MEF, reuse, reusePage } from './award-fixtures';
import { applicationFieldsToControls, applicationRequest } from './award-rules';

describe('AwardApplicationPage', () => {
  let fixture: ComponentFixture<AwardApplicationPage>;
  let http: HttpTestingController;
  let confirmAnswer = true;
  const dialog = { open: jest.fn(() => ({ afterClosed: () => of(confirmAnswer) })) };

  async function render(detail: AwardEditionDetail, applications: AwardApplicationView[]): Promise<HTMLElement> {
    TestBed.configureTestingModule({
      imports: [AwardApplicationPage],
      providers: [
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
        provideRouter([]),
        provideTranslateService(),
        { provide: MatDialog, useValue: dialog },
      ],
    });
    TestBed.inject(LocaleService).use('fr');
    http = TestBed.inject(HttpTestingController);
    const loading = TestBed.inject(SessionService).load();
    const officer = session('OFFICER');
    if (officer.user) officer.user.institution = MEF;
    http.expectOne('/api/v1/auth/session').flush(officer);
    await loading;
    fixture = TestBed.createComponent(AwardApplicationPage);
    fixture.componentRef.setInput('id', detail.id);
    await answerWhenAsked(fixture, http, `/api/v1/award/editions/${detail.id}`, detail);
    await answerWhenAsked(fixture, http, `/api/v1/award/editions/${detail.id}/applications`, applications);
    await answerWhenAsked(
      fixture,
      http,
      (r) =>
        r.url === '/api/v1/reuses' && r.params.get('institution') === 'MEF' && r.params.get('status') === 'published',
      reusePage([reuse('r-1', 'Budget citoyen'), reuse('r-2', 'Carte des prix')]),
    );
    await settle();
    return fixture.nativeElement as HTMLElement;
  }

  async function settle(): Promise<void> {
    await fixture.whenStable();
    fixture.detectChanges();
  }

  function type(el: HTMLElement, selector: string, value: string): void {
    const input = el.querySelector(selector) as HTMLInputElement | HTMLTextAreaElement;
    expect(input).not.toBeNull();
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  function click(el: HTMLElement, selector: string): void {
    const button = el.querySelector(selector) as HTMLButtonElement;
    expect(button).not.toBeNull();
    button.click();
  }

  afterEach(() => http.verify());

  it('saves a first draft, then sends it as complete with the version it read', async () => {
    const el = await render(edition(), []);
    expect(el.querySelector('[data-award-countdown]')?.textContent).toContain('award.apply.countdown');
    expect(el.querySelector('[data-award-locked]')).toBeNull();

    // Nothing written yet: nothing sent.
    click(el, '[data-award-save]');
    await settle();
    http.expectNone({ method: 'POST' });
    expect(el.querySelector('[data-award-missing-narrative]')).not.toBeNull();

    type(el, '[data-award-narrative="fr"]', '  Nous avons ouvert 40 jeux de données.  ');
    await settle();
    expect(el.querySelector('[data-award-counter="fr"]')?.textContent).toContain('41');
    click(el, '[data-award-link-add]');
    await settle();
    type(el, '[data-award-link] input[formcontrolname="title"]', 'Portail');
    type(el, '[data-award-link] input[formcontrolname="url"]', 'https://data.gov.ma/mef');
    (el.querySelector('[data-award-reuse="r-2"]') as HTMLInputElement).click();
    await settle();

    click(el, '[data-award-save]');
    await settle();
    const create = http.expectOne({ method: 'POST', url: '/api/v1/award/editions/ed-1/applications' });
    expect(create.request.body).toEqual({
      narrative: { fr: 'Nous avons ouvert 40 jeux de données.' },
      links: [{ title: 'Portail', url: 'https://data.gov.ma/mef' }],
      claimedReuseIds: ['r-2'],
    });
    create.flush(application({ claimedReuseIds: ['r-2'], version: 1 }));
    await settle();
    expect(el.querySelector('[data-award-status]')?.textContent).toContain('award.apply.draft');

    click(el, '[data-award-submit]');
    await settle();
    const submit = http.expectOne({ method: 'PATCH', url: '/api/v1/award/applications/app-1' });
    expect(submit.request.body).toEqual(
      expect.objectContaining({ submit: true, version: 1, claimedReuseIds: ['r-2'] }),
    );
    submit.flush(application({ submittedAt: '2025-04-02T10:00:00.000Z', version: 2 }));
    await settle();
    expect(el.querySelector('[data-award-status]')?.textContent).toContain('award.apply.complete');
  });

  it('keeps what was typed when someone saved meanwhile (409), and explains a deadline that passed', async () => {
    const el = await render(edition(), [application()]);
    expect((el.querySelector('[data-award-narrative="fr"]') as HTMLTextAreaElement).value).toBe(
      'Nous avons publié 40 jeux de données.',
    );
    type(el, '[data-award-narrative="ar"]', 'نص جديد');
    click(el, '[data-award-save]');
    await settle();
    http
      .expectOne({ method: 'PATCH', url: '/api/v1/award/applications/app-1' })
      .flush(
        { statusCode: 409, code: 'VERSION_CONFLICT', message: 'Conflit', current: application({ version: 5 }) },
        { status: 409, statusText: 'Conflict' },
      );
    await settle();
    expect(el.querySelector('[data-award-alert]')?.textContent).toContain('award.apply.conflict');
    expect((el.querySelector('[data-award-narrative="ar"]') as HTMLTextAreaElement).value).toBe('نص جديد');

    click(el, '[data-award-save]');
    await settle();
    const again = http.expectOne({ method: 'PATCH', url: '/api/v1/award/applications/app-1' });
    expect(again.request.body.version).toBe(5);
    again.flush(
      { statusCode: 409, code: 'AWARD_PHASE_CONFLICT', message: 'Phase' },
      { status: 409, statusText: 'Conflict' },
    );
    await answerWhenAsked(fixture, http, '/api/v1/award/editions/ed-1', edition({ phase: 'closed' }));
    await settle();
    expect(el.querySelector('[data-award-alert]')?.textContent).toContain('award.apply.phaseConflict');
    expect(el.querySelector('[data-award-locked]')).not.toBeNull();
  });

  it('asks to save the draft before attaching files', async () => {
    const none = await render(edition(), []);
    expect(none.querySelector('[data-award-files-save-first]')).not.toBeNull();
    expect(none.querySelector('[data-award-file-input]')).toBeNull();
  });

  it('attaches a file at once and removes one only once confirmed', async () => {
    const kept = {
      id: 'f-1',
      title: 'Rapport.pdf',
      contentType: 'application/pdf',
      sizeBytes: 2048,
      sha256: 'ab',
      createdAt: '2026-01-01T00:00:00.000Z',
    };
    const el = await render(edition(), [application({ files: [kept] })]);
    expect(el.querySelector('[data-award-file] a')?.getAttribute('href')).toBe('/api/v1/award/files/f-1');
    expect(el.querySelector('[data-award-file]')?.textContent).toMatch(/2\s?ko/i);

    const input = el.querySelector('[data-award-file-input]') as HTMLInputElement;
    const file = new File(['%PDF-1.4'], 'Annexe.pdf', { type: 'application/pdf' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    input.dispatchEvent(new Event('change'));
    const upload = http.expectOne({ method: 'POST', url: '/api/v1/award/applications/app-1/files' });
    expect((upload.request.body as FormData).get('file')).toBeInstanceOf(File);
    upload.flush({ ...kept, id: 'f-2', title: 'Annexe.pdf', sizeBytes: 8 });
    await settle();
    expect(el.querySelectorAll('[data-award-file]').length).toBe(2);

    // Declined: nothing is sent.
    confirmAnswer = false;
    click(el, '[data-award-file-remove]');
    await settle();
    http.expectNone({ method: 'DELETE' });
    confirmAnswer = true;
    click(el, '[data-award-file-remove]');
    await settle();
    http.expectOne({ method: 'DELETE', url: '/api/v1/award/applications/app-1/files/f-1' }).flush(null);
    await settle();
    expect([...el.querySelectorAll('[data-award-file]')].map((li) => li.textContent)).toEqual([
      expect.stringContaining('Annexe.pdf'),
    ]);

    // The deadline passed meanwhile: the server's 409 is said, and the edition read again.
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    input.dispatchEvent(new Event('change'));
    http
      .expectOne({ method: 'POST', url: '/api/v1/award/applications/app-1/files' })
      .flush(
        { statusCode: 409, code: 'AWARD_PHASE_CONFLICT', message: 'Les candidatures sont verrouillées', fields: [] },
        { status: 409, statusText: 'Conflict' },
      );
    await answerWhenAsked(fixture, http, '/api/v1/award/editions/ed-1', edition({ phase: 'scoring' }));
    await settle();
    expect(el.querySelector('[data-award-file-error]')?.textContent).toContain('verrouillées');
    expect(el.querySelector('[data-award-file-input]')).toBeNull();
    expect(el.querySelector('[data-award-file-remove]')).toBeNull();
  });

  it('is read-only after the deadline, saying since when, and shows the frozen automated values', async () => {
    const el = await render(
      edition({
        phase: 'scoring',
        applicationsCloseAt: '2025-04-30T22:59:00.000Z',
        frozenAt: '2025-04-30T23:00:00.000Z',
      }),
      [
        application({
          locked: true,
          submittedAt: '2025-04-20T10:00:00.000Z',
          automated: [
            { criterionId: 'c-pub', raw: 82, value: 8.2 },
            { criterionId: 'c-reuse', raw: 3, value: 3 },
          ],
        }),
      ],
    );
    expect(el.querySelector('[data-award-locked]')?.textContent).toContain('award.apply.lockedSince');
    expect(el.querySelector('[data-award-save]')).toBeNull();
    expect(el.querySelector('[data-award-submit]')).toBeNull();
    expect(el.querySelector('[data-award-link-add]')).toBeNull();
    expect((el.querySelector('[data-award-narrative="fr"]') as HTMLTextAreaElement).disabled).toBe(true);
    expect((el.querySelector('[data-award-reuse="r-1"]') as HTMLInputElement).disabled).toBe(true);
    expect(el.querySelector('[data-award-file-input]')).toBeNull();
    expect(el.querySelector('[data-award-countdown]')).toBeNull();
    const frozen = el.querySelector('[data-award-automated]') as HTMLElement;
    expect(frozen.querySelector('[data-criterion="c-pub"]')?.textContent).toContain('8,2');
    expect(frozen.querySelector('[data-criterion="c-reuse"]')?.textContent).toContain('3');
  });
});

describe('application rules', () => {
  it('sends both narratives trimmed, drops empty links and asks to submit only when told', () => {
    expect(
      applicationRequest(
        {
          narrativeAr: ' ',
          narrativeFr: ' Texte ',
          links: [
            { title: ' A ', url: ' https://a.ma ' },
            { title: '', url: '' },
          ],
          claimedReuseIds: ['r-1'],
        },
        false,
      ),
    ).toEqual({ narrative: { fr: 'Texte' }, links: [{ title: 'A', url: 'https://a.ma' }], claimedReuseIds: ['r-1'] });
    expect(
      applicationRequest({ narrativeAr: 'نص', narrativeFr: '', links: [], claimedReuseIds: [] }, true).submit,
    ).toBe(true);
  });

  it('maps the API’s field paths onto the form', () => {
    expect(
      applicationFieldsToControls([
        { field: 'narrative.ar', rule: 'r', message: 'm' },
        { field: 'narrative', rule: 'r', message: 'm' },
        { field: 'claimedReuseIds.3', rule: 'r', message: 'm' },
        { field: 'links.0.url', rule: 'r', message: 'm' },
      ]).map((f) => f.field),
    ).toEqual(['narrativeAr', 'narrativeFr', 'claimedReuseIds', 'links.0.url']);
  });
});
