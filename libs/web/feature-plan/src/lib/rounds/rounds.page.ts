import { ChangeDetectionStrategy, Component, effect, inject, signal } from '@angular/core';
import { FormBuilder, FormGroupDirective, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import { Permission, ROUND_NAME_MAX_LENGTH, type ReportingRoundDetail } from '@marsad/contracts';
import {
  apiResource,
  ApiError,
  DocumentTitleService,
  LocaleService,
  RoundsApi,
  SessionService,
} from '@marsad/web/data-access';
import { EmptyState, LoadingIndicator, LocaleDatePipe, LocalizedTextLangPipe, LocalizedTextPipe } from '@marsad/web/ui';
import { FieldError, FormAlertBox, ServerForm, DATE_FIELD_IMPORTS, provideMsdDates } from '@marsad/web/ui/forms';
import { TranslatePipe } from '@ngx-translate/core';
import { ROUND_STATE_KEYS } from './round-labels';
import { RoundTallyView } from './round-tally';

const DAY_MS = 86_400_000;
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/**
 * Reporting rounds: each round's completion at a glance, the newest first, and (coordinators) a form
 * to open the next one. Activities in scope default to every one not completed or cancelled.
 */
@Component({
  selector: 'msd-rounds-page',
  imports: [
    ...DATE_FIELD_IMPORTS,
    ReactiveFormsModule,
    RouterLink,
    TranslatePipe,
    MatButton,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    FieldError,
    FormAlertBox,
    EmptyState,
    LoadingIndicator,
    LocaleDatePipe,
    LocalizedTextPipe,
    LocalizedTextLangPipe,
    RoundTallyView,
  ],
  // Date fields: Material's datepicker in the page's language (dd/MM/yyyy), values kept as ISO days.
  providers: [provideMsdDates()],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './rounds.page.html',
  styleUrl: './rounds.page.scss',
})
export class RoundsPage {
  private readonly api = inject(RoundsApi);
  private readonly router = inject(Router);
  protected readonly locale = inject(LocaleService).locale;
  protected readonly canManage = inject(SessionService).can(Permission.RoundManage);
  protected readonly stateKeys = ROUND_STATE_KEYS;
  protected readonly nameMax = ROUND_NAME_MAX_LENGTH;

  protected readonly rounds = apiResource({ stream: () => this.api.list() });
  protected readonly creating = signal(false);

  private readonly fb = inject(FormBuilder).nonNullable;
  protected readonly form = this.fb.group({
    nameFr: ['', [Validators.maxLength(ROUND_NAME_MAX_LENGTH)]],
    nameAr: ['', [Validators.maxLength(ROUND_NAME_MAX_LENGTH)]],
    opensOn: [isoDay(new Date()), [Validators.required]],
    closesOn: [isoDay(new Date(Date.now() + 30 * DAY_MS)), [Validators.required]],
  });
  protected readonly save = new ServerForm(this.form, (fields) =>
    fields.map((f) => (f.field.startsWith('name') ? { ...f, field: 'nameFr' } : f)),
  );

  constructor() {
    const title = inject(DocumentTitleService);
    effect(() => title.set('titles.rounds'));
  }

  protected submit(directive: FormGroupDirective): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    const name = {
      ...(value.nameFr.trim() ? { fr: value.nameFr.trim() } : {}),
      ...(value.nameAr.trim() ? { ar: value.nameAr.trim() } : {}),
    };
    if (!name.fr && !name.ar) {
      this.form.controls.nameFr.setErrors({ required: true });
      this.form.markAllAsTouched();
      return;
    }
    this.save.start();
    this.api.create({ name, opensOn: value.opensOn, closesOn: value.closesOn }).subscribe({
      next: (round: ReportingRoundDetail) => {
        this.save.done();
        directive.resetForm();
        void this.router.navigate(['/', this.locale(), 'rounds', round.id]);
      },
      error: (error: ApiError) => this.save.fail(error),
    });
  }
}
