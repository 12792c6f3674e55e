import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { CSRF_HEADER, csrfInterceptor } from '../auth/csrf.interceptor';
import { SessionService } from '../auth/session.service';
import { sessionFor } from '../auth/testing';
import { BACKGROUND_REQUEST } from '../auth/unauthenticated.interceptor';
import { apiErrorInterceptor } from './api-error.interceptor';
import { ApiError } from './api-error';
import { NotificationsApi } from './notifications-api.service';

describe('NotificationsApi', () => {
  let http: HttpTestingController;
  let api: NotificationsApi;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([csrfInterceptor, apiErrorInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    api = TestBed.inject(NotificationsApi);
    const loading = TestBed.inject(SessionService).load();
    http.expectOne('/api/v1/auth/session').flush(sessionFor('ADMIN'));
    await loading;
  });
  afterEach(() => http.verify());

  it('reads the inbox under /api/v1/notifications, with paging and the unread filter only when set', () => {
    api.inbox({ page: 2, pageSize: 20, unread: true }).subscribe();
    const filtered = http.expectOne((r) => r.url === '/api/v1/notifications');
    expect(filtered.request.method).toBe('GET');
    expect(filtered.request.params.get('page')).toBe('2');
    expect(filtered.request.params.get('pageSize')).toBe('20');
    expect(filtered.request.params.get('unread')).toBe('true');
    filtered.flush({ items: [], total: 0, unread: 0 });

    api.inbox().subscribe();
    const all = http.expectOne((r) => r.url === '/api/v1/notifications');
    expect(all.request.params.keys()).toEqual([]);
    all.flush({ items: [], total: 0, unread: 0 });
  });

  it('asks the unread count in the background, and the preferences, the outbox and an unsubscribe link', () => {
    api.unreadCount().subscribe();
    const count = http.expectOne('/api/v1/notifications/unread-count');
    expect(count.request.context.get(BACKGROUND_REQUEST)).toBe(true);
    count.flush({ unread: 3 });

    api.preferences().subscribe();
    http.expectOne({ method: 'GET', url: '/api/v1/notifications/preferences' }).flush([]);

    api.outbox({ state: 'failed', page: 3, pageSize: 50 }).subscribe();
    const outbox = http.expectOne((r) => r.url === '/api/v1/notifications/outbox');
    expect(outbox.request.params.get('state')).toBe('failed');
    expect(outbox.request.params.get('page')).toBe('3');
    expect(outbox.request.params.get('pageSize')).toBe('50');
    outbox.flush({});

    api.unsubscribeView('a+b/c').subscribe();
    const view = http.expectOne((r) => r.url === '/api/v1/notifications/unsubscribe');
    expect(view.request.method).toBe('GET');
    expect(view.request.params.get('token')).toBe('a+b/c');
    expect(view.request.urlWithParams).toBe('/api/v1/notifications/unsubscribe?token=a%2Bb/c');
    view.flush({});
  });

  it('writes with the right verb, body and the CSRF token', () => {
    api.markRead('n 1').subscribe();
    api.markAllRead().subscribe();
    api.updatePreferences({ preferences: [{ category: 'reports', mode: 'daily' }] }).subscribe();
    api.unsubscribe('tok').subscribe();
    api.retry('e1').subscribe();
    const expected: [string, string, unknown][] = [
      ['POST', '/api/v1/notifications/n%201/read', null],
      ['POST', '/api/v1/notifications/read-all', null],
      ['PUT', '/api/v1/notifications/preferences', { preferences: [{ category: 'reports', mode: 'daily' }] }],
      ['POST', '/api/v1/notifications/unsubscribe', null],
      ['POST', '/api/v1/notifications/outbox/e1/retry', null],
    ];
    for (const [method, url, body] of expected) {
      const req = http.expectOne((r) => r.method === method && r.url === url);
      expect(req.request.body).toEqual(body);
      expect(req.request.headers.get(CSRF_HEADER)).toBe('csrf-1');
      if (url.endsWith('unsubscribe')) expect(req.request.params.get('token')).toBe('tok');
      req.flush({});
    }
  });

  it('tells the bell when messages were marked read', () => {
    const changes = jest.fn();
    api.changes.subscribe(changes);
    api.markRead('n1').subscribe();
    http.expectOne('/api/v1/notifications/n1/read').flush({ id: 'n1' });
    api.markAllRead().subscribe();
    http.expectOne('/api/v1/notifications/read-all').flush({ updated: 4 });
    expect(changes).toHaveBeenCalledTimes(2);
  });

  it('turns a 409 EMAIL_STATE_CONFLICT into an ApiError with its message key', async () => {
    const result = firstValueFrom(api.retry('e1'));
    http
      .expectOne('/api/v1/notifications/outbox/e1/retry')
      .flush(
        { statusCode: 409, code: 'EMAIL_STATE_CONFLICT', message: 'Déjà renvoyé', fields: [] },
        { status: 409, statusText: 'Conflict' },
      );
    await expect(result).rejects.toBeInstanceOf(ApiError);
    await expect(result).rejects.toMatchObject({
      code: 'EMAIL_STATE_CONFLICT',
      messageKey: 'errors.EMAIL_STATE_CONFLICT',
    });
  });
});
