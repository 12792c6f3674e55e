import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import {
  AWARD_LIMITS,
  EDITION_PHASES,
  Permission,
  pickText,
  type AwardEditionDetail,
  type AwardResultRow,
  type AwardResults,
  type InstitutionRef,
} from '@marsad/contracts';
import {
  apiResource,
  ApiError,
  AwardApi,
  DocumentTitleService,
  LocaleService,
  SessionService,
} from '@marsad/web/data-access';
import {
  DemoBadge,
  INSTITUTION_TYPE_KEYS,
  LoadingIndicator,
  LocaleDatePipe,
  LocaleNumberPipe,
  LocalizedTextLangPipe,
  LocalizedTextPipe,
} from '@marsad/web/ui';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { catchError, of } from 'rxjs';
import { askConfirm } from '../events/confirm';
import { KIND_KEYS, METRIC_KEYS, PHASE_KEYS, TIMELINE_STEPS } from './award-labels';
import { AwardResultsTable } from './award-results-table';
import { sortedCriteria } from './award-rules';
import { AwardTimePipe } from './award-time';
import { JuryEditorDialog, type JuryEditorData } from './jury-editor.dialog';

type StepState = 'done' | 'current' | 'next';

/**
 * One edition of the award: its timeline, who may apply, the criteria and the method, and once published
 * the ranking with its hash. Officers get to their application, jurors to their workspace, coordinators
 * to the edition's settings, the jurors, a preview of the ranking and the publication.
 */
@Component({
  selector: 'msd-award-edition-page',
  imports: [
    RouterLink,
    TranslatePipe,
    MatButton,
    DemoBadge,
    LoadingIndicator,
    LocaleDatePipe,
    LocaleNumberPipe,
    LocalizedTextPipe,
    LocalizedTextLangPipe,
    AwardTimePipe,
    AwardResultsTable,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './edition.page.html',
  styleUrl: './award.scss',
})
export class AwardEditionPage {
  readonly id = input.required<string>();

  private readonly api = inject(AwardApi);
  private readonly session = inject(SessionService);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly translate = inject(TranslateService);
  private readonly localeService = inject(LocaleService);
  protected readonly locale = this.localeService.locale;
  protected readonly limits = AWARD_LIMITS;
  protected readonly phaseKeys = PHASE_KEYS;
  protected readonly kindKeys = KIND_KEYS;
  protected readonly metricKeys = METRIC_KEYS;
  protected readonly typeKeys = INSTITUTION_TYPE_KEYS;
  protected readonly steps = TIMELINE_STEPS;

  protected readonly edition = apiResource({
    params: () => this.id(),
    stream: ({ params }) => this.api.edition(params),
  });
  protected readonly criteria = computed(() => sortedCriteria(this.edition.value()?.criteria ?? []));
  protected readonly weightTotal = computed(() => this.criteria().reduce((sum, c) => sum + c.weight, 0));
  protected readonly published = computed(() => {
    const e = this.edition.value();
    return !!e && (e.phase === 'published' || !!e.resultsHash);
  });

  /** Public once published; a 404 means not yet. */
  protected readonly results = apiResource({
    params: () => (this.published() ? this.id() : undefined),
    stream: ({ params }) => this.api.results(params),
  });
  /** Just published from this page: shown without asking again. */
  private readonly publishedHere = signal<AwardResults | null>(null);
  protected readonly shownResults = computed(() => this.publishedHere() ?? this.results.value());
  protected readonly resultsCriteria = computed(() => this.shownResults()?.criteria ?? this.criteria());
  /** A publication exists: the next one is a correction, with a reason. */
  protected readonly hasPublication = computed(() => !!this.edition.value()?.resultsHash || !!this.publishedHere());

  protected readonly canManage = computed(() => this.session.can(Permission.AwardManage));
  private readonly user = this.session.user;
  protected readonly isOfficer = computed(
    () => this.user()?.role === 'OFFICER' && this.session.can(Permission.AwardApply),
  );
  /** The officer's administration may apply to this edition. */
  protected readonly eligible = computed(() => {
    const type = this.user()?.institution?.type;
    const e = this.edition.value();
    return !!type && !!e && e.eligibleTypes.includes(type);
  });
  protected readonly showApply = computed(
    () => this.isOfficer() && this.eligible() && this.edition.value()?.phase === 'open',
  );
  /** Whether the officer's administration already has an application (to say "continue"). */
  private readonly own = apiResource({
    params: () => (this.showApply() ? this.id() : undefined),
    stream: ({ params }) => this.api.applications(params).pipe(catchError(() => of([]))),
  });
  protected readonly hasApplication = computed(() => (this.own.value() ?? []).length > 0);
  /** Jurors are accounts the page cannot tell apart: signed-in people who are not officers get the link. */
  protected readonly showJury = computed(() => this.session.signedIn() && !this.isOfficer());

  protected readonly exportCsv = computed(() => this.api.exportUrl(this.id(), 'csv'));
  protected readonly exportXlsx = computed(() => this.api.exportUrl(this.id(), 'xlsx'));

  // Coordinators: the ranking preview and the publication.
  protected readonly preview = signal<AwardResultRow[] | null>(null);
  protected readonly previewLoading = signal(false);
  protected readonly manageError = signal<string | null>(null);
  protected readonly publishing = signal(false);
  protected readonly reason = signal('');

  constructor() {
    const title = inject(DocumentTitleService);
    effect(() => {
      const e = this.edition.value();
      const name = e ? pickText(e.title, this.locale())?.text : null;
      if (name) title.set('award.detailTitleNamed', { title: name });
      else title.set('award.detailTitle');
    });
  }

  protected stepState(
    phase: (typeof TIMELINE_STEPS)[number]['phase'],
    current: AwardEditionDetail['phase'],
  ): StepState {
    const at = EDITION_PHASES.indexOf(current);
    const step = EDITION_PHASES.indexOf(phase);
    return at > step ? 'done' : at === step ? 'current' : 'next';
  }

  protected stepValue(e: AwardEditionDetail, field: (typeof TIMELINE_STEPS)[number]['field']): string {
    return e[field];
  }

  protected name(ref: InstitutionRef): string {
    return pickText(ref.name, this.locale())?.text ?? ref.code;
  }

  /** Coordinators: the jury's editor; the page shows the jury as saved. */
  protected editJury(e: AwardEditionDetail): void {
    this.dialog
      .open<JuryEditorDialog, JuryEditorData, AwardEditionDetail>(JuryEditorDialog, {
        data: { edition: e },
        direction: this.localeService.dir(),
        width: '44rem',
        maxWidth: '95vw',
        disableClose: true,
        autoFocus: 'first-tabbable',
      })
      .afterClosed()
      .subscribe((saved) => {
        if (!saved) return;
        this.edition.set(saved);
        this.snackBar.open(this.translate.instant('award.juryEditor.saved'), undefined, { duration: 4000 });
      });
  }

  protected loadPreview(): void {
    this.previewLoading.set(true);
    this.manageError.set(null);
    this.api.ranking(this.id()).subscribe({
      next: (rows) => {
        this.previewLoading.set(false);
        this.preview.set(rows);
      },
      error: (error: ApiError) => {
        this.previewLoading.set(false);
        this.manageError.set(this.explain(error));
      },
    });
  }

  protected async publish(e: AwardEditionDetail): Promise<void> {
    const correction = this.hasPublication();
    const reason = this.reason().trim();
    if (correction && !reason) {
      this.manageError.set('award.manage.reasonRequired');
      return;
    }
    const ok = await askConfirm(
      this.dialog,
      this.translate,
      this.localeService.dir(),
      {
        title: correction ? 'award.manage.correctTitle' : 'award.manage.publishTitle',
        message: correction ? 'award.manage.correctMessage' : 'award.manage.publishMessage',
        confirm: correction ? 'award.manage.correct' : 'award.manage.publish',
      },
      { title: pickText(e.title, this.locale())?.text ?? String(e.year) },
    );
    if (!ok) return;
    this.publishing.set(true);
    this.manageError.set(null);
    this.api.publish(e.id, correction ? { reason } : {}).subscribe({
      next: (results: AwardResults) => {
        this.publishing.set(false);
        this.reason.set('');
        this.publishedHere.set(results);
        this.snackBar.open(this.translate.instant('award.manage.published'), undefined, { duration: 4000 });
      },
      error: (error: ApiError) => {
        this.publishing.set(false);
        this.manageError.set(this.explain(error));
      },
    });
  }

  private explain(error: ApiError): string {
    if (error.code === 'AWARD_PHASE_CONFLICT') return 'award.manage.phaseConflict';
    if (error.code === 'VALIDATION_FAILED') return 'award.manage.reasonRequired';
    return error.messageKey;
  }
}
