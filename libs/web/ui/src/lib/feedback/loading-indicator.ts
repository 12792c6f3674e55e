import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatProgressSpinner } from '@angular/material/progress-spinner';

@Component({
  selector: 'msd-loading',
  imports: [MatProgressSpinner],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="msd-loading" role="status" aria-live="polite">
      <mat-progress-spinner mode="indeterminate" [diameter]="diameter()" aria-hidden="true" />
      <span class="msd-loading__label">{{ label() }}</span>
    </div>
  `,
  styles: `
    .msd-loading {
      display: flex;
      align-items: center;
      justify-content: center;
      gap: 0.75rem;
      padding: 2rem 1rem;
    }
  `,
})
export class LoadingIndicator {
  readonly label = input.required<string>();
  readonly diameter = input(32);
}
