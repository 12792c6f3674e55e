import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { ROLE_PERMISSIONS, type SessionView } from '@marsad/contracts';
import { apiErrorInterceptor, LocaleService, SessionService } from '@marsad/web/data-access';
import { provideTranslateService } from '@ngx-translate/core';
import { SignInPage } from './sign-in.page';

@Component({ template: 'elsewhere' })
class StubPage {}

const signedIn: SessionView = {
  user: {
    id: 'u1',
    email: 'coordination@add.gov.ma',
    displayName: 'Coordination ADD',
    role: 'COORDINATOR',
    institution: null,
    preferredLocale: 'fr',
    permissions: [...ROLE_PERMISSIONS.COORDINATOR],
  },
  csrfToken: 'csrf-9',
  expiresAt: '2030-01-01T00:00:00Z',
};

describe('SignInPage', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;
  let el: HTMLElement;

  async function open(url: string): Promise<void> {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
        provideTranslateService(),
        provideRouter(
          [
            { path: ':lang/sign-in', component: SignInPage },
            { path: '**', component: StubPage },
          ],
          withComponentInputBinding(),
        ),
      ],
    });
    TestBed.inject(LocaleService).use('fr');
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url);
    el = harness.routeNativeElement as HTMLElement;
  }

  function fill(name: string, value: string): void {
    const input = el.querySelector(`input[formcontrolname="${name}"]`) as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  async function submit(): Promise<void> {
    el.querySelector('form')?.dispatchEvent(new Event('submit'));
    harness.detectChanges();
    await harness.fixture.whenStable();
  }

  afterEach(() => http.verify());

  it('is friendly to password managers: username and current-password autocomplete', async () => {
    await open('/fr/sign-in');
    expect(el.querySelector('input[type="email"]')?.getAttribute('autocomplete')).toBe('username');
    expect(el.querySelector('input[formcontrolname="password"]')?.getAttribute('autocomplete')).toBe(
      'current-password',
    );
  });

  it('checks the fields before sending anything', async () => {
    await open('/fr/sign-in');
    fill('email', 'not-an-email');
    await submit();
    http.expectNone('/api/v1/auth/sign-in');
    const errors = [...el.querySelectorAll('mat-error')].map((e) => e.textContent?.trim());
    expect(errors).toEqual(['validation.email', 'validation.required']);
  });

  it('shows the server’s message for wrong credentials and keeps both fields', async () => {
    await open('/fr/sign-in');
    fill('email', 'rod@hcp.ma');
    fill('password', 'wrong-password');
    await submit();
    http.expectOne({ method: 'POST', url: '/api/v1/auth/sign-in' }).flush(
      {
        statusCode: 401,
        code: 'INVALID_CREDENTIALS',
        message: 'Adresse e-mail ou mot de passe incorrect.',
        fields: [],
        requestId: 'r1',
      },
      { status: 401, statusText: 'Unauthorized' },
    );
    harness.detectChanges();
    await harness.fixture.whenStable();
    const alert = el.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('Adresse e-mail ou mot de passe incorrect.');
    expect((el.querySelector('input[formcontrolname="password"]') as HTMLInputElement).value).toBe('wrong-password');
    expect(el.querySelectorAll('mat-error').length).toBe(0);
    expect((el.querySelector('input[formcontrolname="email"]') as HTMLInputElement).value).toBe('rod@hcp.ma');
    expect(TestBed.inject(Router).url).toBe('/fr/sign-in');
  });

  it('shows when a locked account may try again (the server says when)', async () => {
    await open('/fr/sign-in');
    fill('email', 'rod@hcp.ma');
    fill('password', 'whatever-it-is');
    await submit();
    http.expectOne('/api/v1/auth/sign-in').flush(
      {
        statusCode: 429,
        code: 'ACCOUNT_LOCKED',
        message: 'Compte verrouillé. Réessayez dans 15 minutes.',
        fields: [],
        requestId: 'r2',
      },
      { status: 429, statusText: 'Too Many Requests' },
    );
    harness.detectChanges();
    await harness.fixture.whenStable();
    expect(el.querySelector('[role="alert"]')?.textContent).toContain('Réessayez dans 15 minutes.');
  });

  it('signs in and goes back to the returnUrl, but never to another site', async () => {
    await open('/fr/sign-in?returnUrl=%2Ffr%2Factivities%2Fa-1');
    fill('email', ' coordination@add.gov.ma ');
    fill('password', 'Marsad-Demo-2026');
    await submit();
    const request = http.expectOne('/api/v1/auth/sign-in');
    expect(request.request.body).toEqual({ email: 'coordination@add.gov.ma', password: 'Marsad-Demo-2026' });
    request.flush(signedIn);
    await harness.fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe('/fr/activities/a-1');
    expect(TestBed.inject(SessionService).csrfToken()).toBe('csrf-9');
  });

  it('ignores a returnUrl pointing off-site, and sends the person to their own home', async () => {
    await open('/fr/sign-in?returnUrl=%2F%2Fevil.example%2F');
    fill('email', 'coordination@add.gov.ma');
    fill('password', 'Marsad-Demo-2026');
    await submit();
    http.expectOne('/api/v1/auth/sign-in').flush(signedIn);
    await harness.fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe('/fr/home');
  });

  it('from the public overview, goes to the home of the role', async () => {
    await open('/fr/sign-in?returnUrl=%2Ffr');
    fill('email', 'coordination@add.gov.ma');
    fill('password', 'Marsad-Demo-2026');
    await submit();
    http.expectOne('/api/v1/auth/sign-in').flush(signedIn);
    await harness.fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe('/fr/home');
  });
});
