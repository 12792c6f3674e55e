import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { ActionItemView, PartialLocalizedText } from '@marsad/contracts';
import { LocaleDatePipe, LocalizedTextLangPipe, LocalizedTextPipe } from '@marsad/web/ui';
import { TranslatePipe } from '@ngx-translate/core';
import { lateDays } from './action-item-rules';
import { CommitteeChip } from './committee-chip';

/**
 * One agenda item as it reads: its title, or the action item it follows up (owner, due date, status,
 * days late), and the measures and activities it is about. The meeting page and the agenda editor show it alike.
 */
@Component({
  selector: 'msd-agenda-entry',
  imports: [TranslatePipe, LocaleDatePipe, LocalizedTextPipe, LocalizedTextLangPipe, CommitteeChip],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (actionItem(); as item) {
      <div class="follow" [class.is-late]="item.overdue" [attr.data-follow-up]="item.reference">
        <span class="title">{{ 'committee.agenda.followUp' | translate: { reference: item.reference } }}</span>
        — <span [attr.lang]="item.text | msdTextLang">{{ item.text | msdText }}</span>
        <div class="row">
          <span [attr.lang]="item.owner.name | msdTextLang">{{ item.owner.name | msdText }}</span>
          · {{ 'committee.items.dueOnShort' | translate: { date: (item.dueOn | msdDate) } }}
          <msd-committee-chip kind="item" [value]="item.status" />
          @if (late(item); as days) {
            <strong class="late">{{ 'committee.lateBy' | translate: { days } }}</strong>
          }
        </div>
      </div>
    } @else {
      <span class="title" [attr.lang]="title() | msdTextLang">{{ title() | msdText }}</span>
    }
    @if (measureNumbers().length || activityCodes().length) {
      <div class="links">
        @for (n of measureNumbers(); track n) {
          <span>{{ 'committee.links.measure' | translate: { number: n } }}</span>
        }
        @for (c of activityCodes(); track c) {
          <span>{{ 'committee.links.activity' | translate: { code: c } }}</span>
        }
      </div>
    }
  `,
  styles: `
    .title {
      font-weight: 600;
    }
    .follow {
      margin-block-start: 0.25rem;
      padding: 0.35rem 0.6rem;
      border-inline-start: 3px solid #9bb5d3;
      background: #f5f8fc;
      font-size: 0.9rem;
    }
    .follow.is-late {
      border-inline-start-color: #a52714;
      background: #fdf1ef;
    }
    .row,
    .links {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 0.5rem;
      align-items: center;
    }
    .links {
      font-size: 0.85rem;
    }
    .late {
      color: #a52714;
      font-weight: 700;
    }
  `,
})
export class AgendaEntry {
  readonly title = input<PartialLocalizedText>({});
  readonly actionItem = input<ActionItemView | null>(null);
  readonly measureNumbers = input<number[]>([]);
  readonly activityCodes = input<string[]>([]);
  protected readonly late = lateDays;
}
