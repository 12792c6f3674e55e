import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { RoundTally } from '@marsad/contracts';
import { LocaleNumberPipe, LocalePercentPipe, ProgressWithLabel } from '@marsad/web/ui';
import { TranslatePipe } from '@ngx-translate/core';

/** A round's standing in one block: completion, then what was handed in, on time or late, and what is still owed. */
@Component({
  selector: 'msd-round-tally',
  imports: [TranslatePipe, LocaleNumberPipe, LocalePercentPipe, ProgressWithLabel],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host {
      display: block;
    }
    .tally {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1rem;
      margin: 0.5rem 0 0;
      padding: 0;
      list-style: none;
      font-size: 0.88rem;
    }
    .tally__late {
      color: #a52714;
      font-weight: 600;
    }
  `,
  template: `
    <msd-progress [value]="tally().completion" [label]="'rounds.completion' | translate" />
    <ul class="tally" data-round-tally>
      <li>
        {{
          'rounds.tally.handedIn'
            | translate: { count: (tally().submitted | msdNumber), owed: (tally().owed | msdNumber) }
        }}
      </li>
      <li>{{ 'rounds.tally.onTime' | translate: { count: (tally().onTime | msdNumber) } }}</li>
      <li [class.tally__late]="tally().late > 0">
        {{ 'rounds.tally.late' | translate: { count: (tally().late | msdNumber) } }}
      </li>
      <li>{{ 'rounds.tally.validated' | translate: { count: (tally().validated | msdNumber) } }}</li>
      <li>{{ 'rounds.tally.returned' | translate: { count: (tally().returned | msdNumber) } }}</li>
      <li [class.tally__late]="tally().overdue > 0">
        {{ 'rounds.tally.missing' | translate: { count: (tally().missing | msdNumber) } }}
        @if (tally().overdue > 0) {
          ({{ 'rounds.tally.overdue' | translate: { count: (tally().overdue | msdNumber) } }})
        }
      </li>
    </ul>
  `,
})
export class RoundTallyView {
  readonly tally = input.required<RoundTally>();
}
