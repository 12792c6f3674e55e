import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { FeedbackFormView } from '@marsad/contracts';
import { apiErrorInterceptor, LocaleService } from '@marsad/web/data-access';
import { provideTranslateService, TranslateService } from '@ngx-translate/core';
import { addDays, todayInMorocco } from '../events/feedback-window';
import { feedbackRequest, FeedbackPage } from './feedback.page';

const TOKEN = 'e-1.aXYZ.sig';
const today = todayInMorocco();

function formView(overrides: Partial<FeedbackFormView> = {}): FeedbackFormView {
  return {
    event: {
      id: 'e-1',
      type: 'training',
      title: { fr: 'Formation des ROD à la publication', ar: 'تكوين مسؤولي المعطيات المفتوحة في النشر' },
      startsOn: addDays(today, -2),
      endsOn: addDays(today, -1),
      status: 'held',
    },
    used: false,
    open: true,
    closesOn: addDays(today, 59),
    ...overrides,
  };
}

describe('FeedbackPage', () => {
  let fixture: ComponentFixture<FeedbackPage>;
  let http: HttpTestingController;
  let el: HTMLElement;

  async function render(answer: FeedbackFormView | { status: number; code: string }, lang = 'fr'): Promise<void> {
    TestBed.configureTestingModule({
      imports: [FeedbackPage],
      providers: [
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
        provideRouter([]),
        provideTranslateService(),
      ],
    });
    TestBed.inject(TranslateService).setTranslation('fr', {
      feedbackForm: { counter: '{{count}} / {{max}} caractères' },
    });
    TestBed.inject(LocaleService).use(lang as 'fr');
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(FeedbackPage);
    el = fixture.nativeElement as HTMLElement;
    fixture.componentRef.setInput('token', TOKEN);
    fixture.detectChanges();
    TestBed.tick();
    const req = http.expectOne({ method: 'GET', url: `/api/v1/feedback/${TOKEN}` });
    if ('status' in answer)
      req.flush(
        { statusCode: answer.status, code: answer.code, message: 'x', fields: [] },
        { status: answer.status, statusText: 'Error' },
      );
    else req.flush(answer);
    await settle();
  }

  async function settle(): Promise<void> {
    await fixture.whenStable();
    fixture.detectChanges();
  }

  function pick(question: string, value: number): void {
    (el.querySelector(`[data-feedback-rating="${question}"] input[data-value="${value}"]`) as HTMLInputElement).click();
    fixture.detectChanges();
  }

  afterEach(() => http.verify());

  it('shows the event and three 1–5 questions as labelled radio groups, the overall one required', async () => {
    await render(formView());
    expect(el.querySelector('h1')?.textContent).toContain('Formation des ROD à la publication');
    const groups = el.querySelectorAll('fieldset[data-feedback-rating]');
    expect(Array.from(groups).map((g) => g.getAttribute('data-feedback-rating'))).toEqual([
      'overall',
      'content',
      'organisation',
    ]);
    for (const g of Array.from(groups)) {
      expect(g.querySelector('legend')).not.toBeNull();
      const radios = g.querySelectorAll<HTMLInputElement>('input[type="radio"]');
      expect(radios).toHaveLength(5);
      // Each radio is named by its label: "1 – very poor" … "5 – excellent".
      expect(radios[0].closest('label')?.textContent).toContain('feedbackForm.scale.veryPoor');
      expect(radios[4].closest('label')?.textContent).toContain('feedbackForm.scale.excellent');
    }
    expect(groups[0].querySelector('input')?.required).toBe(true);
    expect(groups[1].querySelector('input')?.required).toBe(false);
  });

  it('asks for the overall rating before sending anything', async () => {
    await render(formView());
    (el.querySelector('[data-feedback-submit]') as HTMLButtonElement).click();
    await settle();
    http.expectNone(`/api/v1/feedback/${TOKEN}`);
    expect(el.querySelector('[data-feedback-rating="overall"] [role="alert"]')?.textContent).toContain(
      'feedbackForm.overallRequired',
    );
    expect(document.activeElement).toBe(el.querySelector('[data-feedback-rating="overall"] input'));
  });

  it('sends the ratings given and the comment, then thanks', async () => {
    await render(formView());
    pick('overall', 4);
    pick('organisation', 2);
    const comment = el.querySelector('[data-feedback-comment]') as HTMLTextAreaElement;
    comment.value = '  Très utile.  ';
    comment.dispatchEvent(new Event('input'));
    fixture.detectChanges();
    expect(el.querySelector('[data-feedback-counter]')?.textContent?.trim()).toMatch(/^15 \/ 2\D?000 caractères$/);
    (el.querySelector('[data-feedback-submit]') as HTMLButtonElement).click();
    const req = http.expectOne({ method: 'POST', url: `/api/v1/feedback/${TOKEN}` });
    expect(req.request.body).toEqual({ overall: 4, organisation: 2, comment: 'Très utile.' });
    req.flush(null, { status: 201, statusText: 'Created' });
    await settle();
    expect(el.querySelector('[data-feedback-thanks]')).not.toBeNull();
    expect(el.querySelector('[data-feedback-form]')).toBeNull();
    expect(el.querySelector('[data-feedback-thanks] a')?.getAttribute('href')).toBe('/fr/events/e-1');
  });

  it('says a used link was used, whether the form or the answer tells', async () => {
    await render(formView({ used: true }));
    expect(el.querySelector('[data-feedback-used]')).not.toBeNull();
    expect(el.querySelector('[data-feedback-form]')).toBeNull();

    TestBed.resetTestingModule();
    await render(formView());
    pick('overall', 5);
    (el.querySelector('[data-feedback-submit]') as HTMLButtonElement).click();
    http
      .expectOne({ method: 'POST', url: `/api/v1/feedback/${TOKEN}` })
      .flush(
        { statusCode: 409, code: 'FEEDBACK_LINK_USED', message: 'x', fields: [] },
        { status: 409, statusText: 'Conflict' },
      );
    await settle();
    expect(el.querySelector('[data-feedback-used]')).not.toBeNull();
  });

  it('says when feedback is closed, and why', async () => {
    await render(formView({ open: false, event: { ...formView().event, status: 'cancelled' } }));
    expect(el.querySelector('[data-feedback-closed]')?.getAttribute('data-reason')).toBe('cancelled');

    TestBed.resetTestingModule();
    await render(formView({ open: false, closesOn: addDays(today, -3) }));
    expect(el.querySelector('[data-feedback-closed]')?.getAttribute('data-reason')).toBe('ended');
    expect(el.querySelector('[data-feedback-closed]')?.textContent).toContain('feedbackForm.closedEnded');

    TestBed.resetTestingModule();
    await render(formView());
    pick('overall', 3);
    (el.querySelector('[data-feedback-submit]') as HTMLButtonElement).click();
    http
      .expectOne({ method: 'POST', url: `/api/v1/feedback/${TOKEN}` })
      .flush(
        { statusCode: 409, code: 'FEEDBACK_CLOSED', message: 'x', fields: [] },
        { status: 409, statusText: 'Conflict' },
      );
    await settle();
    expect(el.querySelector('[data-feedback-closed]')).not.toBeNull();
  });

  it('explains a link that does not work', async () => {
    await render({ status: 404, code: 'NOT_FOUND' });
    expect(el.querySelector('[data-feedback-invalid]')?.textContent).toContain('feedbackForm.invalidTitle');
    expect(el.querySelector('[data-feedback-form]')).toBeNull();
  });

  it('leaves out the questions not answered and an empty comment', () => {
    expect(feedbackRequest({ overall: null, content: 3, organisation: null }, 'x')).toBeNull();
    expect(feedbackRequest({ overall: 5, content: null, organisation: null }, '   ')).toEqual({ overall: 5 });
  });
});
