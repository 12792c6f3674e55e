import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import {
  ACTION_ITEM_STATUS_KEYS,
  ATTENDANCE_KEYS,
  MEETING_STATUS_KEYS,
  MINUTES_STATE_KEYS,
  STATE_GLYPHS,
} from './committee-labels';

const KEYS: Record<string, Record<string, string>> = {
  meeting: MEETING_STATUS_KEYS,
  minutes: MINUTES_STATE_KEYS,
  item: ACTION_ITEM_STATUS_KEYS,
  attendance: ATTENDANCE_KEYS,
};

/** A meeting's status, its minutes' state, an action item's status or an attendance: glyph and text. */
@Component({
  selector: 'msd-committee-chip',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span class="chip chip--{{ kind() }}-{{ value() }}" [attr.data-state]="value()"
    ><span class="chip__glyph" aria-hidden="true">{{ glyph() }}</span
    >{{ key() | translate }}</span
  >`,
  styles: `
    :host {
      display: inline-flex;
    }
    .chip {
      display: inline-flex;
      align-items: center;
      gap: 0.3rem;
      padding: 0.1rem 0.55rem;
      border-radius: 999px;
      font-size: 0.8rem;
      font-weight: 600;
      line-height: 1.4;
      white-space: nowrap;
      border: 1px solid currentColor;
      color: #4d5660;
      background: #f0f2f4;
    }
    .chip--meeting-planned,
    .chip--item-in_progress {
      color: #174d9c;
      background: #e8f0fc;
    }
    .chip--meeting-held,
    .chip--minutes-approved,
    .chip--item-done,
    .chip--attendance-present {
      color: #1f5e23;
      background: #e7f4e8;
    }
    .chip--minutes-draft,
    .chip--item-open,
    .chip--attendance-excused {
      color: #6b4a00;
      background: #fff6dc;
    }
    .chip--meeting-cancelled,
    .chip--item-dropped,
    .chip--attendance-absent {
      color: #74304a;
      background: #f8eaf0;
    }
  `,
})
export class CommitteeChip {
  readonly kind = input.required<'meeting' | 'minutes' | 'item' | 'attendance'>();
  readonly value = input.required<string>();
  protected readonly key = computed(() => KEYS[this.kind()][this.value()] ?? 'common.none');
  protected readonly glyph = computed(() => STATE_GLYPHS[this.value()] ?? '');
}
