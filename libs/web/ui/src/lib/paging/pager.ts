import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import { LocaleNumberPipe } from '../pipes/locale-format.pipes';

/** Previous / next over a server-paged list; pages count from 1. */
@Component({
  selector: 'msd-pager',
  imports: [TranslatePipe, LocaleNumberPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (total() > 0) {
      <nav class="pager" [attr.aria-label]="'pager.label' | translate">
        <button type="button" class="pager__button" [disabled]="page() <= 1" (click)="pageChange.emit(page() - 1)">
          <span aria-hidden="true" class="pager__arrow">‹</span> {{ 'pager.previous' | translate }}
        </button>
        <span class="pager__status" aria-live="polite">
          {{
            'pager.status'
              | translate: { from: (first() | msdNumber), to: (last() | msdNumber), total: (total() | msdNumber) }
          }}
        </span>
        <button
          type="button"
          class="pager__button"
          [disabled]="page() >= pages()"
          (click)="pageChange.emit(page() + 1)"
        >
          {{ 'pager.next' | translate }} <span aria-hidden="true" class="pager__arrow">›</span>
        </button>
      </nav>
    }
  `,
  styles: `
    .pager {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 0.5rem;
      margin-block: 1rem;
    }
    .pager__status {
      font-variant-numeric: tabular-nums;
    }
    .pager__button {
      min-block-size: 2.5rem;
      padding-inline: 1rem;
      border-radius: 999px;
      border: 1px solid var(--msd-border, #c5cbd3);
      background: #fff;
      color: inherit;
      font: inherit;
      cursor: pointer;
      &:disabled {
        opacity: 0.45;
        cursor: default;
      }
      &:hover:not(:disabled) {
        background: var(--msd-hover, #f2f4f6);
      }
    }
    :host-context([dir='rtl']) .pager__arrow {
      display: inline-block;
      transform: scaleX(-1);
    }
  `,
})
export class Pager {
  readonly page = input.required<number>();
  readonly pageSize = input.required<number>();
  readonly total = input.required<number>();
  readonly pageChange = output<number>();

  protected readonly pages = computed(() => Math.max(1, Math.ceil(this.total() / Math.max(1, this.pageSize()))));
  protected readonly first = computed(() => (this.page() - 1) * this.pageSize() + 1);
  protected readonly last = computed(() => Math.min(this.total(), this.page() * this.pageSize()));
}
