import { ChangeDetectionStrategy, Component, inject, model, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { COMMITTEE_TEXT_MAX_LENGTH } from '@marsad/contracts';
import { LocaleService } from '@marsad/web/data-access';
import { LocaleDatePipe, LocalizedTextLangPipe, LocalizedTextPipe } from '@marsad/web/ui';
import { TranslatePipe } from '@ngx-translate/core';
import { lateDays } from './action-item-rules';
import { moveRow, newRow, type AgendaRow } from './agenda';
import { CommitteeChip } from './committee-chip';
import { PlanLinksSelect } from './plan-links-select';

/** Orders a meeting's agenda: move items up and down, remove them, add one (title in ar/fr, linked measures). */
@Component({
  selector: 'msd-agenda-editor',
  imports: [
    FormsModule,
    TranslatePipe,
    MatButton,
    MatFormField,
    MatLabel,
    MatInput,
    LocaleDatePipe,
    LocalizedTextPipe,
    LocalizedTextLangPipe,
    CommitteeChip,
    PlanLinksSelect,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ol class="agenda" data-agenda-editor>
      @for (row of rows(); track row.key; let i = $index, first = $first, last = $last) {
        <li class="agenda__item editor__row" [attr.data-agenda-row]="i">
          <div>
            @if (row.actionItem; as item) {
              <div class="agenda__follow" [class.is-late]="item.overdue">
                <span class="agenda__title">{{
                  'committee.agenda.followUp' | translate: { reference: item.reference }
                }}</span>
                — <span [attr.lang]="item.text | msdTextLang">{{ item.text | msdText }}</span>
                <div class="row">
                  <span [attr.lang]="item.owner.name | msdTextLang">{{ item.owner.name | msdText }}</span>
                  · {{ 'committee.items.dueOnShort' | translate: { date: (item.dueOn | msdDate) } }}
                  <msd-committee-chip kind="item" [value]="item.status" />
                  @if (late(item); as days) {
                    <strong class="late">{{ 'committee.lateBy' | translate: { days } }}</strong>
                  }
                </div>
              </div>
            } @else {
              <span class="agenda__title" [attr.lang]="row.title | msdTextLang">{{ row.title | msdText }}</span>
            }
            @if (row.measureNumbers.length || row.activityCodes.length) {
              <div class="links msd-muted">
                @for (n of row.measureNumbers; track n) {
                  <span>{{ 'committee.links.measure' | translate: { number: n } }}</span>
                }
                @for (c of row.activityCodes; track c) {
                  <span>{{ 'committee.links.activity' | translate: { code: c } }}</span>
                }
              </div>
            }
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
  protected readonly late = lateDays;

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
