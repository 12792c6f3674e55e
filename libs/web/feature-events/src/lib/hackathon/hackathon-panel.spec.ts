import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { provideRouter } from '@angular/router';
import type { ApiErrorBody, EventDetail, HackathonView, Role, SessionView } from '@marsad/contracts';
import { apiErrorInterceptor, LocaleService, SessionService } from '@marsad/web/data-access';
import { provideTranslateService } from '@ngx-translate/core';
import { of } from 'rxjs';
import { page, session } from '../testing/event-fixtures';
import {
  BUDGET,
  emptyView,
  hackathonEvent,
  managedHackathonEvent,
  MOBILITY,
  portalDataset,
  rankedView,
  reuseView,
  team,
} from './hackathon-fixtures';
import { HackathonPanel } from './hackathon-panel';
import {
  challengeRequest,
  emptyChallengeForm,
  emptyTeamForm,
  publishBlockers,
  submissionMissingTitle,
  teamFieldsToControls,
  teamFormFrom,
  teamRequest,
  teamUpdate,
} from './hackathon-rules';

const SIGNED_OUT: SessionView = { user: null, csrfToken: null, expiresAt: null };
const VIEW_URL = '/api/v1/events/h-1/hackathon';

describe('HackathonPanel', () => {
  let fixture: ComponentFixture<HackathonPanel>;
  let http: HttpTestingController;
  let confirmAnswer = true;
  const dialog = { open: jest.fn(() => ({ afterClosed: () => of(confirmAnswer) })) };

  async function render(who: Role | null, view: HackathonView, event?: EventDetail): Promise<HTMLElement> {
    TestBed.configureTestingModule({
      imports: [HackathonPanel],
      providers: [
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
        provideRouter([]),
        provideTranslateService(),
        { provide: MatDialog, useValue: dialog },
      ],
    });
    TestBed.inject(LocaleService).use('fr');
    http = TestBed.inject(HttpTestingController);
    const loading = TestBed.inject(SessionService).load();
    http.expectOne('/api/v1/auth/session').flush(who ? session(who) : SIGNED_OUT);
    await loading;
    fixture = TestBed.createComponent(HackathonPanel);
    fixture.componentRef.setInput('event', event ?? (who ? managedHackathonEvent() : hackathonEvent()));
    fixture.detectChanges();
    TestBed.tick();
    http.expectOne(VIEW_URL).flush(view);
    await settle();
    return fixture.nativeElement as HTMLElement;
  }

  async function settle(): Promise<void> {
    await fixture.whenStable();
    fixture.detectChanges();
  }

  /** The panel reads the hackathon again after a write. */
  async function reloaded(view: HackathonView): Promise<void> {
    TestBed.tick();
    http.expectOne(VIEW_URL).flush(view);
    await settle();
  }

  function type(el: HTMLElement, selector: string, value: string): void {
    const input = el.querySelector(selector) as HTMLInputElement;
    expect(input).not.toBeNull();
    input.value = value;
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new Event('blur'));
  }

  async function choose(el: HTMLElement, selectHook: string, optionText: string): Promise<void> {
    (el.querySelector(`${selectHook} .mat-mdc-select-trigger`) as HTMLElement).click();
    await settle();
    const option = Array.from(document.querySelectorAll('mat-option')).find((o) =>
      o.textContent?.includes(optionText),
    ) as HTMLElement;
    expect(option).toBeDefined();
    option.click();
    await settle();
  }

  function click(el: HTMLElement, selector: string): void {
    const button = el.querySelector(selector) as HTMLButtonElement;
    expect(button).not.toBeNull();
    button.click();
  }

  beforeEach(() => {
    confirmAnswer = true;
    dialog.open.mockClear();
  });
  afterEach(() => http.verify());

  it('shows the public the challenges and their datasets, and the teams ranked, with nothing to edit', async () => {
    const el = await render(null, rankedView());
    expect(el.querySelector('[data-hackathon-panel]')).not.toBeNull();

    const challenges = el.querySelectorAll('[data-challenge]');
    expect(challenges).toHaveLength(2);
    expect(challenges[0].textContent).toContain('Mieux se déplacer en ville');
    expect(challenges[0].textContent).toContain('Aider chacun à choisir son trajet.');
    expect(challenges[0].querySelector('[data-challenge-dataset="d-bus"]')?.textContent).toContain(
      'Lignes de bus de Rabat',
    );
    // The administration that publishes it, by name.
    expect(challenges[0].querySelector('[data-challenge-dataset="d-bus"]')?.textContent).toContain(
      "Ministère de l'Économie et des Finances",
    );
    expect(challenges[1].textContent).toContain('hackathon.noDatasets');

    // In the API's order: ranked first, then the others.
    const rows = Array.from(el.querySelectorAll<HTMLElement>('[data-team]'));
    expect(rows.map((r) => r.getAttribute('data-team'))).toEqual(['t-trajets', 't-souss', 't-budget', 't-late']);
    expect(rows.map((r) => r.querySelector('[data-team-rank]')?.getAttribute('data-team-rank'))).toEqual([
      '1',
      '2',
      'none',
      'none',
    ]);
    expect(rows[0].textContent).toContain('Trajets Maroc');
    expect(rows[0].textContent).toContain('Mieux se déplacer en ville');
    expect(rows[0].querySelector('[data-team-score]')?.textContent).toContain('hackathon.scoreOutOf');
    const link = rows[0].querySelector('[data-submission-link]') as HTMLAnchorElement;
    expect(link.getAttribute('href')).toBe('https://trajets.example.ma');
    expect(link.getAttribute('rel')).toContain('noopener');
    // A project without a link is named, not linked.
    expect(rows[1].querySelector('[data-submission-link]')).toBeNull();
    expect(rows[1].textContent).toContain('Ma commune en chiffres');
    expect(rows[3].textContent).toContain('hackathon.noSubmission');
    expect(el.querySelector('[data-results-status]')?.textContent).toContain('hackathon.resultsOut');

    for (const hook of ['[data-add-team]', '[data-add-challenge]', '[data-edit-team]', '[data-team-to-reuse]'])
      expect(el.querySelector(hook)).toBeNull();
  });

  it('explains what comes next when the hackathon is empty, to the public and to a coordinator', async () => {
    const el = await render(null, emptyView());
    expect(el.querySelector('[data-no-challenges]')?.textContent).toContain('hackathon.noChallengesPublic');
    expect(el.querySelector('[data-no-teams]')?.textContent).toContain('hackathon.noTeamsPublic');
    expect(el.querySelector('[data-results-status]')).toBeNull();
    TestBed.resetTestingModule();

    const managed = await render('COORDINATOR', emptyView());
    expect(managed.querySelector('[data-no-challenges]')?.textContent).toContain('hackathon.noChallengesManage');
    expect(managed.querySelector('[data-no-teams]')?.textContent).toContain('hackathon.noTeamsManage');
    expect(managed.querySelector('[data-add-challenge]')).not.toBeNull();
    expect(managed.querySelector('[data-add-team]')).not.toBeNull();
  });

  it('gives an officer (no reuse:manage) nothing to edit', async () => {
    const el = await render('OFFICER', rankedView());
    expect(el.querySelector('[data-add-team]')).toBeNull();
    expect(el.querySelector('[data-delete-team]')).toBeNull();
  });

  it('adds a challenge on datasets found in the portal', async () => {
    const el = await render('COORDINATOR', emptyView());
    click(el, '[data-add-challenge]');
    await settle();
    // Nothing is sent without a title.
    click(el, '[data-save-challenge]');
    await settle();
    http.expectNone({ method: 'POST' });
    expect(el.querySelector('[data-missing-title]')?.textContent).toContain('hackathon.form.titleRequired');

    type(el, '[data-challenge-title-fr]', '  Mieux se déplacer  ');
    const picker = el.querySelector('[data-dataset-picker]') as HTMLInputElement;
    type(el, '[data-dataset-picker]', 'bus');
    picker.dispatchEvent(new Event('focusin'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    http
      .expectOne((r) => r.url === '/api/v1/portal/datasets' && r.params.get('q') === 'bus')
      .flush(page([portalDataset('d-bus', 'Lignes de bus de Rabat')]));
    await settle();
    (document.querySelector('mat-option[data-dataset-option="d-bus"]') as HTMLElement).click();
    await settle();
    expect(el.querySelector('[data-dataset-chip="d-bus"]')?.textContent).toContain('Lignes de bus de Rabat');

    click(el, '[data-save-challenge]');
    await settle();
    const req = http.expectOne({ method: 'POST', url: '/api/v1/events/h-1/hackathon/challenges' });
    expect(req.request.body).toEqual({ title: { fr: 'Mieux se déplacer' }, description: {}, datasetIds: ['d-bus'] });
    req.flush(MOBILITY);
    await reloaded({ ...emptyView(), challenges: [MOBILITY] });
    expect(el.querySelector('[data-challenge-form]')).toBeNull();
    expect(el.querySelectorAll('[data-challenge]')).toHaveLength(1);
  });

  it('puts the server’s dataset message under the picker', async () => {
    const el = await render('COORDINATOR', rankedView());
    click(el, '[data-challenge="c-mobility"] [data-edit-challenge]');
    await settle();
    click(el, '[data-save-challenge]');
    await settle();
    const req = http.expectOne({ method: 'PATCH', url: '/api/v1/hackathon/challenges/c-mobility' });
    expect(req.request.body).toEqual(expect.objectContaining({ version: 2, datasetIds: ['d-bus', 'd-gares'] }));
    const body: ApiErrorBody = {
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      message: 'Invalid',
      fields: [{ field: 'datasetIds.1', rule: 'unknownDataset', message: 'Jeu de données inconnu' }],
      requestId: 'r-1',
    };
    req.flush(body, { status: 400, statusText: 'Bad Request' });
    await settle();
    expect(el.querySelector('[data-datasets-error]')?.textContent).toContain('Jeu de données inconnu');
  });

  it('registers a team with its project, and records the jury’s score and rank', async () => {
    const el = await render('COORDINATOR', rankedView());
    click(el, '[data-add-team]');
    await settle();
    expect(el.querySelector('[data-jury]')).toBeNull();
    type(el, '[data-team-name]', '  Data Rif ');
    type(el, '[data-team-members]', '4');
    await choose(el, '[data-team-challenge]', 'Comprendre le budget');
    type(el, '[data-submission-url]', 'https://rif.example.ma');
    click(el, '[data-save-team]');
    await settle();
    // A link without a project title is refused before sending.
    http.expectNone({ method: 'POST' });
    expect(el.querySelector('[data-missing-submission-title]')).not.toBeNull();
    type(el, '[data-submission-title]', 'Rif en données');
    click(el, '[data-save-team]');
    await settle();
    const add = http.expectOne({ method: 'POST', url: '/api/v1/events/h-1/hackathon/teams' });
    expect(add.request.body).toEqual({
      name: 'Data Rif',
      members: 4,
      challengeId: BUDGET.id,
      submission: { title: 'Rif en données', url: 'https://rif.example.ma', description: null },
    });
    add.flush(team('t-rif'));
    await reloaded(rankedView());

    click(el, '[data-team="t-souss"] [data-edit-team]');
    await settle();
    expect(el.querySelector('[data-jury]')).not.toBeNull();
    type(el, '[data-team-score]', '91.5');
    type(el, '[data-team-rank-input]', '1');
    click(el, '[data-save-team]');
    await settle();
    const update = http.expectOne({ method: 'PATCH', url: '/api/v1/hackathon/teams/t-souss' });
    expect(update.request.body).toEqual(
      expect.objectContaining({ version: 1, score: 91.5, rank: 1, name: 'Data Souss', challengeId: BUDGET.id }),
    );
    update.flush(team('t-souss', { score: 91.5, rank: 1, version: 2 }));
    await reloaded(rankedView());
    expect(el.querySelector('[data-team-form]')).toBeNull();
  });

  it('reloads and says so when the team changed meanwhile (409)', async () => {
    const el = await render('COORDINATOR', rankedView());
    click(el, '[data-team="t-late"] [data-delete-team]');
    await settle();
    expect(dialog.open).toHaveBeenCalledTimes(1);
    const req = http.expectOne(
      (r) => r.method === 'DELETE' && r.url === '/api/v1/hackathon/teams/t-late' && r.params.get('version') === '1',
    );
    req.flush(
      { statusCode: 409, code: 'VERSION_CONFLICT', message: 'Conflict', fields: [], requestId: 'r-2' },
      { status: 409, statusText: 'Conflict' },
    );
    await reloaded(rankedView());
    expect(el.querySelector('[data-hackathon-error]')?.textContent).toContain('hackathon.reloaded');
  });

  it('asks before deleting and sends nothing when the coordinator cancels', async () => {
    confirmAnswer = false;
    const el = await render('COORDINATOR', rankedView());
    click(el, '[data-challenge="c-budget"] [data-delete-challenge]');
    await settle();
    expect(dialog.open).toHaveBeenCalledTimes(1);
    http.expectNone({ method: 'DELETE' });
  });

  it('publishes a ranked team’s project with a link as a reuse, after asking who made it', async () => {
    const el = await render('COORDINATOR', rankedView());
    // Only the winner has a rank, a link and a challenge with datasets.
    const publishable = Array.from(el.querySelectorAll('[data-team-to-reuse]')).map((b) =>
      b.closest('[data-team]')?.getAttribute('data-team'),
    );
    expect(publishable).toEqual(['t-trajets']);
    expect(el.querySelector('[data-team="t-souss"] [data-reuse-missing]')?.textContent).toContain(
      'hackathon.reuse.needs',
    );

    click(el, '[data-team="t-trajets"] [data-team-to-reuse]');
    await settle();
    click(el, '[data-confirm-reuse]');
    await settle();
    http.expectNone({ method: 'POST' });
    expect(el.querySelector('[data-reuser-type-missing]')).not.toBeNull();
    await choose(el, '[data-reuser-type]', 'reuses.reuserTypes.startup');
    click(el, '[data-confirm-reuse]');
    await settle();
    const req = http.expectOne({ method: 'POST', url: '/api/v1/hackathon/teams/t-trajets/reuse' });
    expect(req.request.body).toEqual({ reuserType: 'startup' });
    req.flush(reuseView('r-1'));
    const after = rankedView();
    after.teams[0] = { ...after.teams[0], reuseId: 'r-1', version: 4 };
    await reloaded(after);

    const done = el.querySelector('[data-published-reuse] a') as HTMLAnchorElement;
    expect(done.getAttribute('href')).toBe('/fr/reuses/r-1');
    expect(el.querySelector('[data-team="t-trajets"] [data-team-reuse]')?.getAttribute('href')).toBe('/fr/reuses/r-1');
    // Published once: no second button, and the team can no longer be deleted.
    expect(el.querySelector('[data-team="t-trajets"] [data-team-to-reuse]')).toBeNull();
    expect(el.querySelector('[data-team="t-trajets"] [data-delete-team]')).toBeNull();
  });
});

describe('hackathon rules', () => {
  it('builds a challenge request from the texts typed, keeping an English text set elsewhere', () => {
    expect(challengeRequest(emptyChallengeForm(), [])).toBeNull();
    expect(
      challengeRequest(
        { titleAr: ' تحدي ', titleFr: '', descriptionAr: '', descriptionFr: ' Décrire ' },
        [{ portalId: 'd-1', name: 'd', title: 'D', institution: null }],
        { ...MOBILITY, title: { fr: 'x', en: 'Moving' } },
      ),
    ).toEqual({ title: { en: 'Moving', ar: 'تحدي' }, description: { fr: 'Décrire' }, datasetIds: ['d-1'] });
  });

  it('builds team requests: an empty project is none, empty score and rank are not decided', () => {
    const value = { ...emptyTeamForm(), name: ' A ', members: 2 };
    expect(teamRequest(value)).toEqual({ name: 'A', members: 2, challengeId: null, submission: null });
    const souss = rankedView().teams[1];
    expect(teamUpdate({ ...teamFormFrom(souss), score: null, rank: null }, souss)).toEqual(
      expect.objectContaining({ score: null, rank: null, version: 1 }),
    );
    expect(submissionMissingTitle({ ...value, submissionUrl: 'https://x.ma' })).toBe(true);
    expect(submissionMissingTitle(value)).toBe(false);
  });

  it('says what a team lacks to become a reuse', () => {
    const [winner, souss, budget] = rankedView().teams;
    const challenges = [MOBILITY, BUDGET];
    expect(publishBlockers(winner, challenges)).toEqual([]);
    expect(publishBlockers(souss, challenges)).toEqual(['hackathon.reuse.needsUrl', 'hackathon.reuse.needsDatasets']);
    expect(publishBlockers(budget, challenges)).toEqual(['hackathon.reuse.needsRank', 'hackathon.reuse.needsDatasets']);
    expect(publishBlockers({ ...winner, reuseId: 'r-1' }, challenges)).toEqual([]);
  });

  it('renames the API’s submission fields to the form’s controls', () => {
    expect(teamFieldsToControls([{ field: 'submission.url', rule: 'isUrl', message: 'm' }])).toEqual([
      { field: 'submissionUrl', rule: 'isUrl', message: 'm' },
    ]);
  });
});
