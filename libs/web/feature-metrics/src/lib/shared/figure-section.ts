import { NgTemplateOutlet } from '@angular/common';
import { booleanAttribute, ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

export type FigureSectionLayout = 'stack' | 'pair' | 'pair-even';

/**
 * A card section of the metrics pages: a titled `<section>` (labelled by its heading), an
 * optional hint, what the page projects (notes, a chart), then the figures as a table in a
 * scroll region. The page projects the table's `thead` and `tbody`; in the `pair` layouts the
 * chart marked `msdChart` sits beside the table on wide screens.
 *
 * It is an attribute on the page's own `<section>` so that the DOM (and the page's styles on
 * the section and on the projected cells) stay as they were.
 */
@Component({
  // eslint-disable-next-line @angular-eslint/component-selector -- on the page's <section>, not a wrapper element
  selector: 'section[msdFigureSection]',
  imports: [NgTemplateOutlet],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './figure-section.html',
  styleUrls: ['./metrics.scss', './figure-section.scss'],
  host: { class: 'msd-card met-section', '[attr.aria-labelledby]': 'headingId()' },
})
export class FigureSection {
  /** The heading's id, which labels the section. */
  readonly headingId = input.required<string>();
  readonly heading = input.required<string>();
  readonly hint = input<string>();
  /** The table's caption and the scroll region's name; the heading when not given. */
  readonly caption = input<string>();
  readonly captionHidden = input(false, { transform: booleanAttribute });
  /** False leaves the table (and the chart beside it) out, e.g. when there is nothing to show. */
  readonly table = input(true);
  readonly layout = input<FigureSectionLayout>('stack');
  /** Extra classes on the scroll region (its height) and on the table. */
  readonly scrollClass = input('');
  readonly tableClass = input('');

  protected readonly tableCaption = computed(() => this.caption() ?? this.heading());
}
