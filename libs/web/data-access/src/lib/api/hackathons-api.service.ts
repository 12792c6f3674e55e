import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  HackathonChallenge,
  HackathonTeam,
  HackathonView,
  ReuseView,
  SaveChallengeRequest,
  SaveTeamRequest,
  TeamToReuseRequest,
  UpdateChallengeRequest,
  UpdateTeamRequest,
} from '@marsad/contracts';
import type { Observable } from 'rxjs';
import { API_BASE_URL } from './api-base-url';

/** A hackathon's challenges, teams, submissions and results (measure 12). */
@Injectable({ providedIn: 'root' })
export class HackathonsApi {
  private readonly http = inject(HttpClient);
  private readonly base = inject(API_BASE_URL);

  get(eventId: string): Observable<HackathonView> {
    return this.http.get<HackathonView>(`${this.base}/v1/events/${encodeURIComponent(eventId)}/hackathon`);
  }

  addChallenge(eventId: string, request: SaveChallengeRequest): Observable<HackathonChallenge> {
    return this.http.post<HackathonChallenge>(
      `${this.base}/v1/events/${encodeURIComponent(eventId)}/hackathon/challenges`,
      request,
    );
  }

  updateChallenge(id: string, request: UpdateChallengeRequest): Observable<HackathonChallenge> {
    return this.http.patch<HackathonChallenge>(
      `${this.base}/v1/hackathon/challenges/${encodeURIComponent(id)}`,
      request,
    );
  }

  deleteChallenge(id: string, version: number): Observable<void> {
    return this.http.delete<void>(`${this.base}/v1/hackathon/challenges/${encodeURIComponent(id)}`, {
      params: { version },
    });
  }

  addTeam(eventId: string, request: SaveTeamRequest): Observable<HackathonTeam> {
    return this.http.post<HackathonTeam>(
      `${this.base}/v1/events/${encodeURIComponent(eventId)}/hackathon/teams`,
      request,
    );
  }

  updateTeam(id: string, request: UpdateTeamRequest): Observable<HackathonTeam> {
    return this.http.patch<HackathonTeam>(`${this.base}/v1/hackathon/teams/${encodeURIComponent(id)}`, request);
  }

  deleteTeam(id: string, version: number): Observable<void> {
    return this.http.delete<void>(`${this.base}/v1/hackathon/teams/${encodeURIComponent(id)}`, {
      params: { version },
    });
  }

  /** A ranked team's submission becomes a published reuse. */
  toReuse(id: string, request: TeamToReuseRequest): Observable<ReuseView> {
    return this.http.post<ReuseView>(`${this.base}/v1/hackathon/teams/${encodeURIComponent(id)}/reuse`, request);
  }
}
