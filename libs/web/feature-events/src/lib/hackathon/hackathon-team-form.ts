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
import {
  FormBuilder,
  ReactiveFormsModule,
  Validators,
  type AbstractControl,
  type ValidationErrors,
} from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatOption } from '@angular/material/core';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatSelect } from '@angular/material/select';
import { HACKATHON_LIMITS, type HackathonChallenge, type HackathonTeam } from '@marsad/contracts';
import { ApiError, HackathonsApi } from '@marsad/web/data-access';
import { LocalizedTextPipe } from '@marsad/web/ui';
import { FieldError, FormAlertBox, httpUrl, ServerForm } from '@marsad/web/ui/forms';
import { TranslatePipe } from '@ngx-translate/core';
import {
  emptyTeamForm,
  submissionMissingTitle,
  teamFieldsToControls,
  teamFormFrom,
  teamRequest,
  teamUpdate,
  type TeamFormValue,
} from './hackathon-rules';

/** Jury scores are kept to the hundredth. */
const hundredths = (control: AbstractControl): ValidationErrors | null => {
  const value = control.value;
  if (value === null || value === '') return null;
  return Math.abs(Math.round(Number(value) * 100) - Number(value) * 100) < 1e-6 ? null : { hundredths: true };
};

/**
 * Registers a team, or changes one (`team`): its name, how many members (never who), its challenge,
 * its project; when changing, the jury's score and rank too.
 */
@Component({
  selector: 'msd-hackathon-team-form',
  imports: [
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
    FieldError,
    FormAlertBox,
    LocalizedTextPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form
      class="msd-form hk-form"
      [formGroup]="form"
      (ngSubmit)="submit()"
      novalidate
      data-team-form
      [attr.aria-labelledby]="headingId"
    >
      <h4 class="hk-form__title" [id]="headingId">
        {{ (team() ? 'hackathon.form.teamEdit' : 'hackathon.form.teamNew') | translate }}
      </h4>
      @if (save.alert(); as alert) {
        <div [msdFormAlert]="alert" [ltrFields]="true"></div>
      }
      <div class="msd-form__row">
        <mat-form-field>
          <mat-label>{{ 'hackathon.form.teamName' | translate }}</mat-label>
          <input matInput formControlName="name" required dir="auto" [maxlength]="limits.teamName" data-team-name />
          <mat-error><msd-field-error [errors]="form.controls.name.errors" /></mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'hackathon.form.members' | translate }}</mat-label>
          <input
            matInput
            type="number"
            inputmode="numeric"
            formControlName="members"
            required
            min="1"
            [max]="limits.members"
            data-team-members
          />
          <mat-hint>{{ 'hackathon.form.membersHint' | translate }}</mat-hint>
          <mat-error><msd-field-error [errors]="form.controls.members.errors" /></mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'hackathon.form.challenge' | translate }}</mat-label>
          <mat-select formControlName="challengeId" data-team-challenge>
            <mat-option value="">{{ 'hackathon.noChallenge' | translate }}</mat-option>
            @for (c of challenges(); track c.id) {
              <mat-option [value]="c.id">{{ c.title | msdText }}</mat-option>
            }
          </mat-select>
          <mat-error><msd-field-error [errors]="form.controls.challengeId.errors" /></mat-error>
        </mat-form-field>
      </div>

      <fieldset class="msd-fieldset">
        <legend>{{ 'hackathon.form.submission' | translate }}</legend>
        <p class="msd-muted hk-form__hint">{{ 'hackathon.form.submissionHint' | translate }}</p>
        <div class="msd-form__row">
          <mat-form-field>
            <mat-label>{{ 'hackathon.form.submissionTitle' | translate }}</mat-label>
            <input
              matInput
              formControlName="submissionTitle"
              dir="auto"
              [maxlength]="limits.title"
              data-submission-title
            />
            <mat-error><msd-field-error [errors]="form.controls.submissionTitle.errors" /></mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'hackathon.form.submissionUrl' | translate }}</mat-label>
            <input
              matInput
              type="url"
              formControlName="submissionUrl"
              dir="ltr"
              placeholder="https://"
              [maxlength]="limits.url"
              data-submission-url
            />
            <mat-error><msd-field-error [errors]="form.controls.submissionUrl.errors" /></mat-error>
          </mat-form-field>
        </div>
        <mat-form-field>
          <mat-label>{{ 'hackathon.form.submissionDescription' | translate }}</mat-label>
          <textarea
            matInput
            formControlName="submissionDescription"
            dir="auto"
            rows="3"
            [maxlength]="limits.description"
          ></textarea>
          <mat-error><msd-field-error [errors]="form.controls.submissionDescription.errors" /></mat-error>
        </mat-form-field>
        @if (missingSubmissionTitle()) {
          <p class="msd-hint-error" role="alert" data-missing-submission-title>
            {{ 'hackathon.form.submissionTitleRequired' | translate }}
          </p>
        }
      </fieldset>

      @if (team()) {
        <fieldset class="msd-fieldset" data-jury>
          <legend>{{ 'hackathon.form.jury' | translate }}</legend>
          <div class="msd-form__row">
            <mat-form-field>
              <mat-label>{{ 'hackathon.score' | translate }}</mat-label>
              <input
                matInput
                type="number"
                inputmode="decimal"
                step="0.01"
                min="0"
                [max]="limits.score"
                formControlName="score"
                data-team-score
              />
              <mat-hint>{{ 'hackathon.form.scoreHint' | translate: { max: limits.score } }}</mat-hint>
              <mat-error><msd-field-error [errors]="form.controls.score.errors" /></mat-error>
            </mat-form-field>
            <mat-form-field>
              <mat-label>{{ 'hackathon.rank' | translate }}</mat-label>
              <input
                matInput
                type="number"
                inputmode="numeric"
                step="1"
                min="1"
                formControlName="rank"
                data-team-rank-input
              />
              <mat-hint>{{ 'hackathon.form.rankHint' | translate }}</mat-hint>
              <mat-error><msd-field-error [errors]="form.controls.rank.errors" /></mat-error>
            </mat-form-field>
          </div>
        </fieldset>
      }

      <div class="msd-form__actions">
        <button mat-stroked-button type="button" (click)="cancelled.emit()" [disabled]="save.saving()">
          {{ 'common.cancel' | translate }}
        </button>
        <button mat-flat-button type="submit" [disabled]="save.saving()" data-save-team>
          {{ (save.saving() ? 'common.saving' : 'hackathon.form.save') | translate }}
        </button>
      </div>
    </form>
  `,
  styleUrl: './hackathon-panel.scss',
})
export class HackathonTeamForm implements OnInit, AfterViewInit {
  readonly eventId = input.required<string>();
  readonly challenges = input<readonly HackathonChallenge[]>([]);
  /** The team to change; a new one when null. */
  readonly team = input<HackathonTeam | null>(null);
  readonly saved = output<HackathonTeam>();
  readonly cancelled = output<void>();
  /** Someone changed the team meanwhile (409): the panel reloads the hackathon. */
  readonly conflicted = output<void>();

  private readonly api = inject(HackathonsApi);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly fb = inject(FormBuilder).nonNullable;
  private static next = 0;
  protected readonly headingId = `msd-hk-team-${HackathonTeamForm.next++}`;
  protected readonly limits = HACKATHON_LIMITS;

  protected readonly form = this.fb.group({
    name: ['', [Validators.required, Validators.maxLength(HACKATHON_LIMITS.teamName)]],
    members: this.fb.control<number | null>(null, [
      Validators.required,
      Validators.min(1),
      Validators.max(HACKATHON_LIMITS.members),
    ]),
    challengeId: [''],
    submissionTitle: ['', [Validators.maxLength(HACKATHON_LIMITS.title)]],
    submissionUrl: ['', [httpUrl, Validators.maxLength(HACKATHON_LIMITS.url)]],
    submissionDescription: ['', [Validators.maxLength(HACKATHON_LIMITS.description)]],
    score: this.fb.control<number | null>(null, [
      Validators.min(0),
      Validators.max(HACKATHON_LIMITS.score),
      hundredths,
    ]),
    rank: this.fb.control<number | null>(null, [Validators.min(1), Validators.max(HACKATHON_LIMITS.teams)]),
  });
  protected readonly save = new ServerForm(this.form, teamFieldsToControls);
  protected readonly missingSubmissionTitle = signal(false);

  ngOnInit(): void {
    const team = this.team();
    this.form.setValue(team ? teamFormFrom(team) : emptyTeamForm());
  }

  ngAfterViewInit(): void {
    this.host.nativeElement.querySelector<HTMLElement>('input')?.focus();
  }

  protected submit(): void {
    const value = this.form.getRawValue() as TeamFormValue;
    this.missingSubmissionTitle.set(submissionMissingTitle(value));
    if (this.form.invalid || this.missingSubmissionTitle()) {
      this.form.markAllAsTouched();
      return;
    }
    const team = this.team();
    this.save.start();
    const call = team
      ? this.api.updateTeam(team.id, teamUpdate(value, team))
      : this.api.addTeam(this.eventId(), teamRequest(value));
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
        this.save.fail(error);
      },
    });
  }
}
