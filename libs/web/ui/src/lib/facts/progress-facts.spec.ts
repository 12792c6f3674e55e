import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { Locale } from '@marsad/contracts';
import { provideTranslateService } from '@ngx-translate/core';
import { MSD_LOCALE } from '../locale/msd-locale';
import { ProgressFacts, type Fact } from './progress-facts';

@Component({
  imports: [ProgressFacts],
  template: `<section class="page-facts">
    <msd-progress-facts
      [progress]="40"
      progressLabel="Avancement"
      status="in_progress"
      [health]="null"
      [facts]="facts"
    />
  </section>`,
})
class Host {
  facts: Fact[] = [
    { key: 'activity.startDate', kind: 'date', value: '2026-03-01' },
    { key: 'activity.dueDate', kind: 'date', value: null },
    { key: 'activity.weight', kind: 'number', value: 2 },
    { key: 'activity.lead', kind: 'text', value: { fr: 'Ministère', ar: 'وزارة' } },
    { key: 'activity.contributors', kind: 'list', value: [{ fr: 'ADD' }, { fr: 'HCP' }] },
    { key: 'measure.lead', kind: 'list', value: [] },
  ];
}

describe('ProgressFacts', () => {
  it('writes progress, chips and each fact by its kind, "none" for what is missing', () => {
    TestBed.configureTestingModule({
      imports: [Host],
      providers: [provideTranslateService(), { provide: MSD_LOCALE, useValue: signal<Locale>('fr') }],
    });
    const fixture = TestBed.createComponent(Host);
    fixture.detectChanges();
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('.page-facts__chips .msd-status-in_progress')).not.toBeNull();
    expect(el.querySelector('.page-facts__chips .msd-health-none')).not.toBeNull();
    expect(el.querySelector('[role="progressbar"]')?.getAttribute('aria-label')).toBe('Avancement');
    const rows = [...el.querySelectorAll('dl.msd-dl > div')].map((d) => [
      d.querySelector('dt')?.textContent?.trim(),
      d.querySelector('dd')?.textContent?.replace(/\s+/g, ' ').trim(),
    ]);
    expect(rows).toEqual([
      ['activity.startDate', '1 mars 2026'],
      ['activity.dueDate', 'common.none'],
      ['activity.weight', '2'],
      ['activity.lead', 'Ministère'],
      ['activity.contributors', 'ADDcommon.listSeparator HCP'],
      ['measure.lead', 'common.none'],
    ]);
  });
});
