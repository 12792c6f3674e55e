import { ChangeDetectionStrategy, Component, DestroyRef, inject, input, model, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import {
  MatAutocomplete,
  MatAutocompleteTrigger,
  type MatAutocompleteSelectedEvent,
} from '@angular/material/autocomplete';
import { MatOption } from '@angular/material/core';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { pickText, type InstitutionRef, type PortalDatasetView, type ReuseDatasetRef } from '@marsad/contracts';
import { LocaleService, MetricsApi } from '@marsad/web/data-access';
import { TranslatePipe } from '@ngx-translate/core';
import { catchError, debounceTime, filter, map, of, switchMap, tap } from 'rxjs';

/** A dataset as picked: what a reuse or a hackathon challenge shows of it. */
export type PickedDataset = Pick<ReuseDatasetRef, 'portalId' | 'name' | 'title' | 'institution'>;

export function pickedFromPortal(d: PortalDatasetView): PickedDataset {
  return { portalId: d.ckanId, name: d.name, title: d.title, institution: d.institution };
}

let nextId = 0;

/**
 * Finds the portal's harvested datasets as the person types (title or name) and keeps the chosen ones
 * as chips, each with the administration that publishes it: the datasets a reuse uses, or a hackathon
 * challenge's.
 */
@Component({
  selector: 'msd-dataset-picker',
  imports: [
    ReactiveFormsModule,
    TranslatePipe,
    MatFormField,
    MatLabel,
    MatHint,
    MatInput,
    MatAutocomplete,
    MatAutocompleteTrigger,
    MatOption,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <fieldset class="msd-fieldset picker" [attr.aria-describedby]="hintId">
      <legend>{{ legendKey() | translate }}</legend>
      <mat-form-field subscriptSizing="dynamic" class="picker__field">
        <mat-label>{{ 'datasetPicker.search' | translate }}</mat-label>
        <input
          matInput
          type="search"
          [formControl]="text"
          [matAutocomplete]="auto"
          autocomplete="off"
          (keydown.enter)="$event.preventDefault()"
          [attr.aria-describedby]="hintId"
          [attr.aria-invalid]="!!error()"
          data-dataset-picker
        />
        <mat-autocomplete #auto="matAutocomplete" [displayWith]="blank" (optionSelected)="select($event)">
          @for (d of options(); track d.ckanId) {
            <mat-option [value]="d" [disabled]="chosen(d.ckanId)" [attr.data-dataset-option]="d.ckanId">
              <span class="picker__title" dir="auto">{{ d.title || d.name }}</span>
              @if (d.institution) {
                <span class="picker__org">{{ nameOf(d.institution) }}</span>
              }
            </mat-option>
          }
          @if (searching()) {
            <mat-option disabled>{{ 'common.loading' | translate }}</mat-option>
          } @else if (noMatch()) {
            <mat-option disabled>{{ 'datasetPicker.none' | translate }}</mat-option>
          }
        </mat-autocomplete>
        @if (error(); as e) {
          <mat-hint [id]="hintId" class="msd-hint-error" data-datasets-error>{{ e }}</mat-hint>
        } @else {
          <mat-hint [id]="hintId">{{ hintKey() | translate: { max: limit() } }}</mat-hint>
        }
      </mat-form-field>
      @if (datasets().length) {
        <ul class="picker__chips" [attr.aria-label]="'datasetPicker.chosen' | translate" data-datasets-chosen>
          @for (d of datasets(); track d.portalId) {
            <li class="picker__chip" [attr.data-dataset-chip]="d.portalId">
              <span class="picker__chip-text">
                <span dir="auto">{{ d.title || d.name }}</span>
                @if (d.institution) {
                  <span class="picker__org">{{ nameOf(d.institution) }}</span>
                }
              </span>
              <button
                type="button"
                class="picker__remove"
                (click)="remove(d.portalId)"
                [attr.aria-label]="'datasetPicker.remove' | translate: { title: d.title || d.name }"
              >
                ✕
              </button>
            </li>
          }
        </ul>
      }
    </fieldset>
  `,
  styles: `
    :host {
      display: block;
      min-inline-size: 0;
    }
    .picker__field {
      inline-size: 100%;
    }
    .picker__title {
      overflow-wrap: anywhere;
    }
    .picker__org {
      display: block;
      font-size: 0.8rem;
      color: var(--msd-muted, #4d5660);
    }
    .picker__chips {
      list-style: none;
      margin: 0.75rem 0 0;
      padding: 0;
      display: flex;
      flex-wrap: wrap;
      gap: 0.4rem;
    }
    .picker__chip {
      display: inline-flex;
      align-items: center;
      gap: 0.25rem;
      max-inline-size: 100%;
      padding-block: 0.2rem;
      padding-inline: 0.65rem 0.25rem;
      border-radius: 12px;
      background: #eef1f4;
      border: 1px solid var(--msd-border, #c5cbd3);
      font-size: 0.9rem;
    }
    .picker__chip-text {
      min-inline-size: 0;
      overflow-wrap: anywhere;
    }
    .picker__remove {
      flex: none;
      border: 0;
      background: none;
      cursor: pointer;
      min-inline-size: 2rem;
      min-block-size: 2rem;
      border-radius: 999px;
      color: inherit;
      &:hover,
      &:focus-visible {
        background: #dde2e7;
      }
    }
  `,
})
export class DatasetPicker {
  /** The chosen datasets, in the order they were picked. */
  readonly datasets = model<PickedDataset[]>([]);
  /** A message under the field, already translated (none picked, a server's rule). */
  readonly error = input<string | null>(null);
  /** At most this many. */
  readonly limit = input.required<number>();
  /** The fieldset's legend and the hint under the field (with `{{max}}`), as translation keys. */
  readonly legendKey = input.required<string>();
  readonly hintKey = input.required<string>();

  private readonly metrics = inject(MetricsApi);
  private readonly locale = inject(LocaleService).locale;
  protected readonly hintId = `msd-datasets-${nextId++}`;
  protected readonly text = new FormControl<string | PortalDatasetView>('', { nonNullable: true });
  protected readonly options = signal<PortalDatasetView[]>([]);
  protected readonly searching = signal(false);
  protected readonly noMatch = signal(false);
  protected readonly blank = (): string => '';

  constructor() {
    this.text.valueChanges
      .pipe(
        filter((value): value is string => typeof value === 'string'),
        map((value) => value.trim()),
        debounceTime(250),
        tap(() => this.noMatch.set(false)),
        switchMap((q) => {
          if (q.length < 2) return of([] as PortalDatasetView[]);
          this.searching.set(true);
          return this.metrics.datasets({ q, pageSize: 10 }).pipe(
            map((page) => page.items),
            catchError(() => of([] as PortalDatasetView[])),
          );
        }),
        takeUntilDestroyed(inject(DestroyRef)),
      )
      .subscribe((items) => {
        this.searching.set(false);
        this.options.set(items);
        this.noMatch.set(items.length === 0 && String(this.text.value).trim().length >= 2);
      });
  }

  protected full(): boolean {
    return this.datasets().length >= this.limit();
  }

  protected chosen(portalId: string): boolean {
    return this.datasets().some((d) => d.portalId === portalId);
  }

  protected nameOf(ref: InstitutionRef): string {
    return pickText(ref.name, this.locale())?.text ?? ref.code;
  }

  protected select(event: MatAutocompleteSelectedEvent): void {
    const d = event.option.value as PortalDatasetView;
    if (!this.chosen(d.ckanId) && !this.full()) this.datasets.set([...this.datasets(), pickedFromPortal(d)]);
    // Ready for the next one: the field empties, the list closes.
    this.text.setValue('', { emitEvent: false });
    this.options.set([]);
  }

  protected remove(portalId: string): void {
    this.datasets.set(this.datasets().filter((d) => d.portalId !== portalId));
  }
}
