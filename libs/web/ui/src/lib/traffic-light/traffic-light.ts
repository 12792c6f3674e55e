import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import {
  TRAFFIC_LIGHT_THRESHOLDS,
  type InputLight,
  type NotMeasuredReason,
  type TrafficLight,
  type TrafficLightInput,
  type TrafficLightInputResult,
  type TrafficLightSummary,
} from '@marsad/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { LocaleDatePipe, LocaleNumberPipe, LocalePercentPipe } from '../pipes/locale-format.pipes';
import { LocalizedTextPipe } from '../pipes/localized-text.pipe';

/** The label of each light: a word beside the dot, never the colour alone. */
export const TRAFFIC_LIGHT_KEYS: Record<TrafficLight | InputLight, string> = {
  green: 'trafficLight.lights.green',
  amber: 'trafficLight.lights.amber',
  red: 'trafficLight.lights.red',
  grey: 'trafficLight.lights.grey',
  not_measured: 'trafficLight.lights.grey',
};

export const TRAFFIC_LIGHT_INPUT_KEYS: Record<TrafficLightInput, string> = {
  plan: 'trafficLight.inputs.plan',
  reporting: 'trafficLight.inputs.reporting',
  publication: 'trafficLight.inputs.publication',
};

export const NOT_MEASURED_KEYS: Record<NotMeasuredReason, string> = {
  leads_no_activity: 'trafficLight.notMeasured.leads_no_activity',
  no_closed_round: 'trafficLight.notMeasured.no_closed_round',
  owed_nothing: 'trafficLight.notMeasured.owed_nothing',
  no_snapshot: 'trafficLight.notMeasured.no_snapshot',
  no_portal_org: 'trafficLight.notMeasured.no_portal_org',
  no_dataset: 'trafficLight.notMeasured.no_dataset',
};

/** Why an input is amber or red, per input (its value against the threshold it missed). */
export const TRAFFIC_LIGHT_REASON_KEYS: Record<TrafficLightInput, string> = {
  plan: 'trafficLight.reason.plan',
  reporting: 'trafficLight.reason.reporting',
  publication: 'trafficLight.reason.publication',
};

/** An input's figure with its counts. */
export const TRAFFIC_LIGHT_VALUE_KEYS: Record<TrafficLightInput, string> = {
  plan: 'trafficLight.value.plan',
  reporting: 'trafficLight.value.reporting',
  publication: 'trafficLight.value.publication',
};

/** A threshold as a bound: "≤ 25" for plan lateness (lower is better), "≥ 60" for the others. */
export function thresholdBounds(input: TrafficLightInput): {
  green: { op: string; value: number };
  amber: { op: string; value: number };
  red: { op: string; value: number };
} {
  const t = TRAFFIC_LIGHT_THRESHOLDS[input];
  return t.better === 'lower'
    ? { green: { op: '≤', value: t.green }, amber: { op: '≤', value: t.amber }, red: { op: '>', value: t.amber } }
    : { green: { op: '≥', value: t.green }, amber: { op: '≥', value: t.amber }, red: { op: '<', value: t.amber } };
}

/** Whether an input's figure reads as a percentage (the score is in points). */
export const isShare = (input: TrafficLightInput) => input !== 'publication';

/**
 * An administration's traffic light: a coloured dot and its word ("Red", "Not measured"), with why
 * when amber or red. `detailed` with `inputs` lists each input: its figure, where it comes from and
 * as of when, or why it is not measured.
 */
@Component({
  selector: 'msd-traffic-light',
  imports: [TranslatePipe, LocaleDatePipe, LocaleNumberPipe, LocalePercentPipe, LocalizedTextPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host {
      display: inline-block;
    }
    .msd-tl {
      display: inline-flex;
      align-items: center;
      gap: 0.4rem;
      font-weight: 600;
    }
    .msd-tl__dot {
      display: inline-block;
      inline-size: 0.8rem;
      block-size: 0.8rem;
      border-radius: 50%;
      flex: none;
      border: 1px solid rgb(0 0 0 / 35%);
    }
    .msd-tl__dot--green {
      background: #2e7d32;
    }
    .msd-tl__dot--amber {
      background: #f2a900;
    }
    .msd-tl__dot--red {
      background: #c62828;
    }
    .msd-tl__dot--grey,
    .msd-tl__dot--not_measured {
      background: #fff;
      border: 2px solid #8a939c;
    }
    .msd-tl__why {
      display: block;
      font-size: 0.8rem;
      color: #4d5660;
      font-weight: normal;
    }
    .msd-tl__inputs {
      list-style: none;
      margin: 0.5rem 0 0;
      padding: 0;
      display: grid;
      gap: 0.4rem;
    }
    .msd-tl__inputs li {
      display: grid;
      grid-template-columns: auto 1fr;
      gap: 0 0.5rem;
      align-items: baseline;
    }
    .msd-tl__source {
      grid-column: 2;
      font-size: 0.78rem;
      color: #4d5660;
    }
  `,
  template: `
    <span class="msd-tl" [attr.data-traffic-light]="value().light">
      <span class="msd-tl__dot msd-tl__dot--{{ value().light }}" aria-hidden="true"></span>
      <span class="msd-tl__label">{{ lightKeys[value().light] | translate }}</span>
    </span>
    @if (!detailed() && value().reasons.length) {
      <span class="msd-tl__why" data-traffic-reasons>
        @for (r of value().reasons; track r.input; let last = $last) {
          {{ inputKeys[r.input] | translate }}{{ last ? '' : ' · ' }}
        }
      </span>
    }
    @if (detailed()) {
      @if (value().reasons.length) {
        <p class="msd-tl__why" data-traffic-reasons>
          {{ 'trafficLight.why' | translate }}
          @for (r of value().reasons; track r.input; let last = $last) {
            {{
              reasonKeys[r.input]
                | translate
                  : {
                      value: share(r.input) ? (r.value | msdPercent) : (r.value | msdNumber),
                      threshold: share(r.input) ? (r.threshold | msdPercent) : (r.threshold | msdNumber),
                    }
            }}{{ last ? '' : ' ; ' }}
          }
        </p>
      } @else if (value().light === 'grey') {
        <p class="msd-tl__why">{{ 'trafficLight.noneMeasured' | translate }}</p>
      }
      @if (inputs().length) {
        <ul class="msd-tl__inputs">
          @for (i of inputs(); track i.input) {
            <li [attr.data-traffic-input]="i.input" [attr.data-input-light]="i.light">
              <span class="msd-tl">
                <span class="msd-tl__dot msd-tl__dot--{{ i.light }}" aria-hidden="true"></span>
                <span class="msd-tl__label">{{ lightKeys[i.light] | translate }}</span>
              </span>
              <span>
                <strong>{{ inputKeys[i.input] | translate }}</strong> ·
                @if (i.notMeasured) {
                  {{ notMeasuredKeys[i.notMeasured] | translate }}
                } @else {
                  {{
                    valueKeys[i.input]
                      | translate
                        : {
                            value: share(i.input) ? (i.value | msdPercent) : (i.value | msdNumber),
                            count: (i.count | msdNumber),
                            of: (i.of | msdNumber),
                          }
                  }}
                }
              </span>
              @if (i.source; as s) {
                <span class="msd-tl__source" data-traffic-source>
                  @switch (s.kind) {
                    @case ('plan') {
                      {{ 'trafficLight.source.plan' | translate: { plan: s.planCode ?? '', date: (i.asOf | msdDate) } }}
                    }
                    @case ('round') {
                      <!-- A round's name may be Latin text in an Arabic page. -->
                      {{ 'trafficLight.source.roundLabel' | translate }} «<bdi>{{ s.name | msdText }}</bdi
                      >»
                      {{ 'trafficLight.source.roundClosed' | translate: { date: (i.asOf | msdDate) } }}
                    }
                    @case ('snapshot') {
                      {{ 'trafficLight.source.snapshot' | translate: { date: (s.day | msdDate) } }}
                    }
                  }
                </span>
              }
            </li>
          }
        </ul>
      }
    }
  `,
})
export class TrafficLightBadge {
  /** The light (a registry row's summary, or the full report with its inputs). */
  readonly value = input.required<TrafficLightSummary & { inputs?: TrafficLightInputResult[] }>();
  /** Say why in full, and list the inputs when given. */
  readonly detailed = input(false);

  protected readonly lightKeys = TRAFFIC_LIGHT_KEYS;
  protected readonly inputKeys = TRAFFIC_LIGHT_INPUT_KEYS;
  protected readonly reasonKeys = TRAFFIC_LIGHT_REASON_KEYS;
  protected readonly valueKeys = TRAFFIC_LIGHT_VALUE_KEYS;
  protected readonly notMeasuredKeys = NOT_MEASURED_KEYS;
  protected readonly share = isShare;
  protected readonly inputs = computed(() => this.value().inputs ?? []);
}
