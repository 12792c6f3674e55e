import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { provideRouter, Router } from '@angular/router';
import type { ReusePage, Role, SessionView } from '@marsad/contracts';
import { apiErrorInterceptor, LocaleService, SessionService } from '@marsad/web/data-access';
import { provideTranslateService } from '@ngx-translate/core';
import { of } from 'rxjs';
import { session } from '../testing/event-fixtures';
import { reusePage, reuseView, submittedReuse } from './reuse-fixtures';
import { ReusesPage } from './reuses.page';

const SIGNED_OUT: SessionView = { user: null, csrfToken: null, expiresAt: null };

describe('ReusesPage', () => {
  let fixture: ComponentFixture<ReusesPage>;
  let http: HttpTestingController;
  let navigate: jest.SpyInstance;
  let dialogAnswer: unknown = true;
  const dialog = { open: jest.fn(() => ({ afterClosed: () => of(dialogAnswer) })) };

  const isList = (status?: string) => (r: { url: string; params: { get(k: string): string | null } }) =>
    r.url === '/api/v1/reuses' && r.params.get('status') === (status ?? null) && r.params.get('pageSize') === '12';
  const isWaiting = (r: { url: string; params: { get(k: string): string | null } }) =>
    r.url === '/api/v1/reuses' && r.params.get('status') === 'submitted' && r.params.get('pageSize') === '1';

  /** Renders the page; coordinators' pages also ask how many proposals wait. */
  async function render(
    who: Role | null,
    query: Record<string, string> = {},
    body: ReusePage = reusePage([
      reuseView(),
      reuseView({ id: 'r-2', title: { ar: 'لوحة قيادة المياه' }, themes: [] }),
    ]),
  ): Promise<{ el: HTMLElement; list: TestRequest }> {
    TestBed.configureTestingModule({
      imports: [ReusesPage],
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
    http.expectOne('/api/v1/auth/session').flush(who ? session(who) : SIGNED_OUT);
    await loading;
    navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    fixture = TestBed.createComponent(ReusesPage);
    for (const [k, v] of Object.entries(query)) fixture.componentRef.setInput(k, v);
    fixture.detectChanges();
    TestBed.tick();
    const list = http.expectOne((r) => r.url === '/api/v1/reuses' && r.params.get('pageSize') === '12');
    const moderator = who === 'COORDINATOR';
    if (moderator) http.expectOne(isWaiting).flush(reusePage([], { total: 3 }));
    list.flush(body);
    await settle();
    return { el: fixture.nativeElement as HTMLElement, list };
  }

  async function settle(): Promise<void> {
    await fixture.whenStable();
    fixture.detectChanges();
  }

  /** After a write: lets the moderation's promise end, then the lists ask again. */
  async function afterWrite(): Promise<void> {
    // Not whenStable: the lists' new requests keep the app busy until they are answered.
    await new Promise((resolve) => setTimeout(resolve));
    fixture.detectChanges();
    TestBed.tick();
  }

  async function choose(el: HTMLElement, selectHook: string, optionText: string): Promise<void> {
    const trigger = el.querySelector(`${selectHook} .mat-mdc-select-trigger`) as HTMLElement;
    expect(trigger).not.toBeNull();
    trigger.click();
    await settle();
    const option = Array.from(document.querySelectorAll('mat-option')).find((o) =>
      o.textContent?.includes(optionText),
    ) as HTMLElement;
    expect(option).toBeDefined();
    option.click();
    await settle();
  }

  beforeEach(() => {
    dialogAnswer = true;
    dialog.open.mockClear();
  });
  afterEach(() => http.verify());

  it('shows the public the published reuses as cards, with their facts, and a button to propose one', async () => {
    const { el, list } = await render(null);
    // The public never asks for a status: the API shows it published reuses only.
    expect(list.request.params.has('status')).toBe(false);
    const cards = el.querySelectorAll('[data-reuse-card]');
    expect(cards).toHaveLength(2);
    const first = cards[0] as HTMLElement;
    const title = first.querySelector('[data-reuse-title]') as HTMLAnchorElement;
    expect(title.textContent?.trim()).toBe('Budget citoyen interactif');
    expect(title.getAttribute('href')).toBe('/fr/reuses/r-1');
    expect(first.textContent).toContain('reuses.reuserTypes.startup');
    expect(first.textContent).toContain('reuses.origins.hackathon');
    expect(first.querySelector('.theme-chip')?.textContent).toContain('economie-finances');
    expect(first.querySelector('[data-reuse-institutions]')?.textContent).toContain(
      "Ministère de l'Économie et des Finances",
    );
    expect(first.textContent).toContain('reuses.publishedOn');
    const out = first.querySelector('[data-reuse-link]') as HTMLAnchorElement;
    expect(out.getAttribute('href')).toBe('https://budget.example.ma');
    expect(out.getAttribute('target')).toBe('_blank');
    expect(out.getAttribute('rel')).toBe('noopener noreferrer');
    // A title only in Arabic is shown in Arabic, marked as such.
    const second = cards[1].querySelector('[data-reuse-title]') as HTMLElement;
    expect(second.textContent?.trim()).toBe('لوحة قيادة المياه');
    expect(second.getAttribute('lang')).toBe('ar');
    expect(el.querySelector('[data-reuses-count]')?.textContent).toContain('reuses.count');
    expect(el.querySelector('[data-reuses-count]')?.textContent).toContain('reuses.asOf');
    expect(el.querySelector('[data-propose-reuse]')?.getAttribute('href')).toBe('/fr/reuses/propose');
    // No moderation for the public, and no private facts.
    expect(el.querySelector('[data-moderation]')).toBeNull();
    expect(el.querySelector('[data-publish-reuse]')).toBeNull();
    expect(el.querySelector('[data-reuse-private]')).toBeNull();
  });

  it('asks the API with the filters of the URL, and puts a new filter in the URL', async () => {
    const { el, list } = await render(null, {
      theme: 'education',
      institution: 'MEF',
      reuserType: 'nonsense',
      page: '2',
    });
    expect(list.request.params.get('theme')).toBe('education');
    expect(list.request.params.get('institution')).toBe('MEF');
    expect(list.request.params.get('page')).toBe('2');
    expect(list.request.params.has('reuserType')).toBe(false);

    // The facets fill the filters, with their counts.
    await choose(el, '[data-reuse-filter-institution]', 'Agence de Développement du Digital (1)');
    expect(navigate).toHaveBeenCalledWith(
      [],
      expect.objectContaining({ queryParams: { institution: 'ADD', page: null }, queryParamsHandling: 'merge' }),
    );
    await choose(el, '[data-reuse-filter-type]', 'reuses.reuserTypes.student (1)');
    expect(navigate).toHaveBeenLastCalledWith(
      [],
      expect.objectContaining({ queryParams: { reuserType: 'student', page: null } }),
    );
    await choose(el, '[data-reuse-filter-theme]', 'economie-finances (2)');
    expect(navigate).toHaveBeenLastCalledWith(
      [],
      expect.objectContaining({ queryParams: { theme: 'economie-finances', page: null } }),
    );
  });

  it('explains how to propose a reuse when none is published', async () => {
    const { el } = await render(null, {}, reusePage([]));
    const empty = el.querySelector('[data-reuses-empty]') as HTMLElement;
    expect(empty.textContent).toContain('reuses.emptyTitle');
    expect(empty.textContent).toContain('reuses.emptyMessage');
    expect(empty.querySelector('a')?.getAttribute('href')).toBe('/fr/reuses/propose');
  });

  it('says when filters match nothing, and offers to clear them', async () => {
    const { el } = await render(null, { theme: 'sante' }, reusePage([]));
    expect(el.querySelector('[data-reuses-empty]')?.textContent).toContain('reuses.emptyFilteredTitle');
    (el.querySelector('[data-reuses-empty] button') as HTMLButtonElement).click();
    expect(navigate).toHaveBeenCalledWith(
      [],
      expect.objectContaining({ queryParams: { theme: null, institution: null, reuserType: null, page: null } }),
    );
  });

  it('gives coordinators a moderation view with the count of proposals waiting', async () => {
    const { el, list } = await render('COORDINATOR');
    expect(list.request.params.get('status')).toBe('published');
    const tabs = el.querySelector('[data-moderation]') as HTMLElement;
    expect(tabs.querySelector('[data-waiting-count]')?.textContent).toContain('3');
    (tabs.querySelector('[data-moderation-tab="submitted"]') as HTMLButtonElement).click();
    expect(navigate).toHaveBeenCalledWith(
      [],
      expect.objectContaining({ queryParams: expect.objectContaining({ status: 'submitted', page: null }) }),
    );
  });

  it('publishes a proposal after confirmation, on the version read, and reloads the lists', async () => {
    const { el, list } = await render('COORDINATOR', { status: 'submitted' }, reusePage([submittedReuse()]));
    expect(list.request.params.get('status')).toBe('submitted');
    const card = el.querySelector('[data-reuse-card]') as HTMLElement;
    // Coordinators see the proposer's contact; the filters are for the showcase only.
    expect(card.querySelector('[data-reuse-private]')?.textContent).toContain('etudiant@example.ma');
    expect(el.querySelector('[data-reuse-filter-theme]')).toBeNull();

    (card.querySelector('[data-publish-reuse]') as HTMLButtonElement).click();
    await settle();
    expect(dialog.open).toHaveBeenCalledTimes(1);
    const patch = http.expectOne({ method: 'PATCH', url: '/api/v1/reuses/r-9' });
    expect(patch.request.body).toEqual({ version: 1, status: 'published' });
    patch.flush(submittedReuse({ status: 'published', version: 2 }));
    await afterWrite();
    http.expectOne(isList('submitted')).flush(reusePage([]));
    http.expectOne(isWaiting).flush(reusePage([], { total: 2 }));
    await settle();
    expect(el.querySelector('[data-reuses-empty]')?.textContent).toContain('reuses.moderation.emptySubmitted');
    expect(el.querySelector('[data-waiting-count]')?.textContent).toContain('2');
  });

  it('sends nothing when the coordinator does not confirm', async () => {
    const { el } = await render('COORDINATOR', { status: 'submitted' }, reusePage([submittedReuse()]));
    dialogAnswer = false;
    (el.querySelector('[data-publish-reuse]') as HTMLButtonElement).click();
    await settle();
    http.expectNone({ method: 'PATCH' });
  });

  it('rejects a proposal with the reason given in the dialog', async () => {
    const { el } = await render('COORDINATOR', { status: 'submitted' }, reusePage([submittedReuse()]));
    dialogAnswer = '  Le lien ne fonctionne pas  ';
    (el.querySelector('[data-reject-reuse]') as HTMLButtonElement).click();
    await settle();
    const patch = http.expectOne({ method: 'PATCH', url: '/api/v1/reuses/r-9' });
    expect(patch.request.body).toEqual({ version: 1, status: 'rejected', rejectReason: 'Le lien ne fonctionne pas' });
    patch.flush(submittedReuse({ status: 'rejected', rejectReason: 'Le lien ne fonctionne pas', version: 2 }));
    await afterWrite();
    http.expectOne(isList('submitted')).flush(reusePage([]));
    http.expectOne(isWaiting).flush(reusePage([], { total: 0 }));
    await settle();
  });

  it('reloads and explains when someone else moderated the reuse first (409)', async () => {
    const { el } = await render('COORDINATOR', { status: 'submitted' }, reusePage([submittedReuse()]));
    (el.querySelector('[data-publish-reuse]') as HTMLButtonElement).click();
    await settle();
    http
      .expectOne({ method: 'PATCH', url: '/api/v1/reuses/r-9' })
      .flush(
        { statusCode: 409, code: 'VERSION_CONFLICT', message: 'Conflit' },
        { status: 409, statusText: 'Conflict' },
      );
    await afterWrite();
    http.expectOne(isList('submitted')).flush(reusePage([]));
    http.expectOne(isWaiting).flush(reusePage([], { total: 0 }));
    await settle();
    expect(el.querySelector('[data-moderation-notice]')?.textContent).toContain('reuses.moderation.reloaded');
  });
});
