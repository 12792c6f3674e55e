import { ChangeDetectionStrategy, Component, inject, Injectable } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  MatDialog,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { pickText, REUSE_LIMITS, type ReuseView } from '@marsad/contracts';
import { LocaleService, ReusesApi, toApiError } from '@marsad/web/data-access';
import { FieldError } from '@marsad/web/ui/forms';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { firstValueFrom } from 'rxjs';
import { askConfirm } from '../events/confirm';

export interface RejectDialogData {
  title: string;
}

/** Asks why a reuse is rejected: the reason goes to the record, for the coordinators (never shown publicly). */
@Component({
  selector: 'msd-reject-reuse-dialog',
  imports: [
    ReactiveFormsModule,
    TranslatePipe,
    MatDialogTitle,
    MatDialogContent,
    MatDialogActions,
    MatDialogClose,
    MatButton,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    FieldError,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="confirm()" novalidate>
      <h2 mat-dialog-title>{{ 'reuses.moderation.rejectTitle' | translate: { title: data.title } }}</h2>
      <mat-dialog-content>
        <p>{{ 'reuses.moderation.rejectMessage' | translate }}</p>
        <mat-form-field class="reason">
          <mat-label>{{ 'reuses.moderation.reason' | translate }}</mat-label>
          <textarea
            matInput
            formControlName="reason"
            rows="4"
            required
            [maxlength]="limit"
            cdkFocusInitial
            data-reject-reason
          ></textarea>
          <mat-hint>{{ 'reuses.moderation.reasonHint' | translate }}</mat-hint>
          <mat-error><msd-field-error [errors]="reason.errors" /></mat-error>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" [mat-dialog-close]="undefined">{{ 'common.cancel' | translate }}</button>
        <button mat-flat-button type="submit" data-confirm-reject>{{ 'reuses.moderation.reject' | translate }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .reason {
      inline-size: 100%;
    }
  `,
})
export class RejectReuseDialog {
  protected readonly data = inject<RejectDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<RejectReuseDialog, string>>(MatDialogRef);
  protected readonly limit = REUSE_LIMITS.rejectReason;
  protected readonly reason = new FormControl('', {
    nonNullable: true,
    validators: [Validators.required, Validators.maxLength(REUSE_LIMITS.rejectReason)],
  });
  protected readonly form = new FormGroup({ reason: this.reason });

  protected confirm(): void {
    const text = this.reason.value.trim();
    if (!text || this.reason.invalid) {
      this.reason.setValue(text);
      this.reason.markAsTouched();
      return;
    }
    this.ref.close(text);
  }
}

/** How a moderation step ended: saved, given up, or overtaken by someone else's change (409). */
export type ModerationOutcome =
  | { kind: 'saved'; reuse: ReuseView }
  | { kind: 'cancelled' }
  | { kind: 'conflict' }
  | { kind: 'failed'; messageKey: string };

/** Publishing (after a confirmation) and rejecting (with a reason) a reuse, on the version the coordinator read. */
@Injectable({ providedIn: 'root' })
export class ReuseModeration {
  private readonly api = inject(ReusesApi);
  private readonly dialog = inject(MatDialog);
  private readonly translate = inject(TranslateService);
  private readonly localeService = inject(LocaleService);

  async publish(reuse: ReuseView): Promise<ModerationOutcome> {
    const ok = await askConfirm(
      this.dialog,
      this.translate,
      this.localeService.dir(),
      {
        title: 'reuses.moderation.publishTitle',
        message: 'reuses.moderation.publishMessage',
        confirm: 'reuses.moderation.publish',
      },
      { title: this.titleOf(reuse) },
    );
    if (!ok) return { kind: 'cancelled' };
    return this.send(reuse, { version: reuse.version, status: 'published' });
  }

  async reject(reuse: ReuseView): Promise<ModerationOutcome> {
    const ref = this.dialog.open<RejectReuseDialog, RejectDialogData, string>(RejectReuseDialog, {
      data: { title: this.titleOf(reuse) },
      direction: this.localeService.dir(),
      width: '36rem',
      maxWidth: '95vw',
    });
    const reason = await firstValueFrom(ref.afterClosed(), { defaultValue: undefined });
    if (typeof reason !== 'string' || !reason.trim()) return { kind: 'cancelled' };
    return this.send(reuse, { version: reuse.version, status: 'rejected', rejectReason: reason.trim() });
  }

  private async send(reuse: ReuseView, request: Parameters<ReusesApi['update']>[1]): Promise<ModerationOutcome> {
    try {
      return { kind: 'saved', reuse: await firstValueFrom(this.api.update(reuse.id, request)) };
    } catch (error) {
      const e = toApiError(error);
      if (e.code === 'VERSION_CONFLICT') return { kind: 'conflict' };
      return { kind: 'failed', messageKey: e.messageKey };
    }
  }

  private titleOf(reuse: ReuseView): string {
    return pickText(reuse.title, this.localeService.locale())?.text ?? '';
  }
}
