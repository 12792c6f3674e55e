import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FigureSection, type FigureSectionLayout } from './figure-section';

@Component({
  imports: [FigureSection],
  template: `
    <section
      msdFigureSection
      headingId="x-dist"
      heading="Distribution"
      [hint]="hint()"
      [caption]="caption()"
      [captionHidden]="hidden()"
      [layout]="layout()"
      [table]="table()"
      scrollClass="x-scroll"
      tableClass="x-table"
    >
      <p class="x-note">Note</p>
      <span msdChart class="x-chart">chart</span>
      <thead>
        <tr>
          <th scope="col">Range</th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <th scope="row">0–10</th>
        </tr>
      </tbody>
    </section>
  `,
})
class Host {
  readonly hint = signal<string | undefined>('A hint');
  readonly caption = signal<string | undefined>('Distribution table');
  readonly hidden = signal(false);
  readonly layout = signal<FigureSectionLayout>('stack');
  readonly table = signal(true);
}

describe('FigureSection', () => {
  async function render(set: (host: Host) => void = () => undefined) {
    const fixture = TestBed.createComponent(Host);
    set(fixture.componentInstance);
    await fixture.whenStable();
    return fixture.nativeElement.querySelector('section') as HTMLElement;
  }

  it('labels the section by its heading and puts hint, projected content, then the table with its caption in a named scroll region', async () => {
    const section = await render();
    expect(section.classList).toContain('msd-card');
    expect(section.classList).toContain('met-section');
    expect(section.getAttribute('aria-labelledby')).toBe('x-dist');
    expect(section.querySelector('h2#x-dist')?.textContent?.trim()).toBe('Distribution');
    expect(
      [...section.children].map((e) => e.tagName.toLowerCase() + (e.className ? '.' + e.className.split(' ')[0] : '')),
    ).toEqual(['h2.msd-card__title', 'p.msd-muted', 'p.x-note', 'span.x-chart', 'div.msd-table-scroll']);
    const scroll = section.querySelector('.msd-table-scroll') as HTMLElement;
    expect(scroll.classList).toContain('x-scroll');
    expect(scroll.classList).not.toContain('met-pair__table');
    expect([scroll.getAttribute('tabindex'), scroll.getAttribute('role'), scroll.getAttribute('aria-label')]).toEqual([
      '0',
      'region',
      'Distribution table',
    ]);
    const table = scroll.querySelector('table') as HTMLTableElement;
    expect(table.className.split(' ').sort()).toEqual(['met-table', 'msd-table', 'x-table']);
    expect(table.caption?.textContent?.trim()).toBe('Distribution table');
    expect(table.caption?.classList).not.toContain('msd-visually-hidden');
    expect([...table.children].map((e) => e.tagName.toLowerCase())).toEqual(['caption', 'thead', 'tbody']);
  });

  it('in a pair layout sets the chart beside the table; the caption falls back to the heading and may be hidden', async () => {
    const section = await render((h) => {
      h.layout.set('pair-even');
      h.caption.set(undefined);
      h.hint.set(undefined);
      h.hidden.set(true);
    });
    expect(section.querySelector('.msd-muted')).toBeNull();
    const pair = section.querySelector(':scope > .met-pair') as HTMLElement;
    expect(pair.classList).toContain('met-pair--even');
    expect([...pair.children].map((e) => e.className.split(' ')[0])).toEqual(['x-chart', 'msd-table-scroll']);
    expect(pair.querySelector('.msd-table-scroll')?.classList).toContain('met-pair__table');
    expect(section.querySelector('.msd-table-scroll')?.getAttribute('aria-label')).toBe('Distribution');
    expect(section.querySelector('caption')?.classList).toContain('msd-visually-hidden');
  });

  it('leaves the table and the chart beside it out when there is nothing to show', async () => {
    const section = await render((h) => {
      h.layout.set('pair');
      h.table.set(false);
    });
    expect(section.querySelector('table')).toBeNull();
    expect(section.querySelector('.met-pair')).toBeNull();
    expect(section.querySelector('.x-chart')).toBeNull();
    expect(section.querySelector('.x-note')).not.toBeNull();
  });
});
