import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { MilestoneView, ProgressUpdateView } from '@marsad/contracts';
import {
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

/** Milestones and progress updates, newest first, with their evidence. */
@Component({
  selector: 'msd-timeline',
  imports: [
    RouterLink,
    TranslatePipe,
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

  protected readonly entries = computed(() => buildTimeline(this.milestones(), this.updates()));
}
