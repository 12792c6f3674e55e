import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { UnsubscribeView } from '@marsad/contracts';
import { apiErrorInterceptor, LocaleService } from '@marsad/web/data-access';
import { provideTranslateService } from '@ngx-translate/core';
import { UnsubscribePage } from './unsubscribe.page';

const VIEW: UnsubscribeView = { category: 'reports', mode: 'immediate', email: 'r***@mef.gov.ma' };
const INVALID = {
  statusCode: 400,
  code: 'VALIDATION_FAILED',
  message: 'Données invalides',
  fields: [{ field: 'token', rule: 'unsubscribeToken', message: 'Lien invalide' }],
};

describe('UnsubscribePage', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;
  let el: HTMLElement;

  async function open(url: string): Promise<void> {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
        provideTranslateService(),
        provideRouter([{ path: ':lang/unsubscribe', component: UnsubscribePage }], withComponentInputBinding()),
      ],
    });
    TestBed.inject(LocaleService).use('fr');
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url);
    el = harness.routeNativeElement as HTMLElement;
  }

  async function settle(): Promise<void> {
    await harness.fixture.whenStable();
    harness.detectChanges();
  }

  function viewRequest(token: string) {
    const req = http.expectOne((r) => r.method === 'GET' && r.url === '/api/v1/notifications/unsubscribe');
    expect(req.request.params.get('token')).toBe(token);
    return req;
  }

  afterEach(() => http.verify());

  it('shows the masked address and the category, then stops those e-mails with the link’s token', async () => {
    await open('/fr/unsubscribe?token=abc.def');
    viewRequest('abc.def').flush(VIEW);
    await settle();
    expect(el.querySelector('[data-unsubscribe-email]')?.textContent).toContain('r***@mef.gov.ma');
    expect(el.querySelector('[data-unsubscribe-category]')?.textContent).toContain('notify.categories.reports');

    (el.querySelector('button.msd-unsubscribe') as HTMLButtonElement).click();
    const post = http.expectOne((r) => r.method === 'POST' && r.url === '/api/v1/notifications/unsubscribe');
    expect(post.request.params.get('token')).toBe('abc.def');
    expect(post.request.body).toBeNull();
    post.flush({ ...VIEW, mode: 'off' });
    await settle();

    expect(el.querySelector('[data-unsubscribe-done]')?.textContent).toContain('notifications.unsubscribe.done');
    expect(el.textContent).toContain('notifications.unsubscribe.othersUnaffected');
    expect(el.querySelector('[data-unsubscribe-preferences]')?.getAttribute('href')).toBe(
      '/fr/notifications/preferences',
    );
    expect(el.querySelector('button.msd-unsubscribe')).toBeNull();
  });

  it('says so clearly when the link is not valid', async () => {
    await open('/fr/unsubscribe?token=forged');
    viewRequest('forged').flush(INVALID, { status: 400, statusText: 'Bad Request' });
    await settle();
    expect(el.querySelector('[data-unsubscribe-invalid]')?.textContent).toContain('notifications.unsubscribe.invalid');
    expect(el.querySelector('button.msd-unsubscribe')).toBeNull();
  });

  it('asks nothing without a token', async () => {
    await open('/fr/unsubscribe');
    http.expectNone((r) => r.url.startsWith('/api/v1/notifications'));
    expect(el.querySelector('[data-unsubscribe-invalid]')).not.toBeNull();
  });

  it('offers no button when those e-mails are already stopped', async () => {
    await open('/fr/unsubscribe?token=abc');
    viewRequest('abc').flush({ ...VIEW, mode: 'off' });
    await settle();
    expect(el.querySelector('button.msd-unsubscribe')).toBeNull();
    expect(el.textContent).toContain('notifications.unsubscribe.alreadyOff');
  });
});
