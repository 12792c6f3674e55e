import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { ROLE_PERMISSIONS, type NotificationView, type SessionView } from '@marsad/contracts';
import { apiErrorInterceptor, LocaleService, SessionService } from '@marsad/web/data-access';
import { provideTranslateService, TranslateService } from '@ngx-translate/core';
import { NotificationBell } from './notification-bell';

@Component({ template: 'page' })
class StubPage {}

const COUNT = '/api/v1/notifications/unread-count';
const signedIn: SessionView = {
  user: {
    id: 'u1',
    email: 'rod@mef.gov.ma',
    displayName: 'Nadia Alaoui',
    role: 'OFFICER',
    institution: null,
    preferredLocale: 'fr',
    permissions: [...ROLE_PERMISSIONS.OFFICER],
  },
  csrfToken: 'csrf-1',
  expiresAt: '2030-01-01T00:00:00Z',
};

function message(id: string, overrides: Partial<NotificationView> = {}): NotificationView {
  return {
    id,
    kind: 'meeting.scheduled',
    category: 'meetings',
    params: { number: 4, startsAt: '2026-12-01T09:00:00.000Z', place: 'Rabat' },
    link: `/committee/meetings/${id}`,
    createdAt: new Date(Date.now() - 5 * 60_000).toISOString(),
    readAt: null,
    ...overrides,
  };
}

describe('NotificationBell', () => {
  let fixture: ComponentFixture<NotificationBell>;
  let http: HttpTestingController;
  let el: HTMLElement;

  async function setup(session: SessionView = signedIn): Promise<void> {
    TestBed.configureTestingModule({
      imports: [NotificationBell],
      providers: [
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
        provideRouter([{ path: '**', component: StubPage }]),
        provideTranslateService(),
      ],
    });
    TestBed.inject(TranslateService).setTranslation('fr', {
      notifications: { bell: { label: 'Notifications', labelUnread: 'Notifications : {{count}} non lu(s)' } },
      notify: { kinds: { 'meeting.scheduled': { title: 'Réunion n° {{number}} programmée' } } },
    });
    TestBed.inject(LocaleService).use('fr');
    http = TestBed.inject(HttpTestingController);
    const loading = TestBed.inject(SessionService).load();
    http.expectOne('/api/v1/auth/session').flush(session);
    await loading;
    fixture = TestBed.createComponent(NotificationBell);
    el = fixture.nativeElement as HTMLElement;
    await settle();
  }

  async function settle(): Promise<void> {
    fixture.detectChanges();
    // The first count waits for a timer of 0 ms.
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
    fixture.detectChanges();
  }

  /** Answers every count still asked (earlier ones may have been superseded). */
  function answerCount(unread: number): TestRequest[] {
    const requests = http.match(COUNT).filter((r) => !r.cancelled);
    requests.forEach((r) => r.flush({ unread }));
    fixture.detectChanges();
    return requests;
  }

  const bell = () => el.querySelector('button.msd-bell') as HTMLButtonElement;

  afterEach(() => http.verify({ ignoreCancelled: true }));

  it('shows nothing to someone signed out, and asks nothing', async () => {
    await setup({ user: null, csrfToken: null, expiresAt: null });
    expect(bell()).toBeNull();
    http.expectNone(COUNT);
  });

  it('shows the unread count on the bell, with a label that says it, and hides the badge at 0', async () => {
    await setup();
    expect(answerCount(3)).toHaveLength(1);
    expect(bell().textContent?.trim()).toBe('3');
    expect(bell().getAttribute('aria-label')).toBe('Notifications : 3 non lu(s)');
    expect(bell().classList).not.toContain('mat-badge-hidden');

    // Each navigation counts again.
    await TestBed.inject(Router).navigateByUrl('/fr/home');
    await settle();
    expect(answerCount(0)).toHaveLength(1);
    expect(bell().textContent?.trim()).toBe('');
    expect(bell().classList).toContain('mat-badge-hidden');
    expect(bell().getAttribute('aria-label')).toBe('Notifications');
  });

  it('caps a large count', async () => {
    await setup();
    answerCount(240);
    expect(bell().textContent?.trim()).toBe('99+');
  });

  it('lists the five latest messages, unread ones marked, with a link to the inbox', async () => {
    await setup();
    answerCount(1);
    bell().click();
    fixture.detectChanges();
    expect(bell().getAttribute('aria-expanded')).toBe('true');
    const latest = http.expectOne((r) => r.url === '/api/v1/notifications');
    expect(latest.request.params.get('page')).toBe('1');
    expect(latest.request.params.get('pageSize')).toBe('5');
    latest.flush({
      items: [message('m-1'), message('m-2', { readAt: '2026-01-01T00:00:00Z' })],
      total: 2,
      unread: 1,
    });
    await settle();
    const items = el.querySelectorAll<HTMLButtonElement>('.msd-bell-item');
    expect(items).toHaveLength(2);
    expect(items[0].textContent).toContain('Réunion n° 4 programmée');
    expect(items[0].classList).toContain('is-unread');
    expect(items[1].classList).not.toContain('is-unread');
    expect(el.querySelector('[data-bell-all]')?.getAttribute('href')).toBe('/fr/notifications');
  });

  it('marks a message read and opens its page; a message without a page is only marked read', async () => {
    await setup();
    answerCount(2);
    bell().click();
    fixture.detectChanges();
    http
      .expectOne((r) => r.url === '/api/v1/notifications')
      .flush({ items: [message('m-1'), message('m-2', { link: null })], total: 2, unread: 2 });
    await settle();

    (el.querySelector('[data-id="m-2"]') as HTMLButtonElement).click();
    const readOnly = http.expectOne({ method: 'POST', url: '/api/v1/notifications/m-2/read' });
    readOnly.flush(message('m-2', { link: null, readAt: '2026-05-01T10:00:00Z' }));
    await settle();
    expect(TestBed.inject(Router).url).toBe('/');
    expect(el.querySelector('[data-id="m-2"]')?.classList).not.toContain('is-unread');
    // Marking read counts again at once.
    answerCount(1);

    (el.querySelector('[data-id="m-1"]') as HTMLButtonElement).click();
    http
      .expectOne({ method: 'POST', url: '/api/v1/notifications/m-1/read' })
      .flush(message('m-1', { readAt: '2026-05-01T10:00:00Z' }));
    await settle();
    expect(TestBed.inject(Router).url).toBe('/fr/committee/meetings/m-1');
    expect(el.querySelector('.msd-bell-panel')).toBeNull();
    answerCount(0);
    expect(bell().textContent?.trim()).toBe('');
  });
});
