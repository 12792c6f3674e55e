import { ChangeDetectionStrategy, Component, model } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import type { InvitedExpert } from '@marsad/contracts';
import { TranslatePipe } from '@ngx-translate/core';

/** Outside experts invited to a meeting (the committee is open to any body that brings content or experience). */
@Component({
  selector: 'msd-experts-editor',
  imports: [FormsModule, TranslatePipe, MatButton, MatFormField, MatLabel, MatInput],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <fieldset class="msd-fieldset">
      <legend>{{ 'committee.experts.title' | translate }}</legend>
      <div class="fieldset-list">
        @for (e of experts(); track $index; let i = $index) {
          <div class="msd-form__row" [attr.data-expert]="i">
            <mat-form-field subscriptSizing="dynamic">
              <mat-label>{{ 'committee.experts.name' | translate }}</mat-label>
              <input matInput [ngModel]="e.name" (ngModelChange)="set(i, 'name', $event)" maxlength="200" />
            </mat-form-field>
            <mat-form-field subscriptSizing="dynamic">
              <mat-label>{{ 'committee.experts.organisation' | translate }}</mat-label>
              <input
                matInput
                [ngModel]="e.organisation"
                (ngModelChange)="set(i, 'organisation', $event)"
                maxlength="200"
              />
            </mat-form-field>
            <mat-form-field subscriptSizing="dynamic">
              <mat-label>{{ 'committee.experts.topic' | translate }}</mat-label>
              <input matInput [ngModel]="e.topic ?? ''" (ngModelChange)="set(i, 'topic', $event)" maxlength="300" />
            </mat-form-field>
            <div>
              <button mat-button type="button" (click)="remove(i)">{{ 'common.remove' | translate }}</button>
            </div>
          </div>
        }
      </div>
      <button mat-stroked-button type="button" (click)="add()" data-expert-add>
        {{ 'committee.experts.add' | translate }}
      </button>
    </fieldset>
  `,
})
export class ExpertsEditor {
  readonly experts = model<InvitedExpert[]>([]);

  protected set(index: number, field: keyof InvitedExpert, value: string): void {
    this.experts.update((list) => list.map((e, i) => (i === index ? { ...e, [field]: value } : e)));
  }

  protected add(): void {
    this.experts.update((list) => [...list, { name: '', organisation: '', topic: '' }]);
  }

  protected remove(index: number): void {
    this.experts.update((list) => list.filter((_, i) => i !== index));
  }
}

/** The experts worth sending: a name at least, trimmed. */
export function cleanExperts(list: readonly InvitedExpert[]): InvitedExpert[] {
  return list
    .map((e) => ({ name: e.name.trim(), organisation: e.organisation.trim(), topic: e.topic?.trim() || null }))
    .filter((e) => e.name);
}
