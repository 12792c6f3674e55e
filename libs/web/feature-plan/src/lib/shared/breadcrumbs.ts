import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@ngx-translate/core';

/** A translation key (literal at the call site) and its parameters, and where it leads. */
export interface Crumb {
  key: string;
  params?: Record<string, unknown>;
  link?: unknown[];
}

@Component({
  selector: 'msd-breadcrumbs',
  imports: [RouterLink, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nav [attr.aria-label]="'nav.breadcrumbs' | translate" class="msd-crumbs">
      <ol>
        @for (crumb of crumbs(); track $index; let last = $last) {
          <li>
            @if (crumb.link && !last) {
              <a [routerLink]="crumb.link">{{ crumb.key | translate: crumb.params }}</a>
            } @else {
              <span [attr.aria-current]="last ? 'page' : null">{{ crumb.key | translate: crumb.params }}</span>
            }
          </li>
        }
      </ol>
    </nav>
  `,
  styles: `
    ol {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem;
      list-style: none;
      margin: 0 0 1rem;
      padding: 0;
      font-size: 0.9rem;
    }
    li {
      display: inline-flex;
      align-items: center;
      gap: 0.25rem;
      min-inline-size: 0;
    }
    li + li::before {
      content: '›';
      opacity: 0.6;
      padding-inline-end: 0.25rem;
    }
    :host-context([dir='rtl']) li + li::before {
      content: '‹';
    }
    span {
      overflow-wrap: anywhere;
    }
  `,
})
export class Breadcrumbs {
  readonly crumbs = input.required<Crumb[]>();
}
