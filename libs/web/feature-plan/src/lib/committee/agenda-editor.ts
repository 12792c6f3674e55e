import { ChangeDetectionStrategy, Component, inject, model, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { COMMITTEE_TEXT_MAX_LENGTH } from '@marsad/contracts';
import { LocaleService } from '@marsad/web/data-access';
import { TranslatePipe } from '@ngx-translate/core';
import { moveRow, newRow, type AgendaRow } from './agenda';
import { AgendaEntry } from './agenda-entry';
import { PlanLinksSelect } from './plan-links-select';

/** Orders a meeting's agenda: move items up and down, remove them, add one (title in ar/fr, linked measures). */
@Component({
  selector: 'msd-agenda-editor',
  imports: [FormsModule, TranslatePipe, MatButton, MatFormField, MatLabel, MatInput, AgendaEntry, PlanLinksSelect],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ol class="agenda" data-agenda-editor>
      @for (row of rows(); track row.key; let i = $index, first = $first, last = $last) {
        <li class="agenda__item editor__row" [attr.data-agenda-row]="i">
          <div>
            <msd-agenda-entry
              [title]="row.title"
              [actionItem]="row.actionItem"
              [measureNumbers]="row.measureNumbers"
              [activityCodes]="row.activityCodes"
            />
          </div>
          <div class="editor__buttons">
            <button
              mat-button
              type="button"
              (click)="move(i, -1)"
              [disabled]="first"
              [attr.aria-label]="'committee.agenda.up' | translate: { n: i + 1 }"
            >
              ↑
            </button>
            <button
              mat-button
              type="button"
              (click)="move(i, 1)"
              [disabled]="last"
              [attr.aria-label]="'committee.agenda.down' | translate: { n: i + 1 }"
            >
              ↓
            </button>
            <button
              mat-button
              type="button"
              (click)="remove(i)"
              [attr.aria-label]="'committee.agenda.remove' | translate: { n: i + 1 }"
              data-agenda-remove
            >
              ✕
            </button>
          </div>
        </li>
      }
    </ol>
    @if (rows().length === 0) {
      <p class="msd-muted">{{ 'committee.agenda.empty' | translate }}</p>
    }
    <fieldset class="msd-fieldset">
      <legend>{{ 'committee.agenda.add' | translate }}</legend>
      <div class="msd-form__row">
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>{{ 'committee.agenda.titleFr' | translate }}</mat-label>
          <input matInput [(ngModel)]="titleFr" lang="fr" dir="ltr" [maxlength]="max" data-agenda-title-fr />
        </mat-form-field>
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>{{ 'committee.agenda.titleAr' | translate }}</mat-label>
          <input matInput [(ngModel)]="titleAr" lang="ar" dir="rtl" [maxlength]="max" data-agenda-title-ar />
        </mat-form-field>
      </div>
      <msd-plan-links-select [(measureNumbers)]="measures" [(activityCodes)]="activities" />
      @if (missingTitle()) {
        <p class="msd-hint-error" role="alert">{{ 'committee.agenda.titleRequired' | translate }}</p>
      }
      <div class="msd-form__actions">
        <button mat-stroked-button type="button" (click)="add()" data-agenda-add>
          {{ 'committee.agenda.addButton' | translate }}
        </button>
      </div>
    </fieldset>
  `,
  styleUrl: './committee.scss',
})
export class AgendaEditor {
  readonly rows = model.required<AgendaRow[]>();
  protected readonly locale = inject(LocaleService).locale;
  protected readonly max = COMMITTEE_TEXT_MAX_LENGTH;
  protected titleFr = '';
  protected titleAr = '';
  protected readonly measures = signal<number[]>([]);
  protected readonly activities = signal<string[]>([]);
  protected readonly missingTitle = signal(false);

  protected move(index: number, delta: -1 | 1): void {
    this.rows.update((rows) => moveRow(rows, index, delta));
  }

  protected remove(index: number): void {
    this.rows.update((rows) => rows.filter((_, i) => i !== index));
  }

  protected add(): void {
    const fr = this.titleFr.trim();
    const ar = this.titleAr.trim();
    if (!fr && !ar) {
      this.missingTitle.set(true);
      return;
    }
    this.missingTitle.set(false);
    const title = { ...(fr ? { fr } : {}), ...(ar ? { ar } : {}) };
    this.rows.update((rows) => [...rows, newRow(title, this.measures(), this.activities())]);
    this.titleFr = '';
    this.titleAr = '';
    this.measures.set([]);
    this.activities.set([]);
  }
}
