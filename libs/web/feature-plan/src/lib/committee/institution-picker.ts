import { ChangeDetectionStrategy, Component, DestroyRef, inject, input, output, signal } from '@angular/core';
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
import { pickText, type InstitutionRef, type InstitutionSummary } from '@marsad/contracts';
import { LocaleService, RegistryApi } from '@marsad/web/data-access';
import { TranslatePipe } from '@ngx-translate/core';
import { catchError, debounceTime, distinctUntilChanged, filter, map, of, switchMap, tap } from 'rxjs';

let nextId = 0;

/**
 * Finds an administration in the registry as the person types (name, acronym or code). The same
 * search as the portal's organisation mapping; kept here so the plan feature does not load the portal's.
 */
@Component({
  selector: 'msd-committee-institution-picker',
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
    <mat-form-field subscriptSizing="dynamic" class="picker">
      <mat-label>{{ label() }}</mat-label>
      <input
        matInput
        type="search"
        [formControl]="text"
        [matAutocomplete]="auto"
        autocomplete="off"
        [attr.aria-describedby]="hintId"
        [attr.aria-invalid]="invalid()"
        data-institution-picker
      />
      <mat-autocomplete #auto="matAutocomplete" [displayWith]="display" (optionSelected)="select($event)">
        @for (i of options(); track i.code) {
          <mat-option [value]="i" [attr.data-option]="i.code">
            <span>{{ name(i) }}</span>
            <span class="picker__code" dir="ltr">{{ i.acronym || i.code }}</span>
          </mat-option>
        }
        @if (searching()) {
          <mat-option disabled>{{ 'common.loading' | translate }}</mat-option>
        } @else if (noMatch()) {
          <mat-option disabled>{{ 'committee.picker.none' | translate }}</mat-option>
        }
      </mat-autocomplete>
      @if (invalid()) {
        <mat-hint [id]="hintId" class="msd-hint-error">{{ 'committee.picker.required' | translate }}</mat-hint>
      } @else {
        <mat-hint [id]="hintId">{{ 'committee.picker.hint' | translate }}</mat-hint>
      }
    </mat-form-field>
  `,
  styles: `
    :host {
      display: block;
      min-inline-size: 0;
    }
    .picker {
      inline-size: 100%;
    }
    .picker__code {
      margin-inline-start: 0.5rem;
      font-size: 0.8rem;
      color: var(--msd-muted, #4d5660);
    }
  `,
})
export class CommitteeInstitutionPicker {
  readonly label = input.required<string>();
  /** Shows the "pick one" message (the form was sent without one). */
  readonly invalid = input(false);
  /** The administration picked, or null when the text no longer names one. */
  readonly picked = output<InstitutionRef | null>();

  private readonly registry = inject(RegistryApi);
  private readonly locale = inject(LocaleService).locale;
  protected readonly hintId = `msd-committee-picker-${nextId++}`;
  protected readonly text = new FormControl<string | InstitutionSummary>('', { nonNullable: true });
  protected readonly options = signal<InstitutionSummary[]>([]);
  protected readonly searching = signal(false);
  protected readonly noMatch = signal(false);

  constructor() {
    this.text.valueChanges
      .pipe(
        tap((value) => typeof value === 'string' && this.picked.emit(null)),
        filter((value): value is string => typeof value === 'string'),
        map((value) => value.trim()),
        debounceTime(250),
        distinctUntilChanged(),
        tap(() => this.noMatch.set(false)),
        switchMap((q) => {
          if (q.length < 2) return of([] as InstitutionSummary[]);
          this.searching.set(true);
          return this.registry.search({ q, pageSize: 10 }).pipe(
            map((page) => page.items),
            catchError(() => of([] as InstitutionSummary[])),
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

  protected readonly display = (value: InstitutionSummary | string | null): string =>
    value && typeof value === 'object' ? this.name(value) : (value ?? '');

  protected name(i: InstitutionSummary): string {
    return pickText(i.name, this.locale())?.text ?? i.code;
  }

  protected select(event: MatAutocompleteSelectedEvent): void {
    const i = event.option.value as InstitutionSummary;
    this.picked.emit({ code: i.code, name: i.name, type: i.type });
  }

  reset(): void {
    this.text.setValue('', { emitEvent: false });
    this.options.set([]);
    this.picked.emit(null);
  }
}
