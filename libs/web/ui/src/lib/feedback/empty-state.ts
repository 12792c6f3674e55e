import { ChangeDetectionStrategy, Component, input } from '@angular/core';

@Component({
  selector: 'msd-empty-state',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="msd-empty" role="status">
      <span class="msd-empty__mark" aria-hidden="true">∅</span>
      <p class="msd-empty__title">{{ title() }}</p>
      @if (message()) {
        <p class="msd-empty__message">{{ message() }}</p>
      }
      <ng-content />
    </div>
  `,
  styles: `
    .msd-empty {
      display: grid;
      justify-items: center;
      gap: 0.5rem;
      padding: 2rem 1rem;
      text-align: center;
      border: 1px dashed var(--msd-border, #c5cbd3);
      border-radius: 12px;
    }
    .msd-empty__mark {
      font-size: 2rem;
      opacity: 0.5;
    }
    .msd-empty__title {
      margin: 0;
      font-weight: 600;
      font-size: 1.1rem;
    }
    .msd-empty__message {
      margin: 0;
      max-inline-size: 40rem;
    }
  `,
})
export class EmptyState {
  readonly title = input.required<string>();
  readonly message = input<string>('');
}
