import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { EmailState, OutboxEntryView, OutboxSummary } from '@marsad/contracts';
import { apiErrorInterceptor, LocaleService } from '@marsad/web/data-access';
import { provideTranslateService } from '@ngx-translate/core';
import { of } from 'rxjs';
import { OutboxPage, outboxQuery } from './outbox.page';

const COUNTS: Record<EmailState, number> = {
  pending: 4,
  sending: 0,
  sent: 12,
  failed: 1,
  digest: 2,
  digested: 5,
  off: 3,
  none: 0,
};

function entry(id: string, overrides: Partial<OutboxEntryView> = {}): OutboxEntryView {
  return {
    id,
    kind: 'report.returned',
    category: 'reports',
    recipient: { displayName: 'Nadia Alaoui', email: 'rod@mef.gov.ma', locale: 'fr' },
    state: 'pending',
    attempts: 0,
    nextAttemptAt: '2026-05-02T09:31:00Z',
    lastError: null,
    sentAt: null,
    createdAt: '2026-05-02T09:30:00Z',
    ...overrides,
  };
}

function summary(items: OutboxEntryView[], overrides: Partial<OutboxSummary> = {}): OutboxSummary {
  return { smtpConfigured: false, from: null, counts: COUNTS, items, total: items.length, ...overrides };
}

describe('outboxQuery', () => {
  it('keeps a listed state and a page, pages of 50', () => {
    expect(outboxQuery('failed', '2')).toEqual({ state: 'failed', page: 2, pageSize: 50 });
    expect(outboxQuery('digested', 'x')).toEqual({ page: 1, pageSize: 50 });
  });
});

describe('OutboxPage', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;
  let el: HTMLElement;
  let confirmAnswer = true;
  const dialog = { open: jest.fn(() => ({ afterClosed: () => of(confirmAnswer) })) };

  async function open(url: string): Promise<void> {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
        provideTranslateService(),
        provideRouter([{ path: ':lang/admin/outbox', component: OutboxPage }], withComponentInputBinding()),
        { provide: MatDialog, useValue: dialog },
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

  async function pending(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
    TestBed.tick();
  }

  function outboxRequest(state: string | null, page = 1) {
    const req = http.expectOne((r) => r.method === 'GET' && r.url === '/api/v1/notifications/outbox');
    expect(req.request.params.get('state')).toBe(state);
    expect(req.request.params.get('page')).toBe(String(page));
    expect(req.request.params.get('pageSize')).toBe('50');
    return req;
  }

  beforeEach(() => {
    confirmAnswer = true;
    dialog.open.mockClear();
  });
  afterEach(() => http.verify());

  it('says e-mails wait here when no SMTP server is configured, with the counts per state', async () => {
    await open('/fr/admin/outbox');
    outboxRequest(null).flush(summary([entry('e1'), entry('e2', { kind: 'digest.weekly', category: null })]));
    await settle();
    const banner = el.querySelector('.msd-outbox-smtp') as HTMLElement;
    expect(banner.dataset['smtp']).toBe('off');
    expect(banner.textContent).toContain('outbox.smtp.off');
    expect(el.querySelector('.msd-outbox-state[data-state="failed"]')?.textContent).toContain('1');
    expect(el.querySelector('.msd-outbox-state[data-state="sent"]')?.textContent).toContain('12');
    // What is counted but not listed: only the states that hold e-mails.
    expect(el.querySelector('[data-counted="digested"]')).not.toBeNull();
    expect(el.querySelector('[data-counted="none"]')).toBeNull();
    const rows = el.querySelectorAll('.msd-outbox-table tbody tr');
    expect(rows).toHaveLength(2);
    expect(rows[0].textContent).toContain('rod@mef.gov.ma');
    expect(rows[0].textContent).toContain('notifications.kindNames.reportReturned');
    expect(rows[1].textContent).toContain('notify.modes.weekly');
    // The table scrolls in its own box.
    expect(el.querySelector('.msd-table-scroll > .msd-outbox-table')).not.toBeNull();
    expect(el.querySelector('.msd-outbox-retry')).toBeNull();
  });

  it('names the sender when SMTP is configured, and filters by state through the address', async () => {
    await open('/fr/admin/outbox');
    outboxRequest(null).flush(summary([entry('e1')], { smtpConfigured: true, from: 'Marsad <marsad@add.gov.ma>' }));
    await settle();
    expect((el.querySelector('.msd-outbox-smtp') as HTMLElement).dataset['smtp']).toBe('on');
    expect(el.textContent).toContain('Marsad <marsad@add.gov.ma>');
    (el.querySelector('.msd-outbox-state[data-state="failed"]') as HTMLButtonElement).click();
    await pending();
    expect(TestBed.inject(Router).url).toBe('/fr/admin/outbox?state=failed');
    outboxRequest('failed').flush(summary([], { smtpConfigured: true }));
    await settle();
    expect(el.querySelector('.msd-outbox-state[data-state="failed"]')?.getAttribute('aria-pressed')).toBe('true');
    expect(el.querySelector('msd-empty-state')?.textContent).toContain('outbox.emptyFiltered');
  });

  it('sends a failed e-mail again only after a confirmation', async () => {
    await open('/fr/admin/outbox?state=failed');
    const failed = entry('e9', { state: 'failed', attempts: 8, lastError: '550 mailbox unavailable' });
    outboxRequest('failed').flush(summary([failed]));
    await settle();
    expect(el.textContent).toContain('550 mailbox unavailable');

    confirmAnswer = false;
    (el.querySelector('.msd-outbox-retry') as HTMLButtonElement).click();
    await settle();
    expect(dialog.open).toHaveBeenCalledTimes(1);
    http.expectNone('/api/v1/notifications/outbox/e9/retry');

    confirmAnswer = true;
    (el.querySelector('.msd-outbox-retry') as HTMLButtonElement).click();
    await pending();
    http
      .expectOne({ method: 'POST', url: '/api/v1/notifications/outbox/e9/retry' })
      .flush({ id: 'e9', state: 'pending' });
    await pending();
    outboxRequest('failed').flush(summary([]));
    await settle();
    expect(document.body.textContent).toContain('outbox.retry.done');
  });

  it('refreshes and explains when the e-mail was no longer failed', async () => {
    await open('/fr/admin/outbox');
    outboxRequest(null).flush(summary([entry('e9', { state: 'failed' })]));
    await settle();
    (el.querySelector('.msd-outbox-retry') as HTMLButtonElement).click();
    await pending();
    http
      .expectOne('/api/v1/notifications/outbox/e9/retry')
      .flush(
        { statusCode: 409, code: 'EMAIL_STATE_CONFLICT', message: 'x', fields: [] },
        { status: 409, statusText: 'Conflict' },
      );
    await pending();
    outboxRequest(null).flush(summary([entry('e9', { state: 'pending' })]));
    await settle();
    expect(el.querySelector('[role="alert"]')?.textContent).toContain('errors.EMAIL_STATE_CONFLICT');
  });
});
