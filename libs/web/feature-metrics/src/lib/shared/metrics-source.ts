import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { HarvestRunView, PortalStatus, Provenance } from '@marsad/contracts';
import { LocaleDatePipe, ProvenanceLabel } from '@marsad/web/ui';
import { TranslatePipe } from '@ngx-translate/core';
import { portalHost } from './metrics-math';

/** "Figures as of <day>, from the harvest of <time>" and the portal they come from. */
@Component({
  selector: 'msd-metrics-source',
  imports: [TranslatePipe, LocaleDatePipe, ProvenanceLabel],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (asOf(); as day) {
      <p class="src">
        <span class="src__mark" aria-hidden="true">⟳</span>
        <span>
          @if (harvestedAt(); as at) {
            {{ 'metrics.source.asOfHarvest' | translate: { day: (day | msdDate), time: (at | msdDate: 'datetime') } }}
          } @else {
            {{ 'metrics.source.asOf' | translate: { day: (day | msdDate) } }}
          }
          @if (host(); as h) {
            {{ 'metrics.source.portal' | translate }}
            <a [href]="portalUrl()" target="_blank" rel="noopener noreferrer" dir="ltr">{{ h }}</a><span
              class="msd-visually-hidden"
            >
              ({{ 'metrics.newTab' | translate }})</span
            >.
          } @else if (status()?.portalUrl === 'demo') {
            {{ 'metrics.source.demoPortal' | translate }}
          }
          @if (provenance(); as p) {
            <msd-provenance [provenance]="p" />
          }
          @if (status()?.nextRunAt; as next) {
            <span class="src__next">{{
              'metrics.source.nextRun' | translate: { time: (next | msdDate: 'datetime') }
            }}</span>
          }
        </span>
      </p>
    }
  `,
  styles: `
    .src {
      display: flex;
      gap: 0.5rem;
      align-items: baseline;
      margin: 0 0 1rem;
      padding: 0.6rem 0.9rem;
      border-radius: 8px;
      background: #eef4f0;
      border: 1px solid #cfe0d5;
      font-size: 0.9rem;
    }
    .src__next {
      display: inline-block;
      margin-inline-start: 0.35em;
      color: var(--msd-muted, #4d5660);
    }
  `,
})
export class MetricsSource {
  readonly asOf = input<string | null>(null);
  readonly run = input<HarvestRunView | null>(null);
  /** Automated (from the harvest) or demo, as the API says. */
  readonly provenance = input<Provenance | null>(null);
  readonly status = input<PortalStatus | null>(null);

  protected readonly harvestedAt = computed(() => {
    const run = this.run() ?? this.status()?.lastGoodRun ?? null;
    return run ? (run.finishedAt ?? run.startedAt) : null;
  });
  protected readonly portalUrl = computed(() => this.status()?.portalUrl ?? '');
  protected readonly host = computed(() => portalHost(this.status()?.portalUrl));
}
