import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { InstitutionSummary, Page } from '@marsad/contracts';
import { LocaleService } from '@marsad/web/data-access';
import { provideTranslateService } from '@ngx-translate/core';
import { RegistryPage } from './registry.page';
import { registryQueryFrom } from './registry-query';

const FES: InstitutionSummary = {
  code: '03.231', name: { ar: 'عمالة فاس', fr: 'Préfecture de Fès', en: 'Fès Prefecture' }, type: 'province',
  acronym: null, subtype: 'prefecture', parentCode: '03', regionCode: '03', active: true,
};

describe('registryQueryFrom', () => {
  it('keeps valid filters and drops what the API would refuse', () => {
    expect(registryQueryFrom({ q: ' fes ', type: 'province', region: '03', hasRod: 'false', hasGdd: 'maybe', sort: 'name', page: '3' })).toEqual({
      q: 'fes', type: 'province', region: '03', hasRod: false, sort: 'name', page: 3, pageSize: 25,
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
    list.flush({ items: [FES], total: 26, page: 2, pageSize: 25 } satisfies Page<InstitutionSummary>);
    http.expectOne((r) => r.url === '/api/v1/institutions' && r.params.get('type') === 'region').flush({ items: [], total: 0, page: 1, pageSize: 50 });
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();

    const el = fixture.nativeElement as HTMLElement;
    const rows = el.querySelectorAll('tbody tr');
    expect(rows.length).toBe(1);
    const link = rows[0].querySelector('a') as HTMLAnchorElement;
    expect(link.textContent?.trim()).toBe('Préfecture de Fès');
    expect(link.getAttribute('href')).toBe('/fr/institutions/03.231');
  });
});
