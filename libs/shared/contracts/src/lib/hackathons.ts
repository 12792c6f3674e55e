import type { PartialLocalizedText } from './locale';
import type { ReuseDatasetRef, ReuserType } from './reuses';

/** A hackathon or competition (measure 12): challenges on portal datasets, teams, their submissions, the jury's results. */
export const HACKATHON_LIMITS = {
  challenges: 20,
  teams: 200,
  title: 200,
  description: 4000,
  teamName: 120,
  members: 50,
  url: 2000,
  datasets: 30,
  /** Jury scores are out of 100. */
  score: 100,
} as const;

export interface HackathonChallenge {
  id: string;
  title: PartialLocalizedText;
  description: PartialLocalizedText;
  datasets: ReuseDatasetRef[];
  version: number;
}

/** A team and what it submitted; team names are public, members are only counted (law 09-08). */
export interface HackathonTeam {
  id: string;
  name: string;
  members: number;
  challengeId: string | null;
  submission: { title: string; url: string | null; description: string | null } | null;
  /** The jury's score (0–100) and rank (1 = winner); null until the jury decided. */
  score: number | null;
  rank: number | null;
  /** The reuse published from this submission, if any. */
  reuseId: string | null;
  version: number;
}

/** GET /api/v1/events/:id/hackathon (public). */
export interface HackathonView {
  eventId: string;
  challenges: HackathonChallenge[];
  /** Ranked first (by rank), then by name. */
  teams: HackathonTeam[];
  /** Some team has a rank: the jury's results are out. */
  resultsOut: boolean;
}

export interface SaveChallengeRequest {
  title: PartialLocalizedText;
  description?: PartialLocalizedText;
  datasetIds?: string[];
}
export interface UpdateChallengeRequest extends Partial<SaveChallengeRequest> {
  version: number;
}

export interface SaveTeamRequest {
  name: string;
  members: number;
  challengeId?: string | null;
  submission?: { title: string; url?: string | null; description?: string | null } | null;
}
export interface UpdateTeamRequest extends Partial<SaveTeamRequest> {
  version: number;
  score?: number | null;
  rank?: number | null;
}

/** POST /api/v1/hackathon/teams/:id/reuse: a ranked team's submission becomes a published reuse. */
export interface TeamToReuseRequest {
  reuserType: ReuserType;
  /** The reuse's description; the submission's when omitted. */
  description?: PartialLocalizedText;
}
