import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  inject,
  input,
  output,
  signal,
  type AfterViewInit,
  type OnInit,
} from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { HACKATHON_LIMITS, type HackathonChallenge } from '@marsad/contracts';
import { ApiError, HackathonsApi } from '@marsad/web/data-access';
import { FieldError, FormAlertBox, ServerForm } from '@marsad/web/ui/forms';
import { TranslatePipe } from '@ngx-translate/core';
import { DatasetPicker } from '../shared/dataset-picker';
import {
  challengeFieldsToControls,
  challengeFormFrom,
  challengeRequest,
  emptyChallengeForm,
  type ChallengeDataset,
  type ChallengeFormValue,
} from './hackathon-rules';

/** Adds a challenge to a hackathon, or changes one (`challenge`): its title, what it asks, the portal's datasets. */
@Component({
  selector: 'msd-hackathon-challenge-form',
  imports: [
    ReactiveFormsModule,
    TranslatePipe,
    MatButton,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    FieldError,
    FormAlertBox,
    DatasetPicker,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form
      class="msd-form hk-form"
      [formGroup]="form"
      (ngSubmit)="submit()"
      novalidate
      data-challenge-form
      [attr.aria-labelledby]="headingId"
    >
      <h4 class="hk-form__title" [id]="headingId" tabindex="-1">
        {{ (challenge() ? 'hackathon.form.challengeEdit' : 'hackathon.form.challengeNew') | translate }}
      </h4>
      @if (save.alert(); as alert) {
        <div [msdFormAlert]="alert" [ltrFields]="true"></div>
      }
      <div class="msd-form__row">
        <mat-form-field>
          <mat-label>{{ 'hackathon.form.titleAr' | translate }}</mat-label>
          <input
            matInput
            formControlName="titleAr"
            lang="ar"
            dir="rtl"
            [maxlength]="limits.title"
            data-challenge-title-ar
          />
          <mat-error><msd-field-error [errors]="form.controls.titleAr.errors" /></mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'hackathon.form.titleFr' | translate }}</mat-label>
          <input
            matInput
            formControlName="titleFr"
            lang="fr"
            dir="ltr"
            [maxlength]="limits.title"
            data-challenge-title-fr
          />
          <mat-error><msd-field-error [errors]="form.controls.titleFr.errors" /></mat-error>
        </mat-form-field>
      </div>
      @if (missingTitle()) {
        <p class="msd-hint-error" role="alert" data-missing-title>{{ 'hackathon.form.titleRequired' | translate }}</p>
      }
      <div class="msd-form__row">
        <mat-form-field>
          <mat-label>{{ 'hackathon.form.descriptionAr' | translate }}</mat-label>
          <textarea
            matInput
            formControlName="descriptionAr"
            lang="ar"
            dir="rtl"
            rows="3"
            [maxlength]="limits.description"
          ></textarea>
          <mat-hint>{{ 'common.optional' | translate }}</mat-hint>
          <mat-error><msd-field-error [errors]="form.controls.descriptionAr.errors" /></mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'hackathon.form.descriptionFr' | translate }}</mat-label>
          <textarea
            matInput
            formControlName="descriptionFr"
            lang="fr"
            dir="ltr"
            rows="3"
            [maxlength]="limits.description"
          ></textarea>
          <mat-hint>{{ 'common.optional' | translate }}</mat-hint>
          <mat-error><msd-field-error [errors]="form.controls.descriptionFr.errors" /></mat-error>
        </mat-form-field>
      </div>
      <msd-dataset-picker
        [(datasets)]="datasets"
        [error]="datasetsError()"
        [limit]="limits.datasets"
        legendKey="hackathon.form.datasets"
        hintKey="hackathon.form.datasetsHint"
      />
      <div class="msd-form__actions">
        <button mat-stroked-button type="button" (click)="cancelled.emit()" [disabled]="save.saving()">
          {{ 'common.cancel' | translate }}
        </button>
        <button mat-flat-button type="submit" [disabled]="save.saving()" data-save-challenge>
          {{ (save.saving() ? 'common.saving' : 'hackathon.form.save') | translate }}
        </button>
      </div>
    </form>
  `,
  styleUrl: './hackathon-panel.scss',
})
export class HackathonChallengeForm implements OnInit, AfterViewInit {
  readonly eventId = input.required<string>();
  /** The challenge to change; a new one when null. */
  readonly challenge = input<HackathonChallenge | null>(null);
  readonly saved = output<HackathonChallenge>();
  readonly cancelled = output<void>();
  /** Someone changed the hackathon meanwhile (409): the panel reloads it. */
  readonly conflicted = output<void>();

  private readonly api = inject(HackathonsApi);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly fb = inject(FormBuilder).nonNullable;
  private static next = 0;
  protected readonly headingId = `msd-hk-challenge-${HackathonChallengeForm.next++}`;
  protected readonly limits = HACKATHON_LIMITS;

  protected readonly form = this.fb.group({
    titleAr: ['', [Validators.maxLength(HACKATHON_LIMITS.title)]],
    titleFr: ['', [Validators.maxLength(HACKATHON_LIMITS.title)]],
    descriptionAr: ['', [Validators.maxLength(HACKATHON_LIMITS.description)]],
    descriptionFr: ['', [Validators.maxLength(HACKATHON_LIMITS.description)]],
  });
  // The datasets' messages go under the picker, not in the alert above the form.
  protected readonly save = new ServerForm(this.form, (fields) =>
    challengeFieldsToControls(fields.filter((f) => !f.field.startsWith('datasetIds'))),
  );
  protected readonly datasets = signal<ChallengeDataset[]>([]);
  protected readonly missingTitle = signal(false);
  /** The server's words on the datasets (an id no longer on the portal…). */
  protected readonly datasetsError = signal<string | null>(null);

  ngOnInit(): void {
    const challenge = this.challenge();
    this.form.setValue(challenge ? challengeFormFrom(challenge) : emptyChallengeForm());
    this.datasets.set(challenge ? [...challenge.datasets] : []);
  }

  ngAfterViewInit(): void {
    // The form opens where the person clicked; bring their focus to it.
    this.host.nativeElement.querySelector<HTMLElement>('input')?.focus();
  }

  protected submit(): void {
    const value = this.form.getRawValue() as ChallengeFormValue;
    const challenge = this.challenge();
    const request = challengeRequest(value, this.datasets(), challenge);
    this.missingTitle.set(!request);
    if (this.form.invalid || !request) {
      this.form.markAllAsTouched();
      return;
    }
    this.save.start();
    this.datasetsError.set(null);
    const call = challenge
      ? this.api.updateChallenge(challenge.id, { ...request, version: challenge.version })
      : this.api.addChallenge(this.eventId(), request);
    call.subscribe({
      next: (saved) => {
        this.save.done();
        this.saved.emit(saved);
      },
      error: (error: ApiError) => {
        if (error.code === 'VERSION_CONFLICT') {
          this.save.done();
          this.save.show('hackathon.reloaded');
          this.conflicted.emit();
          return;
        }
        const datasets = error.fields.filter((f) => f.field.startsWith('datasetIds')).map((f) => f.message);
        this.datasetsError.set(datasets.length ? datasets.join(' ') : null);
        this.save.fail(error);
      },
    });
  }
}
