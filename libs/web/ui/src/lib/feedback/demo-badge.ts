import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/** Marks illustrative data: a badge inline, or a banner across the page. */
@Component({
  selector: 'msd-demo-badge',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (variant() === 'banner') {
      <div class="msd-demo-banner" role="note">
        <span class="msd-demo-badge" aria-hidden="true">{{ label() }}</span>
        <span>{{ message() }}</span>
      </div>
    } @else {
      <span class="msd-demo-badge" [attr.title]="message() || null">{{ label() }}</span>
    }
  `,
  styles: `
    .msd-demo-badge {
      display: inline-block;
      padding: 0.1rem 0.5rem;
      border-radius: 4px;
      font-size: 0.75rem;
      font-weight: 700;
      letter-spacing: 0.03em;
      background: #fff0c2;
      color: #5c4300;
      border: 1px solid #d9a400;
    }
    .msd-demo-banner {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.75rem;
      padding: 0.75rem 1rem;
      border-radius: 8px;
      background: #fff8e1;
      color: #4a3600;
      border: 1px solid #e6b800;
    }
  `,
})
export class DemoBadge {
  readonly label = input.required<string>();
  readonly message = input<string>('');
  readonly variant = input<'badge' | 'banner'>('badge');
}
