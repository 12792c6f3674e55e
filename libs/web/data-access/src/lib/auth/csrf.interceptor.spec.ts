import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { CSRF_HEADER, csrfInterceptor } from './csrf.interceptor';
import { SessionService } from './session.service';
import { sessionFor, SIGNED_OUT_SESSION } from './testing';

describe('csrfInterceptor', () => {
  let http: HttpTestingController;
  let client: HttpClient;

  async function setup(session = sessionFor('COORDINATOR')): Promise<void> {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(withInterceptors([csrfInterceptor])), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    client = TestBed.inject(HttpClient);
    const loading = TestBed.inject(SessionService).load();
    http.expectOne('/api/v1/auth/session').flush(session);
    await loading;
  }
  afterEach(() => http.verify());

  it('adds the session token to POST, PATCH, PUT and DELETE on the API', async () => {
    await setup();
    client.post('/api/v1/activities/a/updates', {}).subscribe();
    client.patch('/api/v1/activities/a', {}).subscribe();
    client.put('/api/v1/x', {}).subscribe();
    client.delete('/api/v1/x').subscribe();
    for (const method of ['POST', 'PATCH', 'PUT', 'DELETE']) {
      const req = http.expectOne({ method });
      expect(req.request.headers.get(CSRF_HEADER)).toBe('csrf-1');
      req.flush({});
    }
  });

  it('leaves reads alone, and never sends the token to another site', async () => {
    await setup();
    client.get('/api/v1/plans').subscribe();
    client.post('https://elsewhere.example/api/hook', {}).subscribe();
    expect(http.expectOne('/api/v1/plans').request.headers.has(CSRF_HEADER)).toBe(false);
    expect(http.expectOne('https://elsewhere.example/api/hook').request.headers.has(CSRF_HEADER)).toBe(false);
  });

  it('sends no header while signed out', async () => {
    await setup(SIGNED_OUT_SESSION);
    client.post('/api/v1/auth/sign-in', {}).subscribe();
    expect(http.expectOne('/api/v1/auth/sign-in').request.headers.has(CSRF_HEADER)).toBe(false);
  });

  it('on CSRF_REJECTED reads the session once and retries with the new token', async () => {
    await setup();
    const result = firstValueFrom(client.patch('/api/v1/activities/a', { v: 1 }));
    http
      .expectOne({ method: 'PATCH' })
      .flush(
        { statusCode: 403, code: 'CSRF_REJECTED', message: 'no', fields: [], requestId: 'r' },
        { status: 403, statusText: 'Forbidden' },
      );
    http.expectOne('/api/v1/auth/session').flush(sessionFor('COORDINATOR', null, 'csrf-2'));
    const retry = http.expectOne({ method: 'PATCH' });
    expect(retry.request.headers.get(CSRF_HEADER)).toBe('csrf-2');
    retry.flush({ ok: true });
    await expect(result).resolves.toEqual({ ok: true });
  });

  it('does not retry a plain 403 FORBIDDEN', async () => {
    await setup();
    const result = firstValueFrom(client.post('/api/v1/activities/a/updates', {}));
    http
      .expectOne({ method: 'POST' })
      .flush(
        { statusCode: 403, code: 'FORBIDDEN', message: 'no', fields: [], requestId: 'r' },
        { status: 403, statusText: 'Forbidden' },
      );
    await expect(result).rejects.toMatchObject({ status: 403 });
    http.expectNone('/api/v1/auth/session');
  });
});
