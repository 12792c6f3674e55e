import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { AwardEditionDetail, JurorScoresView } from '@marsad/contracts';
import { apiErrorInterceptor, LocaleService, SessionService } from '@marsad/web/data-access';
import { provideTranslateService } from '@ngx-translate/core';
import { session } from '../testing/event-fixtures';
import { ADD, answerWhenAsked, application, CRITERIA, edition, HCP, MEF } from './award-fixtures';
import { isScored, scoreDrafts, scoresRequest, validScore } from './award-rules';
import { AwardJuryPage } from './jury.page';

const SCORING = edition({
  phase: 'scoring',
  applicationsCloseAt: '2025-04-30T22:59:00.000Z',
  scoringOpensOn: '2025-05-05',
});
const APPS = [application({ id: 'app-1', institution: HCP }), application({ id: 'app-2', institution: ADD })];
const EMPTY = (id: string): JurorScoresView => ({
  applicationId: id,
  scores: [{ criterionId: 'c-jury', score: null, comment: null }],
});

describe('AwardJuryPage', () => {
  let fixture: ComponentFixture<AwardJuryPage>;
  let http: HttpTestingController;

  async function render(
    detail: AwardEditionDetail,
    apps: unknown,
    scores: Record<string, JurorScoresView> = {},
    status?: { status: number; statusText: string },
  ): Promise<HTMLElement> {
    TestBed.configureTestingModule({
      imports: [AwardJuryPage],
      providers: [
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
        provideRouter([]),
        provideTranslateService(),
      ],
    });
    TestBed.inject(LocaleService).use('fr');
    http = TestBed.inject(HttpTestingController);
    const loading = TestBed.inject(SessionService).load();
    const juror = session('COMMITTEE');
    if (juror.user) juror.user.institution = MEF;
    http.expectOne('/api/v1/auth/session').flush(juror);
    await loading;
    fixture = TestBed.createComponent(AwardJuryPage);
    fixture.componentRef.setInput('id', detail.id);
    await answerWhenAsked(fixture, http, `/api/v1/award/editions/${detail.id}`, detail);
    await answerWhenAsked(fixture, http, `/api/v1/award/editions/${detail.id}/applications`, apps, status);
    for (const [id, view] of Object.entries(scores))
      await answerWhenAsked(fixture, http, `/api/v1/award/applications/${id}/scores`, view);
    await settle();
    return fixture.nativeElement as HTMLElement;
  }

  async function settle(): Promise<void> {
    await fixture.whenStable();
    fixture.detectChanges();
  }

  afterEach(() => http.verify());

  it('lists what the juror may score with the progress, and sends the scores of one application', async () => {
    const el = await render(SCORING, APPS, {
      'app-1': { applicationId: 'app-1', scores: [{ criterionId: 'c-jury', score: 7.5, comment: 'Solide' }] },
      'app-2': EMPTY('app-2'),
    });
    expect(el.querySelector('[data-award-jury-note]')?.textContent).toContain('award.jury.conflictNote');
    expect(el.querySelectorAll('[data-award-jury-application]')).toHaveLength(2);
    expect(el.querySelector('[data-award-jury-progress]')?.textContent).toContain('award.jury.progress');
    expect(el.querySelector('[data-application-id="app-1"] [data-award-scored]')?.getAttribute('data-scored')).toBe(
      'true',
    );
    expect(el.querySelector('[data-application-id="app-2"] [data-award-scored]')?.getAttribute('data-scored')).toBe(
      'false',
    );

    (el.querySelector('[data-application-id="app-2"] [data-award-jury-open]') as HTMLButtonElement).click();
    await settle();
    const form = el.querySelector('[data-award-score-form]') as HTMLElement;
    // Only the jury criteria are scored here.
    const inputs = form.querySelectorAll('[data-award-score]');
    expect(inputs).toHaveLength(1);
    const score = inputs[0] as HTMLInputElement;
    expect(score.getAttribute('data-criterion')).toBe('c-jury');
    expect(score.getAttribute('step')).toBe('0.5');

    // 11 is out of range: nothing is sent.
    score.value = '11';
    score.dispatchEvent(new Event('input'));
    (form.querySelector('[data-award-score-save]') as HTMLButtonElement).click();
    await settle();
    http.expectNone({ method: 'PUT' });
    expect(form.querySelector('[data-award-score-error]')?.textContent).toContain('award.jury.invalid');

    score.value = '8.5';
    score.dispatchEvent(new Event('input'));
    const comment = form.querySelector('[data-award-comment="c-jury"]') as HTMLTextAreaElement;
    comment.value = '  Démarche exemplaire ';
    comment.dispatchEvent(new Event('input'));
    (form.querySelector('[data-award-score-save]') as HTMLButtonElement).click();
    await settle();
    const put = http.expectOne({ method: 'PUT', url: '/api/v1/award/applications/app-2/scores' });
    expect(put.request.body).toEqual({
      scores: [{ criterionId: 'c-jury', score: 8.5, comment: 'Démarche exemplaire' }],
    });
    put.flush({
      applicationId: 'app-2',
      scores: [{ criterionId: 'c-jury', score: 8.5, comment: 'Démarche exemplaire' }],
    });
    await settle();
    expect(el.querySelector('[data-application-id="app-2"] [data-award-scored]')?.getAttribute('data-scored')).toBe(
      'true',
    );
  });

  it('leaves out the application of the juror’s own administration', async () => {
    const el = await render(SCORING, [...APPS, application({ id: 'app-own', institution: MEF })], {
      'app-1': EMPTY('app-1'),
      'app-2': EMPTY('app-2'),
    });
    expect(
      [...el.querySelectorAll('[data-award-jury-application]')].map((a) => a.getAttribute('data-application-id')),
    ).toEqual(['app-1', 'app-2']);
    http.expectNone('/api/v1/award/applications/app-own/scores');
  });

  it('says who is not on the jury (403)', async () => {
    const el = await render(
      SCORING,
      { statusCode: 403, code: 'FORBIDDEN', message: 'Interdit' },
      {},
      { status: 403, statusText: 'Forbidden' },
    );
    expect(el.querySelector('[data-award-not-juror]')?.textContent).toContain('award.jury.notJurorTitle');
    expect(el.querySelector('[data-award-jury-application]')).toBeNull();
  });

  it('explains a refusal for a conflict (403) when saving', async () => {
    const el = await render(SCORING, [APPS[0]], { 'app-1': EMPTY('app-1') });
    (el.querySelector('[data-award-jury-open]') as HTMLButtonElement).click();
    await settle();
    const score = el.querySelector('[data-award-score]') as HTMLInputElement;
    score.value = '6';
    score.dispatchEvent(new Event('input'));
    (el.querySelector('[data-award-score-save]') as HTMLButtonElement).click();
    await settle();
    http
      .expectOne({ method: 'PUT', url: '/api/v1/award/applications/app-1/scores' })
      .flush({ statusCode: 403, code: 'FORBIDDEN', message: 'Interdit' }, { status: 403, statusText: 'Forbidden' });
    await settle();
    expect(el.querySelector('[data-award-score-error]')?.textContent).toContain('award.jury.conflicted');
  });

  it('is read-only outside the scoring phase, with the reason', async () => {
    const el = await render(edition({ phase: 'scored', applicationsCloseAt: '2025-04-30T22:59:00.000Z' }), [APPS[0]], {
      'app-1': EMPTY('app-1'),
    });
    expect(el.querySelector('[data-award-jury-closed]')?.textContent).toContain('award.jury.closed');
    (el.querySelector('[data-award-jury-open]') as HTMLButtonElement).click();
    await settle();
    expect((el.querySelector('[data-award-score]') as HTMLInputElement).disabled).toBe(true);
    expect(el.querySelector('[data-award-score-save]')).toBeNull();
  });
});

describe('jury rules', () => {
  it('accepts scores from 0 to 10 in steps of 0.5', () => {
    expect([0, 0.5, 7, 10].every(validScore)).toBe(true);
    expect([null, -1, 10.5, 7.3, NaN].some(validScore)).toBe(false);
  });

  it('drafts the jury criteria only, and builds a request once all are scored', () => {
    const drafts = scoreDrafts(CRITERIA, null);
    expect(drafts).toEqual([{ criterionId: 'c-jury', score: null, comment: '' }]);
    expect(scoresRequest(drafts)).toBeNull();
    expect(scoresRequest([{ criterionId: 'c-jury', score: 9, comment: ' ' }])).toEqual({
      scores: [{ criterionId: 'c-jury', score: 9, comment: null }],
    });
    expect(
      isScored({ applicationId: 'a', scores: [{ criterionId: 'c-jury', score: 9, comment: null }] }, CRITERIA),
    ).toBe(true);
    expect(isScored(null, CRITERIA)).toBe(false);
  });
});
