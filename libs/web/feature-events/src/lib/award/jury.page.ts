import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import {
  AWARD_LIMITS,
  pickText,
  type AwardApplicationView,
  type InstitutionRef,
  type JurorScoresView,
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
  EmptyState,
  LoadingIndicator,
  LocaleFileSizePipe,
  LocaleNumberPipe,
  LocalizedTextLangPipe,
  LocalizedTextPipe,
} from '@marsad/web/ui';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { catchError, forkJoin, map, of } from 'rxjs';
import { METRIC_KEYS, PHASE_KEYS } from './award-labels';
import {
  isScored,
  juryCriteria,
  scoreDrafts,
  scoresRequest,
  sortedCriteria,
  validScore,
  type ScoreDraft,
} from './award-rules';
import { AwardTimePipe } from './award-time';

/**
 * A juror's workspace: the applications they may score (the server leaves out their own administration, the one
 * supervising it, those it supervises and the ones they declared a conflict with), and for each the jury criteria
 * scored 0–10 with a comment. Nobody sees another juror's scores before scoring closes.
 */
@Component({
  selector: 'msd-award-jury-page',
  imports: [
    RouterLink,
    TranslatePipe,
    MatButton,
    EmptyState,
    LoadingIndicator,
    LocaleNumberPipe,
    LocaleFileSizePipe,
    LocalizedTextPipe,
    LocalizedTextLangPipe,
    AwardTimePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './jury.page.html',
  styleUrl: './award.scss',
})
export class AwardJuryPage {
  readonly id = input.required<string>();

  private readonly api = inject(AwardApi);
  private readonly snackBar = inject(MatSnackBar);
  private readonly translate = inject(TranslateService);
  protected readonly locale = inject(LocaleService).locale;
  protected readonly limits = AWARD_LIMITS;
  protected readonly phaseKeys = PHASE_KEYS;
  protected readonly metricKeys = METRIC_KEYS;

  protected readonly edition = apiResource({
    params: () => this.id(),
    stream: ({ params }) => this.api.edition(params),
  });
  protected readonly applications = apiResource({
    params: () => this.id(),
    stream: ({ params }) => this.api.applications(params),
  });
  private readonly session = inject(SessionService);
  private readonly ownCode = computed(() => this.session.user()?.institution?.code ?? null);
  /** What the juror scores: the server also lists their own administration's application to its people; never scored. */
  protected readonly list = computed(() =>
    (this.applications.value() ?? []).filter((a) => a.institution.code !== this.ownCode()),
  );
  /** 403: the signed-in person is not on this edition's jury. */
  protected readonly notJuror = computed(() => this.applications.error()?.status === 403);
  protected readonly criteria = computed(() => sortedCriteria(this.edition.value()?.criteria ?? []));
  protected readonly juryCriteria = computed(() => juryCriteria(this.criteria()));
  protected readonly scoringOpen = computed(() => this.edition.value()?.phase === 'scoring');

  /** The juror's own scores, per application. */
  private readonly given = apiResource({
    params: () => {
      return this.applications.value() ? this.list().map((a) => a.id) : undefined;
    },
    stream: ({ params }) =>
      params.length
        ? forkJoin(params.map((id) => this.api.scores(id).pipe(catchError(() => of(null))))).pipe(
            map((views) => Object.fromEntries(params.map((id, i) => [id, views[i]]))),
          )
        : of({} as Record<string, JurorScoresView | null>),
  });
  protected readonly scores = signal<Record<string, JurorScoresView | null>>({});
  protected readonly scoredCount = computed(() => {
    const scores = this.scores();
    return this.list().filter((a) => isScored(scores[a.id], this.criteria())).length;
  });

  protected readonly selected = signal<AwardApplicationView | null>(null);
  protected readonly drafts = signal<ScoreDraft[]>([]);
  protected readonly saving = signal(false);
  protected readonly formError = signal<string | null>(null);
  protected readonly attempted = signal(false);
  protected readonly validScore = validScore;

  constructor() {
    const title = inject(DocumentTitleService);
    effect(() => title.set('award.jury.title'));
    effect(() => {
      const given = this.given.value();
      if (given) this.scores.set(given);
    });
  }

  protected fileUrl(id: string): string {
    return this.api.fileUrl(id);
  }

  protected isScored(application: AwardApplicationView): boolean {
    return isScored(this.scores()[application.id], this.criteria());
  }

  protected open(application: AwardApplicationView): void {
    this.selected.set(application);
    this.formError.set(null);
    this.attempted.set(false);
    this.drafts.set(scoreDrafts(this.criteria(), this.scores()[application.id] ?? null));
  }

  protected close(): void {
    this.selected.set(null);
  }

  protected setScore(index: number, raw: string): void {
    const score = raw.trim() === '' ? null : Number(raw);
    this.drafts.update((d) => d.map((x, i) => (i === index ? { ...x, score: Number.isNaN(score) ? null : score } : x)));
  }

  protected setComment(index: number, comment: string): void {
    this.drafts.update((d) => d.map((x, i) => (i === index ? { ...x, comment } : x)));
  }

  protected criterionTitle(criterionId: string): string {
    const c = this.criteria().find((x) => x.id === criterionId);
    return c ? (pickText(c.title, this.locale())?.text ?? '') : '';
  }

  protected name(ref: InstitutionRef): string {
    return pickText(ref.name, this.locale())?.text ?? ref.code;
  }

  protected saveScores(): void {
    const application = this.selected();
    if (!application || !this.scoringOpen()) return;
    this.attempted.set(true);
    const request = scoresRequest(this.drafts());
    if (!request) {
      this.formError.set('award.jury.invalid');
      return;
    }
    this.saving.set(true);
    this.formError.set(null);
    this.api.setScores(application.id, request).subscribe({
      next: (view) => {
        this.saving.set(false);
        this.scores.update((s) => ({ ...s, [application.id]: view }));
        this.snackBar.open(this.translate.instant('award.jury.saved'), undefined, { duration: 4000 });
      },
      error: (error: ApiError) => {
        this.saving.set(false);
        if (error.status === 403) this.formError.set('award.jury.conflicted');
        else if (error.code === 'AWARD_PHASE_CONFLICT') {
          this.formError.set('award.jury.phaseConflict');
          this.edition.reload();
        } else this.formError.set(error.messageKey);
      },
    });
  }
}
