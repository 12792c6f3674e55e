import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { FORMAT_STARS, OPEN_LICENCES } from '@marsad/contracts';
import { LocaleService } from '@marsad/web/data-access';
import { provideTranslateService } from '@ngx-translate/core';
import { formatsByStars, MethodologyPage } from './methodology.page';

describe('MethodologyPage', () => {
  it('groups formats by stars, most open first, and leaves none out', () => {
    const groups = formatsByStars();
    expect(groups.map((g) => g.stars)).toEqual([5, 3, 2, 1]);
    expect(groups[1].formats).toContain('CSV');
    expect(groups.flatMap((g) => g.formats).sort()).toEqual(Object.keys(FORMAT_STARS).sort());
  });

  it('renders the tables from the constants the API applies', async () => {
    TestBed.configureTestingModule({
      imports: [MethodologyPage],
      providers: [provideRouter([]), provideTranslateService()],
    });
    TestBed.inject(LocaleService).use('fr');
    const fixture = TestBed.createComponent(MethodologyPage);
    fixture.detectChanges();
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const row = (f: string) =>
      [...el.querySelectorAll(`tr[data-frequency="${f}"] td`)].map((td) => td.textContent?.trim());
    // Thresholds from FRESHNESS_THRESHOLDS (the programme's monthly 30/45/60 and annual 365/425/455).
    expect(el.querySelectorAll('tr[data-frequency="monthly"] td').length).toBe(3);
    expect(el.querySelector('tr[data-frequency="annual"]')).not.toBeNull();
    expect(row('irregular')).toEqual(['metrics.freshness.not_applicable']);
    expect(row('never')).toEqual(['metrics.freshness.not_applicable']);
    expect(el.querySelectorAll('.mt-licences li').length).toBe(OPEN_LICENCES.length);
    expect(el.querySelectorAll('.mt-points tbody tr').length).toBe(9);
    expect(el.querySelector('.mt-points tfoot td')?.textContent?.trim()).toBe('100');
    expect(el.querySelectorAll('.mt-weights tbody tr').length).toBe(4);
    // The locale's percent format (fr: a no-break space before the sign), never "100 %" typed by hand.
    expect(el.querySelector('.mt-weights tfoot td')?.textContent?.trim()).toMatch(/^100[\u00a0\u202f]%$/);
  });

  it('writes the traffic light rule from the thresholds the API applies', async () => {
    TestBed.configureTestingModule({
      imports: [MethodologyPage],
      providers: [provideRouter([]), provideTranslateService()],
    });
    TestBed.inject(LocaleService).use('fr');
    const fixture = TestBed.createComponent(MethodologyPage);
    fixture.detectChanges();
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    const section = el.querySelector('[data-methodology-traffic-light]') as HTMLElement;
    const cells = (input: string) =>
      [...section.querySelectorAll(`tr[data-light-input="${input}"] td[data-light]`)].map((td) =>
        td.textContent?.replace(/\s+/g, ' ').trim(),
      );
    // From TRAFFIC_LIGHT_THRESHOLDS: lateness ≤ 0 / ≤ 25 / > 25 %, punctuality ≥ 90 / ≥ 60 / < 60 %, score ≥ 60 / ≥ 40 / < 40.
    expect(cells('plan')).toEqual(['≤ 0 %', '≤ 25 %', '> 25 %']);
    expect(cells('reporting')).toEqual(['≥ 90 %', '≥ 60 %', '< 60 %']);
    expect(cells('publication')).toEqual(['≥ 60', '≥ 40', '< 40']);
    expect(section.querySelectorAll('.mt-not-measured li').length).toBe(6);
  });
});
