import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { ROLE_PERMISSIONS, type InstitutionListItem, type Page, type Role } from '@marsad/contracts';
import { LocaleService, RegistryApi, SessionService } from '@marsad/web/data-access';
import { provideTranslateService } from '@ngx-translate/core';
import { RegistryPage } from './registry.page';
import { registryQueryFrom } from './registry-query';

const FES: InstitutionListItem = {
  code: '03.231',
  name: { ar: 'عمالة فاس', fr: 'Préfecture de Fès', en: 'Fès Prefecture' },
  type: 'province',
  acronym: null,
  subtype: 'prefecture',
  parentCode: '03',
  regionCode: '03',
  active: true,
  hasRod: true,
  hasGdd: false,
  trafficLight: {
    light: 'amber',
    reasons: [{ input: 'reporting', light: 'amber', value: 66.7, threshold: 90 }],
    asOf: '2026-10-01T09:00:00.000Z',
  },
};

describe('registryQueryFrom', () => {
  it('keeps valid filters and drops what the API would refuse', () => {
    expect(
      registryQueryFrom({
        q: ' fes ',
        type: 'province',
        region: '03',
        hasRod: 'false',
        hasGdd: 'maybe',
        sort: 'name',
        page: '3',
      }),
    ).toEqual({
      q: 'fes',
      type: 'province',
      region: '03',
      hasRod: false,
      sort: 'name',
      page: 3,
      pageSize: 25,
    });
    expect(registryQueryFrom({ type: 'planet', sort: 'size', page: '-2' })).toEqual({ page: 1, pageSize: 25 });
  });
});

describe('RegistryPage', () => {
  it('asks the API with the URL filters and lists the rows it returns', async () => {
    TestBed.configureTestingModule({
      imports: [RegistryPage],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), provideTranslateService()],
    });
    TestBed.inject(LocaleService).use('fr');
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(RegistryPage);
    fixture.componentRef.setInput('q', 'fes');
    fixture.componentRef.setInput('type', 'province');
    fixture.componentRef.setInput('hasRod', 'false');
    fixture.componentRef.setInput('page', '2');
    fixture.detectChanges();
    TestBed.tick();

    const list = http.expectOne((r) => r.url === '/api/v1/institutions' && r.params.get('q') === 'fes');
    expect(list.request.params.get('type')).toBe('province');
    expect(list.request.params.get('hasRod')).toBe('false');
    expect(list.request.params.get('page')).toBe('2');
    expect(list.request.params.has('hasGdd')).toBe(false);
    list.flush({ items: [FES], total: 26, page: 2, pageSize: 25 } satisfies Page<InstitutionListItem>);
    http
      .expectOne((r) => r.url === '/api/v1/institutions' && r.params.get('type') === 'region')
      .flush({ items: [], total: 0, page: 1, pageSize: 50 });
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();

    const el = fixture.nativeElement as HTMLElement;
    const rows = el.querySelectorAll('tbody tr');
    expect(rows.length).toBe(1);
    const link = rows[0].querySelector('a') as HTMLAnchorElement;
    expect(link.textContent?.trim()).toBe('Préfecture de Fès');
    expect(link.getAttribute('href')).toBe('/fr/institutions/03.231');
    // The name is isolated (bidi): a Latin name keeps its parentheses right in an Arabic page.
    expect(link.querySelector('bdi')?.textContent).toBe('Préfecture de Fès');
    // Whether a ROD and a GdD are in office, from the register of officers, in words and as data.
    expect(rows[0].getAttribute('data-code')).toBe('03.231');
    expect(rows[0].querySelector('[data-has-rod]')?.getAttribute('data-has-rod')).toBe('true');
    expect(rows[0].querySelector('[data-has-rod]')?.textContent?.trim()).toBe('common.yes');
    expect(rows[0].querySelector('[data-has-gdd]')?.getAttribute('data-has-gdd')).toBe('false');
    expect(rows[0].querySelector('[data-has-gdd]')?.textContent?.trim()).toBe('common.no');
    // Its traffic light: a dot and a word (never the colour alone), and which input made it amber.
    const light = rows[0].querySelector('[data-traffic-light]') as HTMLElement;
    expect(light.getAttribute('data-traffic-light')).toBe('amber');
    expect(light.querySelector('.msd-tl__dot')?.getAttribute('aria-hidden')).toBe('true');
    expect(light.textContent?.trim()).toBe('trafficLight.lights.amber');
    expect(rows[0].querySelector('[data-traffic-reasons]')?.textContent?.trim()).toBe('trafficLight.inputs.reporting');
  });
});

describe('RegistryPage exports and import', () => {
  function render(role: Role | null, filters: Record<string, string>) {
    TestBed.configureTestingModule({
      imports: [RegistryPage],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        provideTranslateService(),
        { provide: SessionService, useValue: { permissions: signal(role ? [...ROLE_PERMISSIONS[role]] : []) } },
      ],
    });
    TestBed.inject(LocaleService).use('fr');
    const fixture = TestBed.createComponent(RegistryPage);
    for (const [name, value] of Object.entries(filters)) fixture.componentRef.setInput(name, value);
    fixture.detectChanges();
    return fixture.nativeElement as HTMLElement;
  }
  const hrefs = (el: HTMLElement, selector: string) =>
    [...el.querySelectorAll(selector)].map((a) => a.getAttribute('href'));

  it('exports what the list shows: every filter and the order, not the page', () => {
    const el = render(null, {
      q: 'fès',
      type: 'commune',
      region: '03',
      parent: '03.231',
      hasRod: 'false',
      hasGdd: 'true',
      sort: 'name',
      page: '4',
    });
    const [csv, xlsx] = hrefs(el, 'a.reg-export__list').map((href) => new URL(href as string, 'http://x'));
    expect(csv.pathname).toBe('/api/v1/institutions/export');
    expect(Object.fromEntries(csv.searchParams)).toEqual({
      format: 'csv',
      q: 'fès',
      type: 'commune',
      region: '03',
      parent: '03.231',
      hasRod: 'false',
      hasGdd: 'true',
      sort: 'name',
    });
    expect(xlsx.searchParams.get('format')).toBe('xlsx');
    expect(el.textContent).toContain('registry.export.labelFiltered');
    // The officers cannot be filtered like the list: the whole register, said so.
    expect(hrefs(el, 'a.reg-export__officers')).toEqual([
      '/api/v1/officers/export?format=csv',
      '/api/v1/officers/export?format=xlsx',
    ]);
  });

  it('drops filters the API would refuse from the export', () => {
    const el = render(null, { type: 'planet', hasRod: 'maybe' });
    expect(hrefs(el, 'a.reg-export__list')).toEqual([
      '/api/v1/institutions/export?format=csv',
      '/api/v1/institutions/export?format=xlsx',
    ]);
    expect(el.textContent).toContain('registry.export.label');
  });

  it('offers the import of administrations to coordinators only', () => {
    expect(render('COORDINATOR', {}).querySelector('a.reg-import')?.getAttribute('href')).toBe(
      '/fr/institutions/import',
    );
    TestBed.resetTestingModule();
    expect(render('OFFICER', {}).querySelector('a.reg-import')).toBeNull();
  });

  it('builds the export URL without paging', () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    expect(
      TestBed.inject(RegistryApi).institutionsExportUrl('csv', { q: 'a b', hasRod: true, page: 2, pageSize: 25 }),
    ).toBe('/api/v1/institutions/export?format=csv&q=a%20b&hasRod=true');
  });
});
