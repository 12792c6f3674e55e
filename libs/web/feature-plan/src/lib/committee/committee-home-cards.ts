import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { ActionItemsDigest, ActionItemView, MeetingSummary } from '@marsad/contracts';
import { LocaleService } from '@marsad/web/data-access';
import { EmptyState, LocaleDatePipe, LocalizedTextLangPipe, LocalizedTextPipe } from '@marsad/web/ui';
import { TranslatePipe } from '@ngx-translate/core';
import { lateDays } from './action-item-rules';
import { CommitteeChip } from './committee-chip';
import { MeetingTimePipe } from './meeting-time';

/**
 * The committee's follow-up on ADD's workbench and the committee's home: how many action items are
 * open, the overdue ones (most overdue first), the next meeting and (committee) the last one held.
 */
@Component({
  selector: 'msd-committee-follow-up',
  imports: [
    RouterLink,
    TranslatePipe,
    LocaleDatePipe,
    LocalizedTextPipe,
    LocalizedTextLangPipe,
    CommitteeChip,
    MeetingTimePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="grid">
      <div class="msd-card" data-home-action-items>
        <h2 class="msd-card__title">{{ 'committee.home.itemsTitle' | translate }}</h2>
        @if (digest(); as d) {
          <p>
            {{ 'committee.home.open' | translate: { count: d.open } }}
            ·
            <strong [class.late]="d.overdue.length > 0">{{
              'committee.home.overdue' | translate: { count: d.overdue.length }
            }}</strong>
          </p>
          <ul class="plain">
            @for (i of d.overdue; track i.id) {
              <li [attr.data-overdue-item]="i.reference">
                <span class="ref" dir="ltr">{{ i.reference }}</span> —
                <span [attr.lang]="i.text | msdTextLang">{{ i.text | msdText }}</span>
                <br />
                <span [attr.lang]="i.owner.name | msdTextLang">{{ i.owner.name | msdText }}</span>
                · {{ 'committee.items.dueOnShort' | translate: { date: (i.dueOn | msdDate) } }} ·
                <strong class="late">{{ 'committee.lateBy' | translate: { days: i.daysOverdue } }}</strong>
              </li>
            }
          </ul>
          @if (d.overdue.length) {
            <a [routerLink]="['/', locale(), 'committee', 'action-items']" [queryParams]="{ overdue: 'true' }">{{
              'committee.home.openOverdue' | translate
            }}</a>
            ·
          }
          <a [routerLink]="['/', locale(), 'committee', 'action-items']" [queryParams]="{ status: 'open' }">{{
            'committee.home.openAll' | translate
          }}</a>
        } @else {
          <p class="msd-muted">{{ 'committee.home.unavailable' | translate }}</p>
        }
      </div>
      <div class="msd-card" data-home-meetings>
        <h2 class="msd-card__title">{{ 'committee.home.meetingsTitle' | translate }}</h2>
        <h3 class="sub">{{ 'committee.home.next' | translate }}</h3>
        @if (next(); as m) {
          <p data-next-meeting>
            <a [routerLink]="['/', locale(), 'committee', 'meetings', m.id]">{{
              'committee.meeting.title' | translate: { number: m.number }
            }}</a>
            <br />{{ m.startsAt | msdMeetingTime }}
            @if (m.place) {
              <br /><span class="msd-muted">{{ m.place }}</span>
            }
            <br /><span class="msd-muted">{{
              'committee.meeting.agendaCount' | translate: { count: m.agendaCount }
            }}</span>
          </p>
        } @else {
          <p class="msd-muted">{{ 'committee.home.noNext' | translate }}</p>
        }
        @if (showLast()) {
          <h3 class="sub">{{ 'committee.home.last' | translate }}</h3>
          @if (last(); as m) {
            <p data-last-meeting>
              <a [routerLink]="['/', locale(), 'committee', 'meetings', m.id]">{{
                'committee.meeting.title' | translate: { number: m.number }
              }}</a>
              <br />{{ m.startsAt | msdMeetingTime }}
              <br />
              <msd-committee-chip kind="minutes" [value]="m.minutesState" />
              · {{ 'committee.meeting.decisionCount' | translate: { count: m.decisionCount } }}
            </p>
          } @else {
            <p class="msd-muted">{{ 'committee.home.noLast' | translate }}</p>
          }
        }
        <a [routerLink]="['/', locale(), 'committee', 'meetings']">{{ 'committee.home.allMeetings' | translate }}</a>
      </div>
    </div>
  `,
  styleUrl: '../home/home.scss',
  styles: `
    :host {
      display: block;
      margin-block: 1rem;
    }
    .sub {
      font-size: 0.9rem;
      margin: 0.5rem 0 0.25rem;
    }
    .ref {
      font-family: ui-monospace, monospace;
      font-weight: 700;
    }
  `,
})
export class CommitteeFollowUp {
  readonly digest = input<ActionItemsDigest | null | undefined>(null);
  readonly next = input<MeetingSummary | null | undefined>(null);
  readonly last = input<MeetingSummary | null | undefined>(null);
  readonly showLast = input(false);
  protected readonly locale = inject(LocaleService).locale;
}

/** An administration's action items on its home: overdue flagged, each with a link to update it. */
@Component({
  selector: 'msd-own-action-items',
  imports: [
    RouterLink,
    TranslatePipe,
    EmptyState,
    LocaleDatePipe,
    LocalizedTextPipe,
    LocalizedTextLangPipe,
    CommitteeChip,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="msd-card" data-home-own-items>
      <h2 class="msd-card__title">
        {{ 'committee.home.ownTitle' | translate: { count: open().length } }}
        @if (overdue() > 0) {
          · <span class="late">{{ 'committee.home.overdue' | translate: { count: overdue() } }}</span>
        }
      </h2>
      @if (items().length === 0) {
        <msd-empty-state
          [title]="'committee.home.ownEmptyTitle' | translate"
          [message]="'committee.home.ownEmptyMessage' | translate"
        />
      } @else {
        <ul class="plain">
          @for (i of items(); track i.id) {
            <li class="own" [attr.data-own-item]="i.reference">
              <div>
                <span class="ref" dir="ltr">{{ i.reference }}</span>
                <msd-committee-chip kind="item" [value]="i.status" />
                @if (late(i); as days) {
                  <strong class="late">{{ 'committee.lateBy' | translate: { days } }}</strong>
                }
              </div>
              <span [attr.lang]="i.text | msdTextLang">{{ i.text | msdText }}</span>
              <span class="msd-muted">
                {{ 'committee.items.dueOnShort' | translate: { date: (i.dueOn | msdDate) } }}
                ·
                {{
                  'committee.items.decisionRef'
                    | translate: { meeting: i.decision.meetingNumber, decision: i.decision.number }
                }}
              </span>
              @if (editable()) {
                <a [routerLink]="['/', locale(), 'committee', 'action-items']" [fragment]="'item-' + i.id">{{
                  'committee.home.update' | translate
                }}</a>
              }
            </li>
          }
        </ul>
        <a [routerLink]="['/', locale(), 'committee', 'action-items']">{{ 'committee.home.openAll' | translate }}</a>
      }
    </div>
  `,
  styleUrl: '../home/home.scss',
  styles: `
    :host {
      display: block;
      margin-block: 1rem;
    }
    .own {
      display: grid;
      gap: 0.2rem;
      padding-block: 0.4rem;
      border-block-end: 1px solid var(--msd-border);
    }
    .own > div {
      display: flex;
      flex-wrap: wrap;
      gap: 0.35rem 0.6rem;
      align-items: center;
    }
    .ref {
      font-family: ui-monospace, monospace;
      font-weight: 700;
    }
  `,
})
export class OwnActionItems {
  readonly items = input<readonly ActionItemView[]>([]);
  /** Its own officers (or a coordinator) may update them. */
  readonly editable = input(false);
  protected readonly locale = inject(LocaleService).locale;
  protected readonly late = lateDays;
  protected readonly open = computed(() =>
    this.items().filter((i) => i.status === 'open' || i.status === 'in_progress'),
  );
  protected readonly overdue = computed(() => this.items().filter((i) => i.overdue).length);
}
