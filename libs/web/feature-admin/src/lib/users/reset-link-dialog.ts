import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogTitle,
} from '@angular/material/dialog';
import type { ResetLinkView, UserView } from '@marsad/contracts';
import { TranslatePipe } from '@ngx-translate/core';
import { ResetLinkPanel } from './reset-link-panel';

export interface ResetLinkDialogData {
  user: UserView;
  link: ResetLinkView;
}

@Component({
  selector: 'msd-reset-link-dialog',
  imports: [
    MatDialogTitle,
    MatDialogContent,
    MatDialogActions,
    MatDialogClose,
    MatButton,
    TranslatePipe,
    ResetLinkPanel,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ 'users.link.title' | translate: { name: data.user.displayName } }}</h2>
    <mat-dialog-content>
      <msd-reset-link-panel [link]="data.link" [name]="data.user.displayName" />
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-flat-button type="button" mat-dialog-close cdkFocusInitial>
        {{ 'users.link.done' | translate }}
      </button>
    </mat-dialog-actions>
  `,
})
export class ResetLinkDialog {
  protected readonly data = inject<ResetLinkDialogData>(MAT_DIALOG_DATA);
}
