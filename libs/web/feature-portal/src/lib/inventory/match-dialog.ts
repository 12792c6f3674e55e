import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';
import type { InventoryItemView, InventoryMatchCandidate } from '@marsad/contracts';
import { ApiError, InventoryApi } from '@marsad/web/data-access';
import { EmptyState, LoadingIndicator } from '@marsad/web/ui';
import { TranslatePipe } from '@ngx-translate/core';
import { MATCH_BASIS_KEYS, MATCH_STATE_KEYS } from '../labels';

export interface MatchDialogData {
  item: InventoryItemView;
  /** The item's title in the reader's language. */
  label: string;
}

/**
 * Confirms which portal dataset an item became (from the administration's candidates, best first),
 * or clears the match. Closes with the item as saved; with nothing when nothing changed.
 */
@Component({
  selector: 'msd-match-dialog',
  imports: [MatDialogTitle, MatDialogContent, MatDialogActions, MatButton, TranslatePipe, LoadingIndicator, EmptyState],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ 'inventory.matchDialog.title' | translate }}</h2>
    <mat-dialog-content class="mdl">
      <p class="mdl__item">
        <span dir="ltr" class="mdl__ref">{{ item().reference }}</span> · <span dir="auto">{{ data.label }}</span>
      </p>
      <p class="msd-muted">{{ 'inventory.matchDialog.intro' | translate }}</p>
      @if (current(); as m) {
        <div class="mdl__current">
          <p class="mdl__state">{{ stateKeys[m.state] | translate }}</p>
          <p>
            <a [href]="m.portalUrl" target="_blank" rel="noopener noreferrer" dir="auto">{{ m.title || m.name }}</a>
            @if (m.basis) {
              <span class="msd-muted"> · {{ basisKeys[m.basis] | translate }}</span>
            }
          </p>
        </div>
      }
      @if (error(); as e) {
        <div class="msd-error" role="alert">
          <p>{{ e.messageKey | translate }}</p>
          @for (f of e.fields; track f.field) {
            <p>{{ f.message }}</p>
          }
        </div>
      }
      <h3 class="mdl__heading">{{ 'inventory.matchDialog.candidates' | translate }}</h3>
      @if (candidates.error()) {
        <div class="msd-error" role="alert">
          <p>{{ loadErrorKey() | translate }}</p>
          <button mat-stroked-button type="button" (click)="candidates.reload()">
            {{ 'common.retry' | translate }}
          </button>
        </div>
      } @else if (candidates.isLoading()) {
        <msd-loading [label]="'common.loading' | translate" />
      } @else if (candidates.value().length === 0) {
        <msd-empty-state
          [title]="'inventory.matchDialog.noneTitle' | translate"
          [message]="'inventory.matchDialog.noneHint' | translate"
        />
      } @else {
        <ul class="mdl__list">
          @for (c of candidates.value(); track c.ckanId) {
            <li class="mdl__candidate" [class.is-current]="c.ckanId === item().match.ckanId">
              <div class="mdl__text">
                <a [href]="c.portalUrl" target="_blank" rel="noopener noreferrer" dir="auto">{{ c.title }}</a>
                <span class="msd-muted mdl__name" dir="ltr">{{ c.name }}</span>
                <span class="mdl__basis">{{
                  (c.basis ? basisKeys[c.basis] : 'inventory.match.basis.words') | translate
                }}</span>
              </div>
              @if (c.ckanId === item().match.ckanId && item().match.state === 'confirmed') {
                <span class="mdl__confirmed">{{ 'inventory.match.confirmed' | translate }}</span>
              } @else {
                <button mat-flat-button type="button" class="mdl__confirm" (click)="confirm(c)" [disabled]="saving()">
                  {{ 'inventory.matchDialog.confirm' | translate }}
                </button>
              }
            </li>
          }
        </ul>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" (click)="close()" [disabled]="saving()">{{ 'common.close' | translate }}</button>
      @if (item().match.state !== 'none') {
        <button mat-stroked-button type="button" class="mdl__clear" (click)="clear()" [disabled]="saving()">
          {{ 'inventory.matchDialog.clear' | translate }}
        </button>
      }
    </mat-dialog-actions>
  `,
  styles: `
    .mdl {
      display: grid;
      gap: 0.5rem;
    }
    .mdl p {
      margin: 0;
    }
    .mdl__item {
      font-weight: 600;
      overflow-wrap: anywhere;
    }
    .mdl__ref {
      font-variant-numeric: tabular-nums;
    }
    .mdl__current {
      border: 1px solid var(--msd-border, #d5dae0);
      border-radius: 10px;
      padding: 0.5rem 0.75rem;
      overflow-wrap: anywhere;
    }
    .mdl__state {
      font-size: 0.8rem;
      color: var(--msd-muted, #4d5660);
    }
    .mdl__heading {
      margin: 0.5rem 0 0;
      font-size: 1rem;
    }
    .mdl__list {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 0.5rem;
    }
    .mdl__candidate {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 0.5rem;
      border: 1px solid var(--msd-border, #d5dae0);
      border-radius: 10px;
      padding: 0.5rem 0.75rem;
    }
    .mdl__candidate.is-current {
      border-color: var(--msd-accent, #1b6b3a);
      background: var(--msd-accent-soft, #e8f3ec);
    }
    .mdl__text {
      display: grid;
      gap: 0.1rem;
      min-inline-size: 0;
      flex: 1 1 14rem;
      overflow-wrap: anywhere;
    }
    .mdl__name {
      font-size: 0.8rem;
    }
    .mdl__basis {
      font-size: 0.8rem;
    }
    .mdl__confirmed {
      font-weight: 600;
      color: #1f5e23;
    }
  `,
})
export class MatchDialog {
  protected readonly data = inject<MatchDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<MatchDialog, InventoryItemView>>(MatDialogRef);
  private readonly api = inject(InventoryApi);

  protected readonly stateKeys = MATCH_STATE_KEYS;
  protected readonly basisKeys = MATCH_BASIS_KEYS;
  /** The item as last read: replaced by the current one after a 409, so a second try carries its version. */
  protected readonly item = signal(this.data.item);
  protected readonly saving = signal(false);
  protected readonly error = signal<ApiError | null>(null);
  protected readonly current = computed(() =>
    this.item().match.state !== 'none' && this.item().match.portalUrl ? this.item().match : null,
  );

  protected readonly candidates = rxResource({
    stream: () => this.api.candidates(this.data.item.id),
    defaultValue: [] as InventoryMatchCandidate[],
  });
  protected readonly loadErrorKey = computed(() => {
    const e = this.candidates.error();
    return e instanceof ApiError ? e.messageKey : 'errors.INTERNAL_ERROR';
  });

  protected confirm(candidate: InventoryMatchCandidate): void {
    this.send(candidate.ckanId);
  }

  protected clear(): void {
    this.send(null);
  }

  protected close(): void {
    this.ref.close();
  }

  private send(ckanId: string | null): void {
    if (this.saving()) return;
    this.saving.set(true);
    this.error.set(null);
    this.api.confirmMatch(this.item().id, { version: this.item().version, ckanId }).subscribe({
      next: (item) => {
        this.saving.set(false);
        this.ref.close(item);
      },
      error: (e: ApiError) => {
        this.saving.set(false);
        this.error.set(e);
        if (e.code === 'VERSION_CONFLICT' && isItem(e.current)) this.item.set(e.current);
      },
    });
  }
}

function isItem(value: unknown): value is InventoryItemView {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as InventoryItemView).version === 'number' &&
    typeof (value as InventoryItemView).id === 'string'
  );
}
