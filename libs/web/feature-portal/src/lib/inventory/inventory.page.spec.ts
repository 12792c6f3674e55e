import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { ActivatedRoute, provideRouter, Router } from '@angular/router';
import type { InventoryItemView, Page, SessionView } from '@marsad/contracts';
import { LocaleService, SessionService } from '@marsad/web/data-access';
import { FSI, PDI } from '@marsad/web/ui';
import { provideTranslateService, TranslateService } from '@ngx-translate/core';
import { InventoryPage } from './inventory.page';
import { itemFixture, sessionFor } from './testing';

const SIGNED_OUT: SessionView = { user: null, csrfToken: null, expiresAt: null };
const page = (items: InventoryItemView[]): Page<InventoryItemView> => ({
  items,
  total: items.length,
  page: 1,
  pageSize: 20,
});

async function open(
  session: SessionView,
  query: Record<string, string> = {},
  items = [
    itemFixture(),
    itemFixture({
      id: '22222222-2222-4222-8222-222222222222',
      reference: 'MEF-DS-002',
      status: 'published',
      match: {
        state: 'suggested',
        ckanId: 'c1',
        name: 'budget',
        title: 'Budget',
        portalUrl: 'https://data.gov.ma/data/dataset/budget',
        basis: 'identifier',
        freshness: 'fresh',
        publishedAt: null,
      },
    }),
  ],
) {
  TestBed.configureTestingModule({
    imports: [InventoryPage],
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      provideRouter([]),
      provideTranslateService(),
      provideNoopAnimations(),
    ],
  });
  TestBed.inject(LocaleService).use('fr');
  const http = TestBed.inject(HttpTestingController);
  const sessionService = TestBed.inject(SessionService);
  const loading = sessionService.load();
  http.expectOne('/api/v1/auth/session').flush(session);
  await loading;
  const router = TestBed.inject(Router);
  const navigate = jest.spyOn(router, 'navigate').mockResolvedValue(true);
  const fixture = TestBed.createComponent(InventoryPage);
  fixture.componentRef.setInput('code', 'MEF');
  for (const [k, v] of Object.entries(query)) fixture.componentRef.setInput(k, v);
  fixture.detectChanges();
  TestBed.tick();
  const list = http.expectOne((r) => r.url === '/api/v1/institutions/MEF/inventory');
  http
    .match('/api/v1/institutions/MEF')
    .forEach((r) => r.flush({ code: 'MEF', name: { ar: 'المالية', fr: 'Finances' }, type: 'ministry' }));
  list.flush(page(items));
  fixture.detectChanges();
  await fixture.whenStable();
  fixture.detectChanges();
  return {
    fixture,
    http,
    navigate,
    list,
    el: fixture.nativeElement as HTMLElement,
    page: fixture.componentInstance,
    route: TestBed.inject(ActivatedRoute),
  };
}

describe('InventoryPage', () => {
  it('asks the API for the filters in the URL, and the export links carry them', async () => {
    const { list, el } = await open(SIGNED_OUT, {
      status: 'published',
      classification: 'open',
      match: 'suggested',
      q: 'budget',
      page: '2',
    });
    expect(list.request.params.get('status')).toBe('published');
    expect(list.request.params.get('classification')).toBe('open');
    expect(list.request.params.get('match')).toBe('suggested');
    expect(list.request.params.get('q')).toBe('budget');
    expect(list.request.params.get('page')).toBe('2');
    const hrefs = [...el.querySelectorAll('a.inv-export__link')].map((a) => a.getAttribute('href'));
    expect(hrefs[0]).toBe(
      '/api/v1/institutions/MEF/inventory/export?format=csv&q=budget&status=published&classification=open&match=suggested',
    );
    expect(hrefs[1]).toContain('format=xlsx');
  });

  it('puts a changed filter in the URL and goes back to the first page', async () => {
    const { page, navigate } = await open(SIGNED_OUT, { status: 'published', page: '3' });
    page.setFilter('match', 'none');
    expect(navigate).toHaveBeenCalledWith(
      [],
      expect.objectContaining({
        queryParams: { q: null, status: 'published', classification: null, match: 'none', page: null },
      }),
    );
    page.setFilter('status', '');
    expect(navigate).toHaveBeenLastCalledWith(
      [],
      expect.objectContaining({
        queryParams: { q: null, status: null, classification: null, match: null, page: null },
      }),
    );
  });

  it('shows no edit controls to an officer of another administration', async () => {
    const { el, page } = await open(sessionFor('OFFICER', 'HCP'));
    expect(page.canManage()).toBe(false);
    expect(el.querySelectorAll('table.inv-table tbody tr').length).toBe(2);
    expect(el.querySelector('.inv-add, .inv-import, .inv-edit, .inv-remove, .inv-match-action')).toBeNull();
    expect(el.querySelector('.inv-readonly')).not.toBeNull();
  });

  it("gives the administration's own officer the edit controls, but no removal of a published item", async () => {
    const { el, page } = await open(sessionFor('OFFICER', 'MEF'));
    expect(page.canManage()).toBe(true);
    expect(el.querySelector('.inv-add')).not.toBeNull();
    expect(el.querySelector('a.inv-import')?.getAttribute('href')).toBe('/fr/institutions/MEF/inventory/import');
    const rows = el.querySelectorAll('table.inv-table tbody tr');
    expect(rows[0].querySelector('.inv-remove')).not.toBeNull();
    expect(rows[1].querySelector('.inv-remove')).toBeNull();
    expect(rows[1].querySelector('.inv-match-action')?.textContent).toContain('inventory.reviewMatch');
    expect(rows[1].querySelector('a.inv-match__link')?.getAttribute('href')).toBe(
      'https://data.gov.ma/data/dataset/budget',
    );
    // Below 600 px each item is a card with its actions under it: every cell but the actions keeps its column's name.
    expect(el.querySelector('table.inv-table')?.classList).toContain('cards-on-phone');
    const cells = [...rows[0].querySelectorAll('td')];
    expect(
      cells.filter((td) => !td.hasAttribute('data-label')).map((td) => td.hasAttribute('data-inventory-actions')),
    ).toEqual([true]);
    expect(rows[0].querySelector('[data-inventory-actions] .inv-edit')).not.toBeNull();
  });

  it("isolates the administration's name (bidi) in the sentences it is put into", async () => {
    const { fixture, el } = await open(SIGNED_OUT);
    TestBed.inject(TranslateService).setTranslation('fr', { inventory: { heading: 'Inventaire de {{name}}' } }, true);
    fixture.detectChanges();
    expect(el.querySelector('h1')?.textContent?.trim()).toBe(`Inventaire de ${FSI}Finances${PDI}`);
  });

  it('explains an empty inventory and how to start', async () => {
    const { el } = await open(sessionFor('DATA_MANAGER', 'MEF'), {}, []);
    expect(el.textContent).toContain('inventory.emptyWhat');
    expect(el.textContent).toContain('inventory.emptyHow');
    const { el: filtered } = await (async () => {
      TestBed.resetTestingModule();
      return open(SIGNED_OUT, { status: 'withheld' }, []);
    })();
    expect(filtered.textContent).toContain('inventory.emptyFilteredTitle');
  });
});
