import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { NotificationPage, NotificationView } from '@marsad/contracts';
import { apiErrorInterceptor, LocaleService } from '@marsad/web/data-access';
import { provideTranslateService, TranslateService } from '@ngx-translate/core';
import { inboxQuery, NotificationsPage, withRead } from './notifications.page';

@Component({ template: 'elsewhere' })
class StubPage {}

function message(id: string, overrides: Partial<NotificationView> = {}): NotificationView {
  return {
    id,
    kind: 'report.returned',
    category: 'reports',
    params: {
      code: 'R1-M2-A3',
      title: { fr: 'Publier le budget', ar: 'نشر الميزانية' },
      by: 'Coordination ADD',
      comment: null,
    },
    link: '/activities/a-7',
    createdAt: '2026-05-02T09:30:00Z',
    readAt: null,
    ...overrides,
  };
}
const page = (items: NotificationView[], unread = items.filter((n) => !n.readAt).length): NotificationPage => ({
  items,
  total: items.length,
  unread,
});

describe('inboxQuery', () => {
  it('reads the filter and the page from the address', () => {
    expect(inboxQuery('unread', '3')).toEqual({ unread: true, page: 3 });
    expect(inboxQuery(undefined, 'x')).toEqual({ unread: false, page: 1 });
    expect(inboxQuery('all', '-2')).toEqual({ unread: false, page: 1 });
  });

  it('counts one unread less once a message is read', () => {
    const before = page([message('n1'), message('n2')]);
    const after = withRead(before, message('n1', { readAt: '2026-05-03T00:00:00Z' }));
    expect(after.unread).toBe(1);
    expect(after.items[0].readAt).toBe('2026-05-03T00:00:00Z');
    expect(withRead(after, message('n1', { readAt: '2026-05-03T00:00:00Z' })).unread).toBe(1);
  });
});

describe('NotificationsPage', () => {
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
            { path: ':lang/notifications', component: NotificationsPage },
            { path: '**', component: StubPage },
          ],
          withComponentInputBinding(),
        ),
      ],
    });
    TestBed.inject(TranslateService).setTranslation('fr', {
      notify: {
        kinds: {
          'report.returned': {
            title: 'Votre rapport sur {{code}} a été renvoyé',
            body: '{{by}} a renvoyé votre rapport « {{title}} ». Commentaire : {{comment}}',
          },
        },
      },
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

  function inboxRequest(unread: boolean, pageNumber = 1) {
    const req = http.expectOne((r) => r.method === 'GET' && r.url === '/api/v1/notifications');
    expect(req.request.params.get('page')).toBe(String(pageNumber));
    expect(req.request.params.get('pageSize')).toBe('20');
    expect(req.request.params.get('unread')).toBe(unread ? 'true' : null);
    return req;
  }

  afterEach(() => http.verify());

  it('lists the messages, rendered in the reader’s language, the unread ones marked', async () => {
    await open('/fr/notifications');
    inboxRequest(false).flush(page([message('n1'), message('n2', { readAt: '2026-05-02T10:00:00Z', link: null })]));
    await settle();
    const rows = el.querySelectorAll<HTMLElement>('.msd-notification');
    expect(rows).toHaveLength(2);
    expect(rows[0].tagName).toBe('A');
    expect(rows[0].getAttribute('href')).toBe('/fr/activities/a-7');
    expect(rows[0].classList).toContain('is-unread');
    expect(rows[0].textContent).toContain('Votre rapport sur R1-M2-A3 a été renvoyé');
    // Texts are picked in the reader's language; a missing value shows as a dash.
    expect(rows[0].textContent).toContain(
      'Coordination ADD a renvoyé votre rapport « Publier le budget ». Commentaire : —',
    );
    expect(rows[0].querySelector('[data-category="reports"]')?.textContent).toContain('notify.categories.reports');
    expect(rows[1].tagName).toBe('BUTTON');
    expect(rows[1].classList).not.toContain('is-unread');
  });

  it('marks a message read, then goes to its page', async () => {
    await open('/fr/notifications');
    inboxRequest(false).flush(page([message('n1')]));
    await settle();
    (el.querySelector('.msd-notification') as HTMLAnchorElement).click();
    const read = http.expectOne({ method: 'POST', url: '/api/v1/notifications/n1/read' });
    expect(TestBed.inject(Router).url).toBe('/fr/notifications');
    read.flush(message('n1', { readAt: '2026-05-03T08:00:00Z' }));
    await settle();
    expect(TestBed.inject(Router).url).toBe('/fr/activities/a-7');
  });

  it('marks a message without a page read where it is', async () => {
    await open('/fr/notifications');
    inboxRequest(false).flush(page([message('n1', { link: null })]));
    await settle();
    (el.querySelector('.msd-notification') as HTMLButtonElement).click();
    http
      .expectOne({ method: 'POST', url: '/api/v1/notifications/n1/read' })
      .flush(message('n1', { link: null, readAt: '2026-05-03T08:00:00Z' }));
    await settle();
    expect(TestBed.inject(Router).url).toBe('/fr/notifications');
    expect(el.querySelector('.msd-notification')?.classList).not.toContain('is-unread');
    expect((el.querySelector('.msd-mark-all-read') as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows only the unread ones through the address, and marks them all read', async () => {
    await open('/fr/notifications');
    inboxRequest(false).flush(page([message('n1'), message('n2')]));
    await settle();
    (el.querySelector('[data-filter="unread"]') as HTMLButtonElement).click();
    // The new list is pending: waiting for the page to be stable would wait for it.
    await new Promise((resolve) => setTimeout(resolve));
    TestBed.tick();
    expect(TestBed.inject(Router).url).toBe('/fr/notifications?filter=unread');
    inboxRequest(true).flush(page([message('n1'), message('n2')]));
    await settle();
    expect(el.querySelector('[data-filter="unread"]')?.getAttribute('aria-pressed')).toBe('true');

    (el.querySelector('.msd-mark-all-read') as HTMLButtonElement).click();
    http.expectOne({ method: 'POST', url: '/api/v1/notifications/read-all' }).flush({ updated: 2 });
    await Promise.resolve();
    TestBed.tick();
    inboxRequest(true).flush(page([], 0));
    await settle();
    expect(el.querySelector('msd-empty-state')?.textContent).toContain('notifications.emptyUnread');
  });

  it('explains what arrives here when the inbox is empty', async () => {
    await open('/fr/notifications?page=2');
    inboxRequest(false, 2).flush(page([]));
    await settle();
    const empty = el.querySelector('msd-empty-state');
    expect(empty?.textContent).toContain('notifications.empty');
    expect(empty?.textContent).toContain('notifications.emptyHint');
    expect(el.querySelector('[data-tab="preferences"]')?.getAttribute('href')).toBe('/fr/notifications/preferences');
  });
});
