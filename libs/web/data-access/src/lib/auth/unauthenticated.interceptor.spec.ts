import { HttpClient, HttpContext, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { TranslateService } from '@ngx-translate/core';
import { firstValueFrom, of } from 'rxjs';
import { SessionService } from './session.service';
import { sessionFor } from './testing';
import { BACKGROUND_REQUEST, unauthenticatedInterceptor } from './unauthenticated.interceptor';

@Component({ template: '' })
class StubPage {}

const UNAUTHENTICATED = { statusCode: 401, code: 'UNAUTHENTICATED', message: 'Sign in', fields: [], requestId: 'r' };

describe('unauthenticatedInterceptor', () => {
  let http: HttpTestingController;
  let client: HttpClient;
  let router: Router;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([unauthenticatedInterceptor])),
        provideHttpClientTesting(),
        provideRouter([{ path: '**', component: StubPage }]),
        { provide: TranslateService, useValue: { use: () => of({}) } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    client = TestBed.inject(HttpClient);
    router = TestBed.inject(Router);
    const loading = TestBed.inject(SessionService).load();
    http.expectOne('/api/v1/auth/session').flush(sessionFor('COORDINATOR'));
    await loading;
    await router.navigateByUrl('/ar/activities/a-1?tab=history');
  });
  afterEach(() => http.verify());

  it('sends the person to sign-in in the page’s language, with the page to come back to', async () => {
    const result = firstValueFrom(client.patch('/api/v1/activities/a-1', {}));
    http.expectOne({ method: 'PATCH' }).flush(UNAUTHENTICATED, { status: 401, statusText: 'Unauthorized' });
    await expect(result).rejects.toMatchObject({ status: 401 });
    await new Promise((resolve) => setTimeout(resolve));
    expect(router.url).toBe(`/ar/sign-in?returnUrl=${encodeURIComponent('/ar/activities/a-1?tab=history')}`);
    expect(TestBed.inject(SessionService).signedIn()).toBe(false);
  });

  it('leaves a failed sign-in to the sign-in page', async () => {
    const result = firstValueFrom(client.post('/api/v1/auth/sign-in', {}));
    http.expectOne('/api/v1/auth/sign-in').flush(UNAUTHENTICATED, { status: 401, statusText: 'Unauthorized' });
    await expect(result).rejects.toMatchObject({ status: 401 });
    await new Promise((resolve) => setTimeout(resolve));
    expect(router.url).toBe('/ar/activities/a-1?tab=history');
  });

  it('signs out without leaving the page when a background request finds the session expired', async () => {
    const context = new HttpContext().set(BACKGROUND_REQUEST, true);
    const result = firstValueFrom(client.get('/api/v1/notifications/unread-count', { context }));
    http
      .expectOne('/api/v1/notifications/unread-count')
      .flush(UNAUTHENTICATED, { status: 401, statusText: 'Unauthorized' });
    await expect(result).rejects.toMatchObject({ status: 401 });
    await new Promise((resolve) => setTimeout(resolve));
    expect(router.url).toBe('/ar/activities/a-1?tab=history');
    expect(TestBed.inject(SessionService).signedIn()).toBe(false);
  });

  it('ignores other 401s and other errors', async () => {
    const wrongPassword = firstValueFrom(client.post('/api/v1/auth/password', {}));
    http
      .expectOne('/api/v1/auth/password')
      .flush({ ...UNAUTHENTICATED, code: 'INVALID_CREDENTIALS' }, { status: 401, statusText: 'Unauthorized' });
    await expect(wrongPassword).rejects.toMatchObject({ status: 401 });
    const forbidden = firstValueFrom(client.get('/api/v1/users'));
    http
      .expectOne('/api/v1/users')
      .flush({ ...UNAUTHENTICATED, statusCode: 403, code: 'FORBIDDEN' }, { status: 403, statusText: 'Forbidden' });
    await expect(forbidden).rejects.toMatchObject({ status: 403 });
    await new Promise((resolve) => setTimeout(resolve));
    expect(router.url).toBe('/ar/activities/a-1?tab=history');
    expect(TestBed.inject(SessionService).signedIn()).toBe(true);
  });
});
