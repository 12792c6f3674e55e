import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { apiErrorInterceptor, LocaleService } from '@marsad/web/data-access';
import { provideTranslateService } from '@ngx-translate/core';
import { page } from '../testing/event-fixtures';
import { portalDataset } from './reuse-fixtures';
import { ReuseProposePage } from './reuse-propose.page';
import { proposeRequest, reuseFieldsToControls, reusesQueryFrom, emptyReuseForm } from './reuse-rules';

describe('ReuseProposePage', () => {
  let fixture: ComponentFixture<ReuseProposePage>;
  let http: HttpTestingController;

  async function render(): Promise<HTMLElement> {
    TestBed.configureTestingModule({
      imports: [ReuseProposePage],
      providers: [
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
        provideRouter([]),
        provideTranslateService(),
      ],
    });
    TestBed.inject(LocaleService).use('fr');
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ReuseProposePage);
    fixture.detectChanges();
    await settle();
    return fixture.nativeElement as HTMLElement;
  }

  async function settle(): Promise<void> {
    await fixture.whenStable();
    fixture.detectChanges();
  }

  function type(el: HTMLElement, selector: string, value: string): void {
    const input = el.querySelector(selector) as HTMLInputElement;
    expect(input).not.toBeNull();
    input.value = value;
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new Event('blur'));
  }

  async function choose(el: HTMLElement, selectHook: string, optionText: string): Promise<void> {
    (el.querySelector(`${selectHook} .mat-mdc-select-trigger`) as HTMLElement).click();
    await settle();
    const option = Array.from(document.querySelectorAll('mat-option')).find((o) =>
      o.textContent?.includes(optionText),
    ) as HTMLElement;
    expect(option).toBeDefined();
    option.click();
    await settle();
  }

  /** Finds a dataset of the portal in the picker and chooses it. */
  async function pickDataset(el: HTMLElement, q: string, ckanId: string, title: string): Promise<void> {
    const input = el.querySelector('[data-dataset-picker]') as HTMLInputElement;
    type(el, '[data-dataset-picker]', q);
    input.dispatchEvent(new Event('focusin'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const search = http.expectOne((r) => r.url === '/api/v1/portal/datasets' && r.params.get('q') === q);
    search.flush(page([portalDataset({ ckanId, title })]));
    await settle();
    (document.querySelector(`mat-option[data-dataset-option="${ckanId}"]`) as HTMLElement).click();
    await settle();
  }

  async function fill(el: HTMLElement): Promise<void> {
    type(el, '[formcontrolname="titleFr"]', '  Budget citoyen  ');
    type(el, '[formcontrolname="descriptionAr"]', 'تطبيق يشرح الميزانية');
    await choose(el, '[data-reuse-type]', 'reuses.reuserTypes.startup');
    type(el, '[formcontrolname="url"]', 'https://budget.example.ma');
    await pickDataset(el, 'finances', 'ckan-1', 'Loi de finances 2024');
  }

  function submit(el: HTMLElement): void {
    (el.querySelector('[data-reuse-submit]') as HTMLButtonElement).click();
  }

  afterEach(() => http.verify());

  it('sends nothing while a title, a description, the type, the address or a dataset is missing', async () => {
    const el = await render();
    submit(el);
    await settle();
    http.expectNone({ method: 'POST' });
    expect(el.querySelector('[data-missing-title]')?.textContent).toContain('reuses.form.titleRequired');
    expect(el.querySelector('[data-missing-description]')?.textContent).toContain('reuses.form.descriptionRequired');
    expect(el.querySelector('[data-datasets-error]')?.textContent).toContain('reuses.form.datasetsRequired');
    expect(el.querySelector('[data-reuse-form]')?.textContent).toContain('validation.required');

    // An address that is not a web page is refused before sending.
    type(el, '[formcontrolname="url"]', 'javascript:alert(1)');
    submit(el);
    await settle();
    http.expectNone({ method: 'POST' });
    expect(el.querySelector('[data-reuse-form]')?.textContent).toContain('validation.url');
  });

  it('hides the honeypot from people and sends it empty with the proposal, then says what happens next', async () => {
    const el = await render();
    const trap = el.querySelector('input[name="website"]') as HTMLInputElement;
    expect(trap.getAttribute('tabindex')).toBe('-1');
    expect(trap.getAttribute('autocomplete')).toBe('off');
    expect(trap.closest('[aria-hidden="true"]')).not.toBeNull();
    // The contact's use is explained next to it.
    expect(el.querySelector('[data-contact-privacy]')?.textContent).toContain('reuses.form.contactPrivacy');

    await fill(el);
    expect(el.querySelector('[data-dataset-chip="ckan-1"]')?.textContent).toContain('Loi de finances 2024');
    submit(el);
    await settle();
    const req = http.expectOne({ method: 'POST', url: '/api/v1/reuses' });
    expect(req.request.body).toEqual({
      title: { fr: 'Budget citoyen' },
      description: { ar: 'تطبيق يشرح الميزانية' },
      reuserType: 'startup',
      url: 'https://budget.example.ma',
      origin: 'spontaneous',
      datasetIds: ['ckan-1'],
      contactEmail: null,
      website: '',
    });
    req.flush({ id: 'r-5', status: 'submitted' }, { status: 202, statusText: 'Accepted' });
    await settle();
    const success = el.querySelector('[data-reuse-success]') as HTMLElement;
    expect(success.textContent).toContain('reuses.propose.sentMessage');
    expect(success.querySelector('a')?.getAttribute('href')).toBe('/fr/reuses');
    expect(el.querySelector('[data-reuse-form]')).toBeNull();

    // Another one starts from an empty form.
    (el.querySelector('[data-propose-another]') as HTMLButtonElement).click();
    await settle();
    expect((el.querySelector('[formcontrolname="titleFr"]') as HTMLInputElement).value).toBe('');
  });

  it('sends the contact e-mail when one is left, and refuses one that is not an address', async () => {
    const el = await render();
    await fill(el);
    type(el, '[formcontrolname="contactEmail"]', 'pas-un-email');
    submit(el);
    await settle();
    http.expectNone({ method: 'POST' });
    expect(el.querySelector('[data-reuse-form]')?.textContent).toContain('validation.email');
    type(el, '[formcontrolname="contactEmail"]', ' equipe@example.ma ');
    submit(el);
    await settle();
    const req = http.expectOne({ method: 'POST', url: '/api/v1/reuses' });
    expect(req.request.body.contactEmail).toBe('equipe@example.ma');
    req.flush({ id: 'r-6', status: 'submitted' }, { status: 202, statusText: 'Accepted' });
    await settle();
  });

  it('puts the API’s rule messages next to the fields they concern', async () => {
    const el = await render();
    await fill(el);
    submit(el);
    await settle();
    http.expectOne({ method: 'POST', url: '/api/v1/reuses' }).flush(
      {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: 'Invalide',
        fields: [
          { field: 'url', rule: 'isUrl', message: 'Adresse web invalide' },
          { field: 'datasetIds.0', rule: 'unknownDataset', message: 'Jeu de données inconnu du portail' },
          { field: 'title.fr', rule: 'maxLength', message: 'Titre trop long' },
        ],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();
    const form = el.querySelector('[data-reuse-form]') as HTMLElement;
    expect(form.querySelector('[data-datasets-error]')?.textContent).toContain('Jeu de données inconnu du portail');
    expect(form.textContent).toContain('Adresse web invalide');
    expect(form.textContent).toContain('Titre trop long');
    expect(el.querySelector('[data-reuse-success]')).toBeNull();
  });

  it('explains a refusal for too many proposals (429) and keeps what was typed', async () => {
    const el = await render();
    await fill(el);
    submit(el);
    await settle();
    http
      .expectOne({ method: 'POST', url: '/api/v1/reuses' })
      .flush(
        { statusCode: 429, code: 'TOO_MANY_REQUESTS', message: 'Trop de requêtes' },
        { status: 429, statusText: 'Too Many Requests' },
      );
    await settle();
    expect(el.querySelector('[data-reuse-alert]')?.textContent).toContain('reuses.form.tooMany');
    expect((el.querySelector('[formcontrolname="titleFr"]') as HTMLInputElement).value).toBe('  Budget citoyen  ');
  });
});

describe('reuse rules', () => {
  it('reads the showcase query from the URL, with a status for coordinators only', () => {
    expect(reusesQueryFrom({ theme: ' sante ', institution: 'MEF', reuserType: 'media', page: '3' }, false)).toEqual({
      pageSize: 12,
      theme: 'sante',
      institution: 'MEF',
      reuserType: 'media',
      page: 3,
    });
    expect(reusesQueryFrom({ status: 'submitted', institution: 'x y' }, false)).toEqual({ pageSize: 12 });
    expect(reusesQueryFrom({ status: 'submitted' }, true).status).toBe('submitted');
    expect(reusesQueryFrom({ status: 'bogus' }, true).status).toBe('published');
  });

  it('builds no proposal while something required is missing', () => {
    expect(proposeRequest(emptyReuseForm())).toBeNull();
    expect(
      proposeRequest({
        ...emptyReuseForm(),
        titleAr: 'عنوان',
        descriptionFr: 'Texte',
        reuserType: 'media',
        url: 'https://x.ma',
        datasetIds: [],
      }),
    ).toBeNull();
  });

  it('maps the API’s field paths onto the form’s controls', () => {
    const mapped = reuseFieldsToControls([
      { field: 'title', rule: 'r', message: 'm' },
      { field: 'title.ar', rule: 'r', message: 'm' },
      { field: 'description.fr', rule: 'r', message: 'm' },
      { field: 'datasetIds.4', rule: 'r', message: 'm' },
      { field: 'url', rule: 'r', message: 'm' },
    ]).map((f) => f.field);
    expect(mapped).toEqual(['titleFr', 'titleAr', 'descriptionFr', 'datasetIds', 'url']);
  });
});
