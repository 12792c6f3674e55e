import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatOption } from '@angular/material/core';
import { MatDialog } from '@angular/material/dialog';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatSelect } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import {
  HACKATHON_LIMITS,
  Permission,
  pickText,
  REUSER_TYPES,
  type EventDetail,
  type HackathonChallenge,
  type HackathonTeam,
  type InstitutionRef,
  type ReuserType,
} from '@marsad/contracts';
import { apiResource, ApiError, HackathonsApi, LocaleService, SessionService } from '@marsad/web/data-access';
import {
  EmptyState,
  LoadingIndicator,
  LocaleNumberPipe,
  LocalizedTextLangPipe,
  LocalizedTextPipe,
} from '@marsad/web/ui';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import type { Observable } from 'rxjs';
import { askConfirm } from '../events/confirm';
import { REUSER_TYPE_KEYS } from '../reuses/reuse-labels';
import { HackathonChallengeForm } from './hackathon-challenge-form';
import { HackathonTeamForm } from './hackathon-team-form';
import { canPublish, publishBlockers, rankGlyph } from './hackathon-rules';

/** Which form is open: a new one, or the id of what it changes. */
type Editing = 'new' | string | null;

/**
 * A hackathon on its event's page (measure 12): the challenges and their portal datasets, the teams
 * ranked by the jury with their projects, and, for coordinators, the whole of it to edit, up to
 * publishing a ranked team's project as a reuse.
 */
@Component({
  selector: 'msd-hackathon-panel',
  imports: [
    RouterLink,
    TranslatePipe,
    MatButton,
    MatFormField,
    MatLabel,
    MatHint,
    MatSelect,
    MatOption,
    EmptyState,
    LoadingIndicator,
    LocaleNumberPipe,
    LocalizedTextPipe,
    LocalizedTextLangPipe,
    HackathonChallengeForm,
    HackathonTeamForm,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './hackathon-panel.html',
  styleUrl: './hackathon-panel.scss',
})
export class HackathonPanel {
  readonly event = input.required<EventDetail>();

  private readonly api = inject(HackathonsApi);
  private readonly session = inject(SessionService);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly translate = inject(TranslateService);
  private readonly localeService = inject(LocaleService);
  protected readonly locale = this.localeService.locale;
  protected readonly canManage = computed(() => this.session.can(Permission.ReuseManage));

  protected readonly limits = HACKATHON_LIMITS;
  protected readonly reuserTypes = REUSER_TYPES;
  protected readonly reuserTypeKeys = REUSER_TYPE_KEYS;
  protected readonly rankGlyph = rankGlyph;
  protected readonly canPublish = canPublish;
  protected readonly scoreFormat: Intl.NumberFormatOptions = { maximumFractionDigits: 2 };

  protected readonly hackathon = apiResource({
    params: () => this.event().id,
    stream: ({ params }) => this.api.get(params),
  });
  protected readonly challenges = computed(() => this.hackathon.value()?.challenges ?? []);
  protected readonly teams = computed(() => this.hackathon.value()?.teams ?? []);
  private readonly challengeById = computed(() => new Map(this.challenges().map((c) => [c.id, c])));
  protected readonly teamsByChallenge = computed(() => {
    const counts = new Map<string, number>();
    for (const t of this.teams()) if (t.challengeId) counts.set(t.challengeId, (counts.get(t.challengeId) ?? 0) + 1);
    return counts;
  });

  protected readonly editingChallenge = signal<Editing>(null);
  protected readonly editingTeam = signal<Editing>(null);
  protected readonly teamBeingEdited = computed(() => {
    const id = this.editingTeam();
    return id && id !== 'new' ? (this.teams().find((t) => t.id === id) ?? null) : null;
  });
  /** The team whose project is being published, and the reuser type chosen. */
  protected readonly publishing = signal<HackathonTeam | null>(null);
  protected readonly reuserType = signal<ReuserType | null>(null);
  protected readonly reuserTypeMissing = signal(false);
  /** The reuse just published, to link to. */
  protected readonly published = signal<{ name: string; reuseId: string } | null>(null);
  protected readonly busy = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);

  protected challengeOf(team: HackathonTeam): HackathonChallenge | null {
    return team.challengeId ? (this.challengeById().get(team.challengeId) ?? null) : null;
  }

  protected institutionName(ref: InstitutionRef): string {
    return pickText(ref.name, this.locale())?.text ?? ref.code;
  }

  protected titleOf(challenge: HackathonChallenge): string {
    return pickText(challenge.title, this.locale())?.text ?? '';
  }

  /** Why a ranked team's project cannot be published yet, in words; empty when nothing is missing. */
  protected missingForReuse(team: HackathonTeam): string {
    if (team.rank === null || team.reuseId) return '';
    const blockers = publishBlockers(team, this.challenges());
    if (!blockers.length) return '';
    const separator = this.translate.instant('common.listSeparator');
    return this.translate.instant('hackathon.reuse.needs', {
      missing: blockers.map((key) => this.translate.instant(key)).join(separator),
    });
  }

  protected mayPublish(team: HackathonTeam): boolean {
    return canPublish(team) && publishBlockers(team, this.challenges()).length === 0;
  }

  protected addChallenge(): void {
    this.error.set(null);
    this.editingChallenge.set('new');
  }

  protected addTeam(): void {
    this.error.set(null);
    this.publishing.set(null);
    this.editingTeam.set('new');
  }

  protected editTeam(team: HackathonTeam): void {
    this.error.set(null);
    this.publishing.set(null);
    this.editingTeam.set(team.id);
  }

  protected challengeSaved(): void {
    this.editingChallenge.set(null);
    this.hackathon.reload();
    this.snackBar.open(this.translate.instant('hackathon.challengeSaved'), undefined, { duration: 4000 });
  }

  protected teamSaved(): void {
    this.editingTeam.set(null);
    this.hackathon.reload();
    this.snackBar.open(this.translate.instant('hackathon.teamSaved'), undefined, { duration: 4000 });
  }

  /** Someone changed the hackathon meanwhile: show it as it is now; the open form keeps what was typed. */
  protected reload(): void {
    this.hackathon.reload();
  }

  protected async deleteChallenge(challenge: HackathonChallenge): Promise<void> {
    const ok = await askConfirm(
      this.dialog,
      this.translate,
      this.localeService.dir(),
      {
        title: 'hackathon.deleteChallengeTitle',
        message: 'hackathon.deleteChallengeMessage',
        confirm: 'hackathon.deleteConfirm',
      },
      { title: this.titleOf(challenge) },
    );
    if (!ok) return;
    this.run(`challenge-${challenge.id}`, this.api.deleteChallenge(challenge.id, challenge.version), () => {
      if (this.editingChallenge() === challenge.id) this.editingChallenge.set(null);
      this.snackBar.open(this.translate.instant('hackathon.challengeDeleted'), undefined, { duration: 4000 });
    });
  }

  protected async deleteTeam(team: HackathonTeam): Promise<void> {
    const ok = await askConfirm(
      this.dialog,
      this.translate,
      this.localeService.dir(),
      {
        title: 'hackathon.deleteTeamTitle',
        message: 'hackathon.deleteTeamMessage',
        confirm: 'hackathon.deleteConfirm',
      },
      { name: team.name },
    );
    if (!ok) return;
    this.run(`team-${team.id}`, this.api.deleteTeam(team.id, team.version), () => {
      if (this.editingTeam() === team.id) this.editingTeam.set(null);
      this.snackBar.open(this.translate.instant('hackathon.teamDeleted'), undefined, { duration: 4000 });
    });
  }

  protected startPublishing(team: HackathonTeam): void {
    this.error.set(null);
    this.editingTeam.set(null);
    this.published.set(null);
    this.reuserType.set(null);
    this.reuserTypeMissing.set(false);
    this.publishing.set(team);
  }

  protected publish(): void {
    const team = this.publishing();
    const reuserType = this.reuserType();
    if (!team) return;
    if (!reuserType) {
      this.reuserTypeMissing.set(true);
      return;
    }
    this.run('publish', this.api.toReuse(team.id, { reuserType }), (reuse) => {
      this.publishing.set(null);
      this.published.set({ name: team.name, reuseId: reuse.id });
    });
  }

  /** A write, then the hackathon read again (the ranking is the server's); a 409 reloads and says so. */
  private run<T>(what: string, call: Observable<T>, done: (result: T) => void): void {
    this.busy.set(what);
    this.error.set(null);
    call.subscribe({
      next: (result) => {
        this.busy.set(null);
        done(result);
        this.hackathon.reload();
      },
      error: (error: ApiError) => {
        this.busy.set(null);
        if (error.code === 'VERSION_CONFLICT') {
          this.hackathon.reload();
          this.error.set(this.translate.instant('hackathon.reloaded'));
          return;
        }
        this.error.set(
          error.fields.length ? error.fields.map((f) => f.message).join(' ') : this.translate.instant(error.messageKey),
        );
      },
    });
  }
}
