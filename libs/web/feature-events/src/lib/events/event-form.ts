import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  inject,
  input,
  output,
  signal,
  type OnInit,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import {
  FormArray,
  FormBuilder,
  ReactiveFormsModule,
  Validators,
  type AbstractControl,
  type FormControl,
  type FormGroup,
  type ValidationErrors,
} from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatOptgroup, MatOption } from '@angular/material/core';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatSelect } from '@angular/material/select';
import {
  AUDIENCE_CATEGORIES,
  EVENT_FORMATS,
  EVENT_LIMITS,
  EVENT_STATUSES,
  EVENT_TYPE_MEASURE,
  EVENT_TYPES,
  type AudienceCategory,
  type EventDetail,
  type EventFormat,
  type EventStatus,
  type EventType,
  type InstitutionRef,
  type InstitutionType,
} from '@marsad/contracts';
import { apiResource, ApiError, DEFAULT_PLAN_CODE, EventsApi, PlanApi } from '@marsad/web/data-access';
import { LocalizedTextPipe } from '@marsad/web/ui';
import {
  FieldError,
  FormAlertBox,
  httpUrl,
  ServerForm,
  DATE_FIELD_IMPORTS,
  provideMsdDates,
} from '@marsad/web/ui/forms';
import { TranslatePipe } from '@ngx-translate/core';
import { InstitutionPicker } from '@marsad/web/feature-registry';
import { AUDIENCE_KEYS, EVENT_FORMAT_KEYS, EVENT_STATUS_KEYS, EVENT_TYPE_KEYS } from './event-labels';
import {
  emptyEventForm,
  eventFieldsToControls,
  eventRequest,
  formFromEvent,
  hasLink,
  hasPlace,
  type EventFormValue,
} from './event-rules';

type MaterialGroup = FormGroup<{ title: FormControl<string>; url: FormControl<string> }>;

/** The end on or after the start: set on the form, shown under the dates. */
const datesInOrder = (group: AbstractControl): ValidationErrors | null => {
  const start = group.get('startsOn')?.value as string;
  const end = group.get('endsOn')?.value as string;
  return start && end && end < start ? { order: true } : null;
};

/** Regions, provinces and communes: where an event may take place. */
const DIVISIONS: readonly InstitutionType[] = ['region', 'province', 'commune'];

/** Records an event, or changes one (`event`): what, when, where, by whom, for whom, and its materials. */
@Component({
  selector: 'msd-event-form',
  imports: [
    ...DATE_FIELD_IMPORTS,
    ReactiveFormsModule,
    TranslatePipe,
    MatButton,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    MatSelect,
    MatOption,
    MatOptgroup,
    FieldError,
    FormAlertBox,
    LocalizedTextPipe,
    InstitutionPicker,
  ],
  // Date fields: Material's datepicker in the page's language (dd/MM/yyyy), values kept as ISO days.
  providers: [provideMsdDates()],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './event-form.html',
  styleUrl: './events.scss',
})
export class EventForm implements OnInit {
  /** The event to change; a new one when null. */
  readonly event = input<EventDetail | null>(null);
  readonly saved = output<EventDetail>();
  readonly cancelled = output<void>();
  /** Someone changed the event meanwhile (409): the page shows theirs; the form keeps what was typed. */
  readonly conflicted = output<EventDetail | null>();

  private readonly api = inject(EventsApi);
  private readonly planApi = inject(PlanApi);
  private readonly fb = inject(FormBuilder).nonNullable;
  private readonly destroyRef = inject(DestroyRef);

  protected readonly limits = EVENT_LIMITS;
  protected readonly types = EVENT_TYPES;
  protected readonly typeKeys = EVENT_TYPE_KEYS;
  protected readonly typeMeasure = EVENT_TYPE_MEASURE;
  protected readonly formats = EVENT_FORMATS;
  protected readonly formatKeys = EVENT_FORMAT_KEYS;
  protected readonly statuses = EVENT_STATUSES;
  protected readonly statusKeys = EVENT_STATUS_KEYS;
  protected readonly audiences = AUDIENCE_CATEGORIES;
  protected readonly audienceKeys = AUDIENCE_KEYS;
  protected readonly divisions = DIVISIONS;

  private readonly plan = apiResource({ stream: () => this.planApi.getPlan(DEFAULT_PLAN_CODE) });
  protected readonly measures = computed(() => this.plan.value()?.measures ?? []);

  protected readonly form = this.fb.group(
    {
      type: this.fb.control<EventType | ''>('', [Validators.required]),
      titleAr: ['', [Validators.maxLength(EVENT_LIMITS.title)]],
      titleFr: ['', [Validators.maxLength(EVENT_LIMITS.title)]],
      startsOn: ['', [Validators.required]],
      endsOn: ['', [Validators.required]],
      format: this.fb.control<EventFormat | ''>('in_person', [Validators.required]),
      placeCode: [''],
      onlineUrl: ['', [httpUrl, Validators.maxLength(EVENT_LIMITS.url)]],
      organiserCode: [''],
      partners: this.fb.control<string[]>([]),
      audiences: this.fb.control<AudienceCategory[]>([]),
      capacity: this.fb.control<number | null>(null, [Validators.min(1), Validators.max(EVENT_LIMITS.capacity)]),
      status: this.fb.control<EventStatus>('planned'),
      materials: this.fb.array<MaterialGroup>([]),
      activityCodes: this.fb.control<string[]>([]),
    },
    { validators: datesInOrder },
  );
  protected readonly save = new ServerForm(this.form, eventFieldsToControls);
  protected readonly format = signal<EventFormat | ''>('in_person');
  protected readonly submitted = signal(false);
  protected readonly missingTitle = signal(false);
  protected readonly partnerText = signal('');
  protected readonly place = signal<InstitutionRef | null>(null);
  protected readonly organiser = signal<InstitutionRef | null>(null);
  protected readonly hasPlace = hasPlace;
  protected readonly hasLink = hasLink;

  ngOnInit(): void {
    const event = this.event();
    const value = event ? formFromEvent(event) : emptyEventForm();
    this.place.set(event?.place ?? null);
    this.organiser.set(event?.organiser ?? null);
    for (const m of value.materials) this.addMaterial(m.title, m.url);
    this.form.patchValue(value);
    this.format.set(value.format);
    this.form.controls.format.valueChanges
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((format) => this.format.set(format));
  }

  protected get materials(): FormArray<MaterialGroup> {
    return this.form.controls.materials;
  }

  protected addMaterial(title = '', url = ''): void {
    this.materials.push(
      this.fb.group({
        title: [title, [Validators.required, Validators.maxLength(EVENT_LIMITS.materialTitle)]],
        url: [url, [Validators.required, httpUrl, Validators.maxLength(EVENT_LIMITS.url)]],
      }),
    );
  }

  protected removeMaterial(index: number): void {
    this.materials.removeAt(index);
  }

  protected addPartner(): void {
    const text = this.partnerText().trim();
    const partners = this.form.controls.partners.value;
    if (!text || partners.length >= EVENT_LIMITS.partners) return;
    if (!partners.some((p) => p.toLowerCase() === text.toLowerCase()))
      this.form.controls.partners.setValue([...partners, text.slice(0, EVENT_LIMITS.partner)]);
    this.partnerText.set('');
  }

  protected partnerKey(event: KeyboardEvent): void {
    // Enter (or a comma) adds the partner instead of sending the form.
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      this.addPartner();
    }
  }

  protected removePartner(index: number): void {
    this.form.controls.partners.setValue(this.form.controls.partners.value.filter((_, i) => i !== index));
  }

  protected pickPlace(ref: InstitutionRef | null): void {
    this.place.set(ref);
    this.form.controls.placeCode.setValue(ref?.code ?? '');
  }

  protected pickOrganiser(ref: InstitutionRef | null): void {
    this.organiser.set(ref);
    this.form.controls.organiserCode.setValue(ref?.code ?? '');
  }

  /** A server's message on a control the page shows outside a form field (the pickers). */
  protected serverError(control: AbstractControl): string | null {
    const message = control.errors?.['server'];
    return typeof message === 'string' ? message : null;
  }

  protected submit(): void {
    this.submitted.set(true);
    if (this.partnerText().trim()) this.addPartner();
    const value = this.form.getRawValue() as EventFormValue;
    const request = eventRequest(value);
    this.missingTitle.set(!value.titleAr.trim() && !value.titleFr.trim());
    if (this.form.invalid || !request) {
      this.form.markAllAsTouched();
      return;
    }
    const event = this.event();
    this.save.start();
    const call = event ? this.api.update(event.id, { ...request, version: event.version }) : this.api.create(request);
    call.subscribe({
      next: (saved) => {
        this.save.done();
        this.saved.emit(saved);
      },
      error: (error: ApiError) => {
        if (error.code === 'VERSION_CONFLICT') {
          this.save.done();
          this.save.show('events.form.conflict');
          const current = error.current as EventDetail | undefined;
          this.conflicted.emit(current && typeof current.version === 'number' && current.id ? current : null);
          return;
        }
        this.save.fail(error);
      },
    });
  }
}
