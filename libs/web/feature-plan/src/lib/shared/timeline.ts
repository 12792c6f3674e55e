import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import type { MilestoneView, ProgressUpdateView } from '@marsad/contracts';
import {
  BLOCKER_LABEL_KEYS,
  DemoBadge,
  LocaleDatePipe,
  LocaleFileSizePipe,
  LocalePercentPipe,
  LocalizedTextLangPipe,
  LocalizedTextPipe,
  StateChip,
} from '@marsad/web/ui';
import { TranslatePipe } from '@ngx-translate/core';
import { buildTimeline } from './timeline.util';

/** Milestones and progress reports, newest first, with their evidence, validation state and blockers. */
@Component({
  selector: 'msd-timeline',
  imports: [
    RouterLink,
    TranslatePipe,
    MatButton,
    StateChip,
    DemoBadge,
    LocaleDatePipe,
    LocaleFileSizePipe,
    LocalePercentPipe,
    LocalizedTextPipe,
    LocalizedTextLangPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './timeline.html',
  styleUrl: './timeline.scss',
})
export class Timeline {
  readonly milestones = input<MilestoneView[]>([]);
  readonly updates = input<ProgressUpdateView[]>([]);
  /** On a measure page, say which activity each entry belongs to and link to it. */
  readonly activityLink = input<((activityId: string) => unknown[]) | null>(null);
  /** The caller's administration: its draft and returned reports get a "correct" button. */
  readonly reviserInstitution = input<string | null>(null);
  readonly revise = output<ProgressUpdateView>();
  protected readonly blockerKeys = BLOCKER_LABEL_KEYS;

  protected readonly entries = computed(() => buildTimeline(this.milestones(), this.updates()));
}
