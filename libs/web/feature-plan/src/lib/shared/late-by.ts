import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';

/** "Late by N days", beside the health chip of an activity or a measure whose due date has passed; nothing when on time. */
@Component({
  selector: 'msd-late-by',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .msd-late-by {
      display: inline-block;
      font-weight: 600;
      color: #a4262c;
    }
  `,
  template: `@if (days() > 0) {
    <strong class="msd-late-by" data-late-by>{{ 'lateness.daysLate' | translate: { days: days() } }}</strong>
  }`,
})
export class LateBy {
  readonly days = input.required<number>();
}
