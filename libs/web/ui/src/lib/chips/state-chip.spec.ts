import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideTranslateService } from '@ngx-translate/core';
import { StateChip } from './state-chip';

@Component({
  imports: [StateChip],
  template: `<msd-status-chip status="delayed" /><msd-health-chip
      health="at_risk"
    /><msd-health-chip /><msd-report-state-chip reportState="returned" />`,
})
class Host {}

describe('StateChip', () => {
  it("renders a status, a health, no health and a report's validation state with the classes, glyphs and keys of each", () => {
    TestBed.configureTestingModule({ imports: [Host], providers: [provideTranslateService()] });
    const fixture = TestBed.createComponent(Host);
    fixture.detectChanges();
    const chips = Array.from(fixture.nativeElement.querySelectorAll('.msd-chip') as NodeListOf<HTMLElement>);
    expect(chips.map((c) => c.className)).toEqual([
      'msd-chip msd-status-delayed',
      'msd-chip msd-chip--health msd-health-at_risk',
      'msd-chip msd-chip--health msd-health-none',
      'msd-chip msd-chip--report msd-report-returned',
    ]);
    expect(chips.map((c) => c.querySelector('.msd-chip__glyph')?.textContent)).toEqual(['!', '▲', '–', '↩']);
    expect(chips.map((c) => c.querySelector('.msd-chip__label')?.textContent)).toEqual([
      'status.delayed',
      'health.at_risk',
      'health.none',
      'reportState.returned',
    ]);
    expect(fixture.nativeElement.querySelector('msd-status-chip')).not.toBeNull();
  });
});
