import { ChangeDetectionStrategy, Component, computed, inject, input, model } from '@angular/core';
import { MatOptgroup, MatOption } from '@angular/material/core';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatSelect } from '@angular/material/select';
import { apiResource, DEFAULT_PLAN_CODE, PlanApi } from '@marsad/web/data-access';
import { LocalizedTextPipe } from '@marsad/web/ui';
import { TranslatePipe } from '@ngx-translate/core';

/** Picks the measures and activities something is about (an agenda item, a decision), from the plan. */
@Component({
  selector: 'msd-plan-links-select',
  imports: [TranslatePipe, MatFormField, MatLabel, MatHint, MatSelect, MatOption, MatOptgroup, LocalizedTextPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-form-field subscriptSizing="dynamic">
      <mat-label>{{ label() || ('committee.links.label' | translate) }}</mat-label>
      <mat-select multiple [value]="selected()" (valueChange)="change($event)" data-plan-links>
        @for (m of measures(); track m.id) {
          <mat-optgroup
            [label]="('committee.links.measure' | translate: { number: m.number }) + ' — ' + (m.title | msdText)"
          >
            <mat-option [value]="'m:' + m.number">{{
              'committee.links.wholeMeasure' | translate: { number: m.number }
            }}</mat-option>
            @for (a of m.activities; track a.id) {
              <mat-option [value]="'a:' + a.code">{{ a.code }} — {{ a.title | msdText }}</mat-option>
            }
          </mat-optgroup>
        }
      </mat-select>
      <mat-hint>{{ 'committee.links.hint' | translate }}</mat-hint>
    </mat-form-field>
  `,
})
export class PlanLinksSelect {
  readonly label = input('');
  readonly measureNumbers = model<number[]>([]);
  readonly activityCodes = model<string[]>([]);

  private readonly planApi = inject(PlanApi);
  private readonly plan = apiResource({ stream: () => this.planApi.getPlan(DEFAULT_PLAN_CODE) });
  protected readonly measures = computed(() => this.plan.value()?.measures ?? []);
  protected readonly selected = computed(() => [
    ...this.measureNumbers().map((n) => `m:${n}`),
    ...this.activityCodes().map((c) => `a:${c}`),
  ]);

  protected change(values: string[]): void {
    this.measureNumbers.set(values.filter((v) => v.startsWith('m:')).map((v) => Number(v.slice(2))));
    this.activityCodes.set(values.filter((v) => v.startsWith('a:')).map((v) => v.slice(2)));
  }
}
