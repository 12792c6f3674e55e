import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogTitle,
} from '@angular/material/dialog';
import { TranslatePipe } from '@ngx-translate/core';

export interface ConflictRow {
  /** Literal translation key of the field's label. */
  labelKey: string;
  theirs: string;
  mine: string;
  differs: boolean;
}

export interface ConflictDialogData {
  rows: ConflictRow[];
  /** Literal translation keys; the activity wording by default. */
  titleKey?: string;
  messageKey?: string;
}

/** `theirs`: take the current values; `mine`: send mine again over them; nothing: keep editing. */
export type ConflictChoice = 'theirs' | 'mine' | undefined;

@Component({
  selector: 'msd-conflict-dialog',
  imports: [MatDialogTitle, MatDialogContent, MatDialogActions, MatDialogClose, MatButton, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ data.titleKey ?? 'conflict.title' | translate }}</h2>
    <mat-dialog-content>
      <p>{{ data.messageKey ?? 'conflict.message' | translate }}</p>
      <div class="msd-table-scroll">
        <table class="msd-table conflict-table">
          <caption class="msd-visually-hidden">
            {{
              'conflict.caption' | translate
            }}
          </caption>
          <thead>
            <tr>
              <th scope="col">{{ 'conflict.field' | translate }}</th>
              <th scope="col">{{ 'conflict.theirs' | translate }}</th>
              <th scope="col">{{ 'conflict.mine' | translate }}</th>
            </tr>
          </thead>
          <tbody>
            @for (row of data.rows; track row.labelKey) {
              <tr [class.conflict-table__diff]="row.differs">
                <th scope="row">
                  {{ row.labelKey | translate }}
                  @if (row.differs) {
                    <span class="conflict-table__mark">({{ 'conflict.differs' | translate }})</span>
                  }
                </th>
                <td>{{ row.theirs || ('common.none' | translate) }}</td>
                <td>{{ row.mine || ('common.none' | translate) }}</td>
              </tr>
            }
          </tbody>
        </table>
      </div>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" [mat-dialog-close]="undefined">{{ 'conflict.keepEditing' | translate }}</button>
      <button mat-stroked-button type="button" [mat-dialog-close]="'theirs'">
        {{ 'conflict.reloadTheirs' | translate }}
      </button>
      <button mat-flat-button type="button" [mat-dialog-close]="'mine'" cdkFocusInitial>
        {{ 'conflict.reapplyMine' | translate }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .conflict-table__diff {
      background: #fff6dc;
    }
    .conflict-table__mark {
      font-weight: 400;
      font-size: 0.8rem;
    }
    .conflict-table th[scope='row'] {
      font-weight: 600;
    }
  `,
})
export class ConflictDialog {
  protected readonly data = inject<ConflictDialogData>(MAT_DIALOG_DATA);
}
