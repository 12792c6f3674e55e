import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideTranslateService } from '@ngx-translate/core';
import { FilterBar } from './filter-bar';
import { FilterSelect, keyedOptions } from './filter-select';

@Component({
  imports: [FilterBar, FilterSelect],
  template: `
    <msd-filter-bar class="page-filters" label="Filtres" (submitted)="submitted = submitted + 1">
      <input name="q" />
      <msd-filter-select label="Type" value="b" [options]="options" />
      <button type="submit">Go</button>
    </msd-filter-bar>
  `,
})
class Host {
  submitted = 0;
  options = keyedOptions(['a', 'b'] as const, { a: 'x.a', b: 'x.b' });
}

describe('FilterBar and FilterSelect', () => {
  it('make a named search landmark that keeps the page class and reports a submit without leaving the page', () => {
    TestBed.configureTestingModule({
      imports: [Host],
      providers: [provideTranslateService(), provideNoopAnimations()],
    });
    const fixture = TestBed.createComponent(Host);
    fixture.detectChanges();
    const bar = fixture.nativeElement.querySelector('msd-filter-bar') as HTMLElement;
    expect(bar.getAttribute('role')).toBe('search');
    expect(bar.getAttribute('aria-label')).toBe('Filtres');
    expect(bar.classList).toContain('page-filters');
    expect(bar.classList).toContain('msd-card');
    const submit = new Event('submit', { cancelable: true });
    bar.querySelector('form')?.dispatchEvent(submit);
    expect(submit.defaultPrevented).toBe(true);
    expect(fixture.componentInstance.submitted).toBe(1);
    expect(bar.querySelector('mat-form-field mat-label')?.textContent).toContain('Type');
  });

  it('builds options from a vocabulary and its keys', () => {
    expect(keyedOptions(['a', 'b'] as const, { a: 'x.a', b: 'x.b' })).toEqual([
      { value: 'a', labelKey: 'x.a' },
      { value: 'b', labelKey: 'x.b' },
    ]);
  });
});
