import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { PlanCommentTarget, Role } from '@marsad/contracts';
import { apiErrorInterceptor, LocaleService, SessionService } from '@marsad/web/data-access';
import { provideTranslateService, TranslateService } from '@ngx-translate/core';
import { MEF, sessionFor } from '../testing/committee-fixtures';
import { commentPage, planComment } from './comment-fixtures';
import { PlanComments } from './plan-comments';

describe('PlanComments', () => {
  let fixture: ComponentFixture<PlanComments>;
  let http: HttpTestingController;

  async function render(
    who: { role: Role; institution: 'MEF' | 'HCP' | null } | null = null,
    target: PlanCommentTarget = 'activity',
    targetId = 'a-1',
  ): Promise<HTMLElement> {
    TestBed.configureTestingModule({
      imports: [PlanComments],
      providers: [
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
        provideRouter([]),
        provideTranslateService(),
      ],
    });
    TestBed.inject(TranslateService).setTranslation('fr', {
      comments: {
        anonymous: 'Anonyme',
        answerBy: '{{institution}}',
        form: { counter: '{{count}} / {{max}}' },
      },
    });
    TestBed.inject(LocaleService).use('fr');
    http = TestBed.inject(HttpTestingController);
    if (who) {
      const loading = TestBed.inject(SessionService).load();
      http.expectOne('/api/v1/auth/session').flush(sessionFor(who.role, who.institution));
      await loading;
    }
    fixture = TestBed.createComponent(PlanComments);
    fixture.componentRef.setInput('target', target);
    fixture.componentRef.setInput('targetId', targetId);
    fixture.detectChanges();
    TestBed.tick();
    return fixture.nativeElement as HTMLElement;
  }

  async function settle(): Promise<void> {
    await fixture.whenStable();
    fixture.detectChanges();
  }

  function listRequest(target = 'activities', id = 'a-1'): TestRequest {
    return http.expectOne((r) => r.method === 'GET' && r.url === `/api/v1/${target}/${id}/comments`);
  }

  function type(el: HTMLElement, selector: string, value: string): void {
    const input = el.querySelector(selector) as HTMLInputElement | HTMLTextAreaElement;
    expect(input).not.toBeNull();
    input.value = value;
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new Event('blur'));
  }

  function submit(el: HTMLElement): void {
    (el.querySelector('[data-comment-submit]') as HTMLButtonElement).click();
  }

  afterEach(() => http.verify());

  it('shows the published comments: the name or "Anonymous", the date, and the official answer set apart', async () => {
    const el = await render();
    const req = listRequest();
    expect(req.request.params.get('page')).toBe('1');
    req.flush(
      commentPage([
        planComment({
          id: 'c-1',
          name: null,
          answer: {
            body: 'Les données seront publiées en mars.',
            institution: MEF,
            answeredAt: '2026-11-04T10:00:00.000Z',
          },
        }),
        planComment({ id: 'c-2', name: 'Youssef', body: 'Merci pour ce suivi.' }),
      ]),
    );
    await settle();
    const section = el.querySelector('[data-comments]') as HTMLElement;
    const comments = section.querySelectorAll('[data-comment]');
    expect([...comments].map((c) => c.getAttribute('data-comment-id'))).toEqual(['c-1', 'c-2']);
    expect(comments[0].id).toBe('comment-c-1');
    expect(comments[0].querySelector('.plan-comment__author')?.textContent).toContain('Anonyme');
    expect(comments[0].querySelector('time')?.getAttribute('datetime')).toBe('2026-11-03T10:00:00.000Z');
    const answer = comments[0].querySelector('[data-comment-answer]') as HTMLElement;
    expect(answer.textContent).toContain('comments.official');
    expect(answer.textContent).toContain('Ministère');
    expect(answer.textContent).toContain('Les données seront publiées en mars.');
    expect(comments[1].querySelector('.plan-comment__author')?.textContent).toContain('Youssef');
    expect(comments[1].querySelector('[data-comment-answer]')).toBeNull();
    // The public has nothing to answer with.
    expect(el.querySelector('[data-comment-answer-start]')).toBeNull();
  });

  it('says when nothing is published yet, and reads a measure’s comments from its own address', async () => {
    const el = await render(null, 'measure', 'm-6');
    listRequest('measures', 'm-6').flush(commentPage([]));
    await settle();
    expect(el.querySelector('[data-comments-empty]')?.textContent).toContain('comments.empty');
  });

  it('hides the honeypot from people, counts the characters and sends the comment, then says it waits for moderation', async () => {
    const el = await render();
    listRequest().flush(commentPage([]));
    await settle();
    const trap = el.querySelector('input[name="website"]') as HTMLInputElement;
    expect(trap.getAttribute('tabindex')).toBe('-1');
    expect(trap.getAttribute('autocomplete')).toBe('off');
    expect(trap.closest('[aria-hidden="true"]')).not.toBeNull();
    expect(el.querySelector('[data-comment-body]')?.getAttribute('maxlength')).toBe('2000');
    expect(el.querySelector('[data-comment-name]')?.getAttribute('maxlength')).toBe('80');
    expect(el.querySelector('[data-comment-form] [type="email"]')).toBeNull();

    type(el, '[data-comment-body]', '  Quelle date pour la publication ?  ');
    type(el, '[data-comment-name]', '   ');
    await settle();
    expect(el.querySelector('[data-comment-counter]')?.textContent?.trim()).toMatch(/^37 \/ 2\D?000$/);
    submit(el);
    await settle();
    const req = http.expectOne({ method: 'POST', url: '/api/v1/activities/a-1/comments' });
    expect(req.request.body).toEqual({ body: 'Quelle date pour la publication ?', name: null, website: '' });
    req.flush({ id: 'c-9', status: 'pending' }, { status: 202, statusText: 'Accepted' });
    await settle();
    expect(el.querySelector('[data-comment-sent]')?.textContent).toContain('comments.form.sent');
    expect(el.querySelector('[data-comment-form]')).toBeNull();
    // Not published yet: the list is not asked again.
    http.expectNone((r) => r.method === 'GET');

    (el.querySelector('[data-comment-again]') as HTMLButtonElement).click();
    await settle();
    expect((el.querySelector('[data-comment-body]') as HTMLTextAreaElement).value).toBe('');
  });

  it('sends the name when one is given, and nothing while the text is blank or too short', async () => {
    const el = await render();
    listRequest().flush(commentPage([]));
    await settle();
    type(el, '[data-comment-body]', '     ');
    submit(el);
    await settle();
    http.expectNone({ method: 'POST' });
    expect(el.querySelector('[data-comment-form]')?.textContent).toContain('validation.required');
    type(el, '[data-comment-body]', ' ab ');
    submit(el);
    await settle();
    http.expectNone({ method: 'POST' });
    expect(el.querySelector('[data-comment-form]')?.textContent).toContain('validation.minlength');

    type(el, '[data-comment-body]', 'Une vraie question ?');
    type(el, '[data-comment-name]', ' Salma ');
    submit(el);
    await settle();
    const req = http.expectOne({ method: 'POST', url: '/api/v1/activities/a-1/comments' });
    expect(req.request.body.name).toBe('Salma');
    req.flush({ id: 'c-10', status: 'pending' }, { status: 202, statusText: 'Accepted' });
    await settle();
  });

  it('explains a refusal for too many comments (429) and keeps what was typed', async () => {
    const el = await render();
    listRequest().flush(commentPage([]));
    await settle();
    type(el, '[data-comment-body]', 'Encore une question ?');
    submit(el);
    await settle();
    http
      .expectOne({ method: 'POST', url: '/api/v1/activities/a-1/comments' })
      .flush(
        { statusCode: 429, code: 'TOO_MANY_REQUESTS', message: 'Trop de requêtes' },
        { status: 429, statusText: 'Too Many Requests' },
      );
    await settle();
    expect(el.querySelector('[data-comment-alert]')?.textContent).toContain('comments.form.tooMany');
    expect((el.querySelector('[data-comment-body]') as HTMLTextAreaElement).value).toBe('Encore une question ?');
    expect(el.querySelector('[data-comment-sent]')).toBeNull();
  });

  it('puts the API’s rule messages (400) next to the fields they concern', async () => {
    const el = await render();
    listRequest().flush(commentPage([]));
    await settle();
    type(el, '[data-comment-body]', 'Une question ?');
    submit(el);
    await settle();
    http.expectOne({ method: 'POST', url: '/api/v1/activities/a-1/comments' }).flush(
      {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: 'Invalide',
        fields: [{ field: 'body', rule: 'minLength', message: 'Le texte doit compter au moins 3 caractères' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();
    const form = el.querySelector('[data-comment-form]') as HTMLElement;
    expect(form.querySelector('[data-comment-alert]')?.textContent).toContain('errors.VALIDATION_FAILED');
    expect(form.textContent).toContain('Le texte doit compter au moins 3 caractères');
  });

  it('lets the lead administration’s officer answer officially, on the version read', async () => {
    const el = await render({ role: 'OFFICER', institution: 'MEF' });
    listRequest().flush(commentPage([planComment({ id: 'c-1', version: 2 })]));
    await settle();
    (el.querySelector('[data-comment-answer-start]') as HTMLButtonElement).click();
    await settle();
    const form = el.querySelector('[data-comment-answer-form]') as HTMLElement;
    expect(form).not.toBeNull();
    type(el, '[data-comment-answer-body]', '  En mars, au format CSV.  ');
    (form.querySelector('[data-comment-answer-submit]') as HTMLButtonElement).click();
    await settle();
    const req = http.expectOne({ method: 'POST', url: '/api/v1/comments/c-1/answer' });
    expect(req.request.body).toEqual({ body: 'En mars, au format CSV.', version: 2 });
    req.flush(
      planComment({
        id: 'c-1',
        version: 3,
        answer: { body: 'En mars, au format CSV.', institution: MEF, answeredAt: '2026-11-05T10:00:00.000Z' },
      }),
    );
    await settle();
    expect(el.querySelector('[data-comment-answer-form]')).toBeNull();
    expect(el.querySelector('[data-comment-answer]')?.textContent).toContain('En mars, au format CSV.');
    expect(el.querySelector('[data-comment-answer-start]')?.textContent).toContain('comments.answer.edit');
  });

  it('reloads the comments when someone changed one meanwhile (409), keeping the answer typed', async () => {
    const el = await render({ role: 'COORDINATOR', institution: null });
    listRequest().flush(commentPage([planComment({ id: 'c-1', version: 2 })]));
    await settle();
    (el.querySelector('[data-comment-answer-start]') as HTMLButtonElement).click();
    await settle();
    type(el, '[data-comment-answer-body]', 'Réponse de l’ADD.');
    (el.querySelector('[data-comment-answer-submit]') as HTMLButtonElement).click();
    await settle();
    http
      .expectOne({ method: 'POST', url: '/api/v1/comments/c-1/answer' })
      .flush(
        { statusCode: 409, code: 'VERSION_CONFLICT', message: 'Conflit', fields: [] },
        { status: 409, statusText: 'Conflict' },
      );
    TestBed.tick();
    listRequest().flush(commentPage([planComment({ id: 'c-1', version: 3 })]));
    await settle();
    expect(el.querySelector('[data-comment-answer-alert]')?.textContent).toContain('errors.VERSION_CONFLICT');
    expect((el.querySelector('[data-comment-answer-body]') as HTMLTextAreaElement).value).toBe('Réponse de l’ADD.');
  });

  it('offers no answer to another administration’s officer nor to the committee', async () => {
    const el = await render({ role: 'OFFICER', institution: 'HCP' });
    listRequest().flush(commentPage([planComment()]));
    await settle();
    expect(el.querySelector('[data-comment]')).not.toBeNull();
    expect(el.querySelector('[data-comment-answer-start]')).toBeNull();
  });
});
