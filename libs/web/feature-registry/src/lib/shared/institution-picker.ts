import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  inject,
  input,
  output,
  signal,
  type OnInit,
} from '@angular/core';
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
import { pickText, type InstitutionRef, type InstitutionSummary, type InstitutionType } from '@marsad/contracts';
import { LocaleService, RegistryApi } from '@marsad/web/data-access';
import { TranslatePipe } from '@ngx-translate/core';
import {
  catchError,
  debounceTime,
  distinctUntilChanged,
  filter,
  forkJoin,
  map,
  of,
  switchMap,
  tap,
  type Observable,
} from 'rxjs';

let nextId = 0;

/**
 * Finds an administration (or, with `types`, a region, province or commune) in the registry as the
 * person types: name, acronym or code. The one picker of the web app (events, committee, portal mapping).
 */
@Component({
  selector: 'msd-institution-picker',
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
        [attr.aria-invalid]="!!error()"
        [attr.data-institution-picker]="name()"
      />
      <mat-autocomplete #auto="matAutocomplete" [displayWith]="display" (optionSelected)="select($event)">
        @for (i of options(); track i.code) {
          <mat-option [value]="i" [attr.data-option]="i.code">
            <span>{{ nameOf(i) }}</span>
            <span class="picker__code" dir="ltr">{{ i.acronym || i.code }}</span>
          </mat-option>
        }
        @if (searching()) {
          <mat-option disabled>{{ 'common.loading' | translate }}</mat-option>
        } @else if (noMatch()) {
          <mat-option disabled>{{ 'registry.picker.none' | translate }}</mat-option>
        }
      </mat-autocomplete>
      @if (error(); as e) {
        <mat-hint [id]="hintId" class="msd-hint-error">{{ e }}</mat-hint>
      } @else {
        <mat-hint [id]="hintId">{{ hint() || ('registry.picker.hint' | translate) }}</mat-hint>
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
export class InstitutionPicker implements OnInit {
  readonly label = input.required<string>();
  /** A hook for pages and tests: the value of `data-institution-picker`. */
  readonly name = input('');
  readonly hint = input('');
  /** Only these types (e.g. the territorial divisions); any administration when empty. */
  readonly types = input<readonly InstitutionType[]>([]);
  /** What the field shows first (e.g. an event's current place or organiser). */
  readonly initial = input<InstitutionRef | null>(null);
  /** A message under the field, already translated (a server's rule, "pick one"). */
  readonly error = input<string | null>(null);
  /** The administration picked, or null when the text no longer names one. */
  readonly picked = output<InstitutionRef | null>();

  private readonly registry = inject(RegistryApi);
  private readonly locale = inject(LocaleService).locale;
  protected readonly hintId = `msd-institution-picker-${nextId++}`;
  protected readonly text = new FormControl<string | InstitutionRef>('', { nonNullable: true });
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
          return this.search(q);
        }),
        takeUntilDestroyed(inject(DestroyRef)),
      )
      .subscribe((items) => {
        this.searching.set(false);
        this.options.set(items);
        this.noMatch.set(items.length === 0 && String(this.text.value).trim().length >= 2);
      });
  }

  ngOnInit(): void {
    const initial = this.initial();
    if (initial) this.text.setValue(initial, { emitEvent: false });
  }

  protected readonly display = (value: InstitutionRef | string | null): string =>
    value && typeof value === 'object' ? this.nameOf(value) : (value ?? '');

  protected nameOf(i: InstitutionRef): string {
    return pickText(i.name, this.locale())?.text ?? i.code;
  }

  protected select(event: MatAutocompleteSelectedEvent): void {
    const i = event.option.value as InstitutionSummary;
    this.picked.emit({ code: i.code, name: i.name, type: i.type });
  }

  /** Empties the field (after what was picked was saved). */
  reset(): void {
    this.text.setValue('', { emitEvent: false });
    this.options.set([]);
    this.picked.emit(null);
  }

  /** One search, or one per type (the registry filters a single type at a time). */
  private search(q: string): Observable<InstitutionSummary[]> {
    const types = this.types();
    const find = (type?: InstitutionType): Observable<InstitutionSummary[]> =>
      this.registry.search({ q, type, pageSize: type ? 6 : 10 }).pipe(
        map((page) => page.items),
        catchError(() => of([] as InstitutionSummary[])),
      );
    if (!types.length) return find();
    return forkJoin(types.map((type) => find(type))).pipe(map((lists) => lists.flat()));
  }
}
