import type {
  FieldError,
  HackathonChallenge,
  HackathonTeam,
  PartialLocalizedText,
  SaveChallengeRequest,
  SaveTeamRequest,
  UpdateTeamRequest,
} from '@marsad/contracts';
import type { PickedDataset } from '../shared/dataset-picker';

/** A dataset chosen for a challenge, as the picker keeps it. */
export type ChallengeDataset = PickedDataset;

export interface ChallengeFormValue {
  titleAr: string;
  titleFr: string;
  descriptionAr: string;
  descriptionFr: string;
}

export interface TeamFormValue {
  name: string;
  members: number | null;
  challengeId: string;
  submissionTitle: string;
  submissionUrl: string;
  submissionDescription: string;
  score: number | null;
  rank: number | null;
}

export function emptyChallengeForm(): ChallengeFormValue {
  return { titleAr: '', titleFr: '', descriptionAr: '', descriptionFr: '' };
}

export function challengeFormFrom(challenge: HackathonChallenge): ChallengeFormValue {
  return {
    titleAr: challenge.title.ar ?? '',
    titleFr: challenge.title.fr ?? '',
    descriptionAr: challenge.description.ar ?? '',
    descriptionFr: challenge.description.fr ?? '',
  };
}

/** Arabic and French as typed; an English text set elsewhere is kept. Null without a title. */
export function challengeRequest(
  value: ChallengeFormValue,
  datasets: readonly ChallengeDataset[],
  current: HackathonChallenge | null = null,
): SaveChallengeRequest | null {
  const text = (ar: string, fr: string, en: string | undefined): PartialLocalizedText => ({
    ...(en?.trim() ? { en } : {}),
    ...(ar.trim() ? { ar: ar.trim() } : {}),
    ...(fr.trim() ? { fr: fr.trim() } : {}),
  });
  const title = text(value.titleAr, value.titleFr, current?.title.en);
  if (!title.ar && !title.fr && !title.en) return null;
  return {
    title,
    description: text(value.descriptionAr, value.descriptionFr, current?.description.en),
    datasetIds: datasets.map((d) => d.portalId),
  };
}

export function emptyTeamForm(): TeamFormValue {
  return {
    name: '',
    members: null,
    challengeId: '',
    submissionTitle: '',
    submissionUrl: '',
    submissionDescription: '',
    score: null,
    rank: null,
  };
}

export function teamFormFrom(team: HackathonTeam): TeamFormValue {
  return {
    name: team.name,
    members: team.members,
    challengeId: team.challengeId ?? '',
    submissionTitle: team.submission?.title ?? '',
    submissionUrl: team.submission?.url ?? '',
    submissionDescription: team.submission?.description ?? '',
    score: team.score,
    rank: team.rank,
  };
}

/** A link or a description without a project title: the form asks for the title. */
export function submissionMissingTitle(value: TeamFormValue): boolean {
  return !value.submissionTitle.trim() && !!(value.submissionUrl.trim() || value.submissionDescription.trim());
}

const blankToNull = (n: number | null | string): number | null =>
  n === null || n === '' || !Number.isFinite(Number(n)) ? null : Number(n);

export function teamRequest(value: TeamFormValue): SaveTeamRequest {
  const title = value.submissionTitle.trim();
  return {
    name: value.name.trim(),
    members: Number(value.members),
    challengeId: value.challengeId || null,
    submission: title
      ? {
          title,
          url: value.submissionUrl.trim() || null,
          description: value.submissionDescription.trim() || null,
        }
      : null,
  };
}

/** A change to a team, with the jury's score and rank (empty: not decided). */
export function teamUpdate(value: TeamFormValue, team: HackathonTeam): UpdateTeamRequest {
  return {
    ...teamRequest(value),
    score: blankToNull(value.score),
    rank: blankToNull(value.rank),
    version: team.version,
  };
}

/** The jury ranked it and its project has a link: it may become a reuse (once). */
export function canPublish(team: HackathonTeam): boolean {
  return team.rank !== null && !!team.submission?.url && team.reuseId === null;
}

/** What keeps a team's project from becoming a reuse, as translation keys (none: it may). */
export function publishBlockers(team: HackathonTeam, challenges: readonly HackathonChallenge[]): string[] {
  if (team.reuseId) return [];
  const blockers: string[] = [];
  if (team.rank === null) blockers.push('hackathon.reuse.needsRank');
  if (!team.submission?.url) blockers.push('hackathon.reuse.needsUrl');
  const challenge = challenges.find((c) => c.id === team.challengeId);
  if (!challenge?.datasets.length) blockers.push('hackathon.reuse.needsDatasets');
  return blockers;
}

/** Server field paths of a team renamed to the form's controls. */
export function teamFieldsToControls(fields: readonly FieldError[]): FieldError[] {
  const names: Record<string, string> = {
    'submission.title': 'submissionTitle',
    'submission.url': 'submissionUrl',
    'submission.description': 'submissionDescription',
  };
  return fields.map((f) => ({ ...f, field: names[f.field] ?? f.field }));
}

/** Server field paths of a challenge renamed to the form's controls; the datasets' stay for the picker. */
export function challengeFieldsToControls(fields: readonly FieldError[]): FieldError[] {
  const names: Record<string, string> = {
    'title.ar': 'titleAr',
    'title.fr': 'titleFr',
    'description.ar': 'descriptionAr',
    'description.fr': 'descriptionFr',
  };
  return fields.map((f) => ({ ...f, field: names[f.field] ?? f.field }));
}

/** A star beside the winner's rank, so it reads without the colour (a text glyph: no emoji font needed). */
export function rankGlyph(rank: number | null): string {
  return rank === 1 ? '★' : '';
}
