import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { provideRouter } from '@angular/router';
import {
  rankApplications,
  type AwardApplicationView,
  type AwardEditionDetail,
  type AwardResults,
  type Role,
  type SessionView,
} from '@marsad/contracts';
import { apiErrorInterceptor, LocaleService, SessionService } from '@marsad/web/data-access';
import { provideTranslateService } from '@ngx-translate/core';
import { of } from 'rxjs';
import { session } from '../testing/event-fixtures';
import { application, CRITERIA, edition, HASH, MEF, results } from './award-fixtures';
import { AwardEditionPage } from './edition.page';
import { JuryEditorDialog } from './jury-editor.dialog';

const SIGNED_OUT: SessionView = { user: null, csrfToken: null, expiresAt: null };

describe('AwardEditionPage', () => {
  let fixture: ComponentFixture<AwardEditionPage>;
  let http: HttpTestingController;
  let confirmAnswer = true;
  const dialog = { open: jest.fn(() => ({ afterClosed: () => of(confirmAnswer) })) };

  function who(role: Role | null): SessionView {
    if (!role) return SIGNED_OUT;
    const s = session(role);
    if (role === 'OFFICER' && s.user) s.user.institution = MEF;
    return s;
  }

  /** Renders the page; `follow` answers what it asks next (the results, an officer's applications). */
  async function render(
    role: Role | null,
    detail: AwardEditionDetail,
    follow: { results?: AwardResults; applications?: AwardApplicationView[] } = {},
  ): Promise<HTMLElement> {
    TestBed.configureTestingModule({
      imports: [AwardEditionPage],
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
    http.expectOne('/api/v1/auth/session').flush(who(role));
    await loading;
    fixture = TestBed.createComponent(AwardEditionPage);
    fixture.componentRef.setInput('id', detail.id);
    fixture.detectChanges();
    TestBed.tick();
    http.expectOne(`/api/v1/award/editions/${detail.id}`).flush(detail);
    if (follow.results) await answer(`/api/v1/award/editions/${detail.id}/results`, follow.results);
    if (follow.applications) await answer(`/api/v1/award/editions/${detail.id}/applications`, follow.applications);
    await settle();
    return fixture.nativeElement as HTMLElement;
  }

  /** Waits for the page to ask `url` (a resource that follows another), then answers. */
  async function answer(url: string, body: unknown): Promise<void> {
    for (let i = 0; i < 20; i++) {
      fixture.detectChanges();
      TestBed.tick();
      const found = http.match(url);
      if (found.length) {
        found.forEach((r) => r.flush(body));
        return;
      }
      await new Promise((resolve) => setTimeout(resolve));
    }
    http.expectOne(url);
  }

  async function settle(): Promise<void> {
    await fixture.whenStable();
    fixture.detectChanges();
    TestBed.tick();
    await fixture.whenStable();
    fixture.detectChanges();
  }

  beforeEach(() => {
    confirmAnswer = true;
    dialog.open.mockClear();
  });
  afterEach(() => http.verify());

  it('shows the timeline with the current phase, the criteria with their weights and the method', async () => {
    const el = await render(null, edition());
    expect(el.querySelector('[data-award-phase]')?.getAttribute('data-phase')).toBe('open');
    const current = el.querySelector('[data-award-timeline] [aria-current="step"]') as HTMLElement;
    expect(current.getAttribute('data-step')).toBe('callOpensOn');
    expect(el.querySelector('[data-step="applicationsCloseAt"]')?.textContent).toContain('award.moroccoTime');
    // 22:59 UTC on 30 April is 23:59 in Morocco.
    expect(el.querySelector('[data-step="applicationsCloseAt"]')?.textContent).toContain('23:59');

    const rows = [...el.querySelectorAll('[data-award-criteria] tbody tr')];
    expect(rows.map((r) => r.getAttribute('data-kind'))).toEqual(['automated', 'automated', 'jury']);
    expect(rows[0].textContent).toContain('award.metrics.publication_score.explain');
    expect(rows[2].textContent).toContain('award.criteria.juryExplain');
    expect(el.querySelector('[data-award-weight-total]')?.textContent?.trim()).toBe('100');

    const method = el.querySelector('[data-award-method]') as HTMLElement;
    for (const key of ['scale', 'total', 'jury', 'frozen', 'tieBreak', 'hash'])
      expect(method.textContent).toContain(`award.method.${key}`);
    // No results before publication, and nobody signed in gets no call to action.
    expect(el.querySelector('[data-award-results]')).toBeNull();
    expect(el.querySelector('[data-award-apply]')).toBeNull();
    expect(el.querySelector('[data-award-jury-link]')).toBeNull();
  });

  it('publishes the ranking: rows, jury values with their jurors, winners, hash and downloads', async () => {
    const el = await render(null, edition({ phase: 'published', resultsHash: HASH }), {
      results: results({ publication: 2, correctionReason: 'Erreur de saisie' }),
    });
    const section = el.querySelector('[data-award-results]') as HTMLElement;
    const rows = [...section.querySelectorAll('[data-award-row]')];
    expect(rows.map((r) => r.getAttribute('data-rank'))).toEqual(['1', '2', '3', '4']);
    expect(rows[0].classList).toContain('award-row--winner');
    expect(rows[2].classList).toContain('award-row--winner');
    expect(rows[3].classList).not.toContain('award-row--winner');
    expect(rows[0].querySelector('[data-criterion="c-jury"]')?.textContent).toContain('award.results.jurorsTrimmed');
    expect(rows[2].querySelector('[data-criterion="c-jury"]')?.textContent).toContain('award.results.jurors');
    expect(rows[1].querySelector('[data-award-tie]')?.textContent).toContain('award.results.tieAutomated');
    expect(section.querySelectorAll('[data-award-winners] li')).toHaveLength(3);

    const hash = section.querySelector('[data-award-hash]') as HTMLElement;
    expect(hash.tagName).toBe('CODE');
    expect(hash.getAttribute('dir')).toBe('ltr');
    expect(hash.textContent).toBe(HASH);
    expect(section.querySelector('[data-award-correction]')?.textContent).toContain('Erreur de saisie');
    const exports = [...section.querySelectorAll('[data-award-export]')].map((a) => a.getAttribute('href'));
    expect(exports).toEqual([
      '/api/v1/award/editions/ed-1/results/export?format=csv',
      '/api/v1/award/editions/ed-1/results/export?format=xlsx',
    ]);
    // Never a juror's own score: only the values of the rows.
    expect(section.textContent).not.toContain('comment');
  });

  it('invites an officer of an eligible administration to apply, or to continue', async () => {
    let el = await render('OFFICER', edition(), { applications: [] });
    let cta = el.querySelector('[data-award-apply]') as HTMLAnchorElement;
    expect(cta.getAttribute('href')).toBe('/fr/award/ed-1/apply');
    expect(cta.textContent).toContain('award.applyCta');
    expect(el.querySelector('[data-award-jury-link]')).toBeNull();

    TestBed.resetTestingModule();
    el = await render('OFFICER', edition(), { applications: [application()] });
    cta = el.querySelector('[data-award-apply]') as HTMLAnchorElement;
    expect(cta.textContent).toContain('award.continueApplication');
  });

  it('says when the officer’s administration may not apply', async () => {
    const el = await render('OFFICER', edition({ eligibleTypes: ['commune'] }));
    expect(el.querySelector('[data-award-apply]')).toBeNull();
    expect(el.querySelector('[data-award-not-eligible]')).not.toBeNull();
  });

  it('gives coordinators the jurors, a ranking preview and the publication after a confirmation', async () => {
    const el = await render(
      'COORDINATOR',
      edition({
        phase: 'scored',
        jurors: [{ userId: 'u-1', displayName: 'Amina Juré', institution: MEF, conflicts: [{ ...MEF, code: 'HCP' }] }],
      }),
    );
    expect(el.querySelector('[data-award-juror]')?.textContent).toContain('Amina Juré');
    expect(el.querySelector('[data-award-edit]')?.getAttribute('href')).toBe('/fr/award/ed-1/edit');
    expect(el.querySelector('[data-award-jury-link]')).not.toBeNull();

    (el.querySelector('[data-award-ranking-preview-load]') as HTMLButtonElement).click();
    const preview = rankApplications({
      criteria: CRITERIA,
      applications: [
        {
          institution: MEF,
          submittedAt: '2025-04-01T10:00:00Z',
          automated: { 'c-pub': 8, 'c-reuse': 5 },
          jury: { 'c-jury': [8, 9] },
        },
      ],
    });
    http.expectOne('/api/v1/award/editions/ed-1/ranking').flush(preview);
    await settle();
    expect(el.querySelectorAll('[data-award-ranking-preview] [data-award-row]')).toHaveLength(1);

    // Refused at first: nothing sent.
    confirmAnswer = false;
    (el.querySelector('[data-award-publish]') as HTMLButtonElement).click();
    await settle();
    expect(dialog.open).toHaveBeenCalledTimes(1);
    http.expectNone('/api/v1/award/editions/ed-1/publish');

    confirmAnswer = true;
    (el.querySelector('[data-award-publish]') as HTMLButtonElement).click();
    await settle();
    const req = http.expectOne({ method: 'POST', url: '/api/v1/award/editions/ed-1/publish' });
    expect(req.request.body).toEqual({});
    req.flush(results());
    await settle();
    expect(el.querySelector('[data-award-results] [data-award-hash]')?.textContent).toBe(HASH);
    // A second publication is a correction: it needs a reason.
    expect(el.querySelector('[data-award-publish-reason]')).not.toBeNull();
  });

  it('opens the jury editor for coordinators only, and shows the jury as saved', async () => {
    let el = await render(null, edition());
    expect(el.querySelector('[data-award-edit-jury]')).toBeNull();

    TestBed.resetTestingModule();
    el = await render('COORDINATOR', edition({ jurors: [] }));
    expect(el.querySelector('[data-award-no-jurors]')).not.toBeNull();
    const saved = edition({
      jurors: [{ userId: 'u-2', displayName: 'Karim Bennani', institution: MEF, conflicts: [] }],
      version: 4,
    });
    dialog.open.mockReturnValueOnce({ afterClosed: () => of(saved) } as never);
    (el.querySelector('[data-award-edit-jury]') as HTMLButtonElement).click();
    await settle();
    expect(dialog.open).toHaveBeenCalledWith(
      JuryEditorDialog,
      expect.objectContaining({ data: { edition: expect.objectContaining({ id: 'ed-1', jurors: [] }) } }),
    );
    expect(el.querySelector('[data-award-juror]')?.textContent).toContain('Karim Bennani');
    expect(el.querySelector('[data-award-no-jurors]')).toBeNull();
  });

  it('asks a reason for a correction and explains a refusal at this stage (409)', async () => {
    const el = await render('COORDINATOR', edition({ phase: 'published', resultsHash: HASH }), { results: results() });
    (el.querySelector('[data-award-publish]') as HTMLButtonElement).click();
    await settle();
    expect(dialog.open).not.toHaveBeenCalled();
    expect(el.querySelector('[data-award-manage-error]')?.textContent).toContain('award.manage.reasonRequired');

    const reason = el.querySelector('[data-award-publish-reason]') as HTMLTextAreaElement;
    reason.value = 'Note d’un juré corrigée';
    reason.dispatchEvent(new Event('input'));
    (el.querySelector('[data-award-publish]') as HTMLButtonElement).click();
    await settle();
    const req = http.expectOne({ method: 'POST', url: '/api/v1/award/editions/ed-1/publish' });
    expect(req.request.body).toEqual({ reason: 'Note d’un juré corrigée' });
    req.flush(
      { statusCode: 409, code: 'AWARD_PHASE_CONFLICT', message: 'Phase' },
      { status: 409, statusText: 'Conflict' },
    );
    await settle();
    expect(el.querySelector('[data-award-manage-error]')?.textContent).toContain('award.manage.phaseConflict');
  });
});
