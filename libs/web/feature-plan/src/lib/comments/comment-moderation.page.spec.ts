import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { provideRouter } from '@angular/router';
import { apiErrorInterceptor, LocaleService, SessionService } from '@marsad/web/data-access';
import { provideTranslateService } from '@ngx-translate/core';
import { of } from 'rxjs';
import { sessionFor } from '../testing/committee-fixtures';
import { commentPage, planComment } from './comment-fixtures';
import { pageFrom, statusFrom, trimmedMinLength } from './comment-rules';
import { CommentModerationPage } from './comment-moderation.page';
import { FormControl } from '@angular/forms';

describe('CommentModerationPage', () => {
  let fixture: ComponentFixture<CommentModerationPage>;
  let http: HttpTestingController;
  let confirmed = true;
  const dialog = { open: jest.fn(() => ({ afterClosed: () => of(confirmed) })) };
  const snackBar = { open: jest.fn() };

  async function render(query: Record<string, string> = {}): Promise<HTMLElement> {
    TestBed.configureTestingModule({
      imports: [CommentModerationPage],
      providers: [
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
        provideRouter([]),
        provideTranslateService(),
        { provide: MatDialog, useValue: dialog },
        { provide: MatSnackBar, useValue: snackBar },
      ],
    });
    TestBed.inject(LocaleService).use('fr');
    http = TestBed.inject(HttpTestingController);
    const loading = TestBed.inject(SessionService).load();
    http.expectOne('/api/v1/auth/session').flush(sessionFor('COORDINATOR'));
    await loading;
    fixture = TestBed.createComponent(CommentModerationPage);
    for (const [k, v] of Object.entries(query)) fixture.componentRef.setInput(k, v);
    fixture.detectChanges();
    TestBed.tick();
    return fixture.nativeElement as HTMLElement;
  }

  async function settle(): Promise<void> {
    await fixture.whenStable();
    fixture.detectChanges();
  }

  /** Runs what a reload starts, without waiting for the answer (whenStable would wait for it). */
  function tick(): void {
    TestBed.tick();
    fixture.detectChanges();
  }

  const queue = (): TestRequest => http.expectOne((r) => r.method === 'GET' && r.url === '/api/v1/comments');

  function click(el: HTMLElement, selector: string): void {
    const button = el.querySelector(selector) as HTMLElement;
    expect(button).not.toBeNull();
    button.click();
  }

  beforeEach(() => {
    confirmed = true;
    dialog.open.mockClear();
    snackBar.open.mockClear();
  });
  afterEach(() => http.verify());

  it('shows the pending comments first, with what they are about, and tabs for each status', async () => {
    const el = await render();
    const req = queue();
    expect(req.request.params.get('status')).toBe('pending');
    expect(req.request.params.get('page')).toBe('1');
    req.flush(
      commentPage([
        planComment({ id: 'c-1', status: 'pending', publishedAt: null, version: 1, name: null }),
        planComment({
          id: 'c-2',
          status: 'pending',
          publishedAt: null,
          version: 1,
          target: { ...planComment().target, type: 'measure', id: 'm-6', code: '6' },
        }),
      ]),
    );
    await settle();
    expect(el.querySelector('[data-comment-moderation]')).not.toBeNull();
    const tabs = [...el.querySelectorAll('[data-comment-tab]')];
    expect(tabs.map((t) => t.getAttribute('data-comment-tab'))).toEqual(['pending', 'published', 'rejected']);
    expect(tabs[0].classList).toContain('is-active');
    expect(tabs[0].getAttribute('aria-current')).toBe('page');
    const cards = el.querySelectorAll('[data-comment]');
    expect(cards).toHaveLength(2);
    expect(cards[0].querySelector('.plan-comment__target a')?.getAttribute('href')).toBe('/fr/activities/a-1');
    expect(cards[1].querySelector('.plan-comment__target a')?.getAttribute('href')).toBe('/fr/measures/m-6');
    expect(cards[0].querySelector('.plan-comment__author')?.textContent).toContain('comments.anonymous');
    expect(cards[0].querySelector('[data-comment-publish]')).not.toBeNull();
    expect(cards[0].querySelector('[data-comment-reject]')).not.toBeNull();
  });

  it('publishes a comment on the version read, then reads the queue again', async () => {
    const el = await render();
    queue().flush(commentPage([planComment({ id: 'c-1', status: 'pending', publishedAt: null, version: 4 })]));
    await settle();
    click(el, '[data-comment-publish]');
    await settle();
    const req = http.expectOne({ method: 'PATCH', url: '/api/v1/comments/c-1' });
    expect(req.request.body).toEqual({ version: 4, status: 'published' });
    req.flush(planComment({ id: 'c-1', version: 5 }));
    tick();
    expect(snackBar.open).toHaveBeenCalledWith('comments.moderation.published', undefined, { duration: 5000 });
    queue().flush(commentPage([]));
    await settle();
    expect(el.querySelector('msd-empty-state')).not.toBeNull();
  });

  it('asks a reason, then a confirmation, before rejecting', async () => {
    const el = await render();
    queue().flush(commentPage([planComment({ id: 'c-1', status: 'pending', publishedAt: null, version: 1 })]));
    await settle();
    click(el, '[data-comment-reject]');
    await settle();
    // No reason: nothing asked, nothing sent.
    click(el, '[data-comment-reject-confirm]');
    await settle();
    expect(dialog.open).not.toHaveBeenCalled();
    expect(el.querySelector('[data-comment-error]')?.textContent).toContain('comments.moderation.reasonRequired');

    const reason = el.querySelector('[data-comment-reject-reason]') as HTMLTextAreaElement;
    reason.value = '  Propos injurieux.  ';
    reason.dispatchEvent(new Event('input'));
    await settle();
    // Changed their mind in the dialog: nothing sent.
    confirmed = false;
    click(el, '[data-comment-reject-confirm]');
    await settle();
    expect(dialog.open).toHaveBeenCalledTimes(1);
    http.expectNone({ method: 'PATCH' });

    confirmed = true;
    click(el, '[data-comment-reject-confirm]');
    await settle();
    const req = http.expectOne({ method: 'PATCH', url: '/api/v1/comments/c-1' });
    expect(req.request.body).toEqual({ version: 1, status: 'rejected', rejectReason: 'Propos injurieux.' });
    req.flush(planComment({ id: 'c-1', status: 'rejected', rejectReason: 'Propos injurieux.', version: 2 }));
    tick();
    queue().flush(commentPage([]));
    await settle();
    expect(el.querySelector('[data-comment-reject-form]')).toBeNull();
  });

  it('reads the queue again when someone else moderated the comment meanwhile (409)', async () => {
    const el = await render({ status: 'published' });
    const first = queue();
    expect(first.request.params.get('status')).toBe('published');
    first.flush(commentPage([planComment({ id: 'c-1', version: 2 })]));
    await settle();
    // A published comment can only be rejected; it is linked on its page.
    expect(el.querySelector('[data-comment-publish]')).toBeNull();
    click(el, '[data-comment-reject]');
    await settle();
    const reason = el.querySelector('[data-comment-reject-reason]') as HTMLTextAreaElement;
    reason.value = 'Hors sujet';
    reason.dispatchEvent(new Event('input'));
    click(el, '[data-comment-reject-confirm]');
    await settle();
    http
      .expectOne({ method: 'PATCH', url: '/api/v1/comments/c-1' })
      .flush(
        { statusCode: 409, code: 'VERSION_CONFLICT', message: 'Conflit', fields: [] },
        { status: 409, statusText: 'Conflict' },
      );
    tick();
    queue().flush(commentPage([]));
    await settle();
    expect(el.querySelector('[data-comment-notice]')?.textContent).toContain('comments.moderation.conflict');
  });

  it('shows a rejected comment’s reason', async () => {
    const el = await render({ status: 'rejected', page: '2' });
    const req = queue();
    expect(req.request.params.get('page')).toBe('2');
    req.flush({
      ...commentPage([planComment({ id: 'c-1', status: 'rejected', rejectReason: 'Spam' })], 2),
      total: 21,
    });
    await settle();
    expect(el.querySelector('[data-comment-reason]')?.textContent).toContain('comments.moderation.reasonShown');
    expect(el.querySelector('[data-comment-reject]')).toBeNull();
    expect(el.querySelector('[data-comment-publish]')).not.toBeNull();
  });
});

describe('comment rules', () => {
  it('reads the tab and the page from the address', () => {
    expect(statusFrom(undefined)).toBe('pending');
    expect(statusFrom('rejected')).toBe('rejected');
    expect(statusFrom('bogus')).toBe('pending');
    expect(pageFrom('3')).toBe(3);
    expect(pageFrom('0')).toBe(1);
    expect(pageFrom('x')).toBe(1);
  });

  it('counts the text once trimmed', () => {
    const validator = trimmedMinLength(3);
    expect(validator(new FormControl('   '))).toEqual({ required: true });
    expect(validator(new FormControl(' ab '))).toEqual({ minlength: { requiredLength: 3, actualLength: 2 } });
    expect(validator(new FormControl(' abc '))).toBeNull();
  });
});
