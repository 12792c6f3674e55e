import type { Direction } from '@angular/cdk/bidi';
import type { MatDialog } from '@angular/material/dialog';
import { ConfirmDialog, type ConfirmDialogData } from '@marsad/web/ui/forms';
import type { TranslateService } from '@ngx-translate/core';

/** Literal translation keys of a confirmation. */
export interface ConfirmKeys {
  title: string;
  message: string;
  confirm: string;
}

/** Asks before a step that is not undone lightly; resolves true when the person confirms. */
export function askConfirm(
  dialog: MatDialog,
  translate: TranslateService,
  direction: Direction,
  keys: ConfirmKeys,
  params: object = {},
): Promise<boolean> {
  const ref = dialog.open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, {
    data: {
      title: translate.instant(keys.title, params),
      message: translate.instant(keys.message, params),
      confirm: translate.instant(keys.confirm),
      cancel: translate.instant('common.cancel'),
    },
    direction,
  });
  return new Promise<boolean>((resolve) => ref.afterClosed().subscribe((r) => resolve(r === true)));
}
