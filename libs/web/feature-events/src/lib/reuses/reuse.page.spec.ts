import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { provideRouter } from '@angular/router';
import type { ReuseView, Role, SessionView } from '@marsad/contracts';
import { apiErrorInterceptor, LocaleService, SessionService } from '@marsad/web/data-access';
import { provideTranslateService } from '@ngx-translate/core';
import { of } from 'rxjs';
import { session } from '../testing/event-fixtures';
import { reuseView, submittedReuse } from './reuse-fixtures';
import { ReusePage } from './reuse.page';

const SIGNED_OUT: SessionView = { user: null, csrfToken: null, expiresAt: null };

describe('ReusePage', () => {
  let fixture: ComponentFixture<ReusePage>;
  let http: HttpTestingController;
  let dialogAnswer: unknown = true;
  const dialog = { open: jest.fn(() => ({ afterClosed: () => of(dialogAnswer) })) };

  async function render(who: Role | null, reuse: ReuseView): Promise<HTMLElement> {
    TestBed.configureTestingModule({
      imports: [ReusePage],
      providers: [
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
        provideRouter([]),
        provideTranslateService(),
        { provide: MatDialog, useValue: dialog },
      ],
    });
    TestBed.inject(LocaleService).use('fr');
    http = TestBed.inject(HttpTestingController);
    const loading = TestBed.inject(SessionService).load();
    http.expectOne('/api/v1/auth/session').flush(who ? session(who) : SIGNED_OUT);
    await loading;
    fixture = TestBed.createComponent(ReusePage);
    fixture.componentRef.setInput('id', reuse.id);
    fixture.detectChanges();
    TestBed.tick();
    http.expectOne(`/api/v1/reuses/${reuse.id}`).flush(reuse);
    await settle();
    return fixture.nativeElement as HTMLElement;
  }

  async function settle(): Promise<void> {
    await fixture.whenStable();
    fixture.detectChanges();
  }

  /** Lets a moderation's promise end without waiting for requests it starts. */
  async function afterWrite(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
    fixture.detectChanges();
  }

  function type(el: HTMLElement, selector: string, value: string): void {
    const input = el.querySelector(selector) as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new Event('blur'));
  }

  beforeEach(() => {
    dialogAnswer = true;
    dialog.open.mockClear();
  });
  afterEach(() => http.verify());

  it('shows the public its facts, its datasets with their administration, and the hackathon it came from', async () => {
    const el = await render(null, reuseView());
    expect(el.querySelector('h1')?.textContent).toContain('Budget citoyen interactif');
    const out = el.querySelector('[data-reuse-link]') as HTMLAnchorElement;
    expect(out.getAttribute('rel')).toBe('noopener noreferrer');
    expect(out.getAttribute('target')).toBe('_blank');
    expect(el.querySelector('[data-reuse-hackathon]')?.getAttribute('href')).toBe('/fr/events/e-7');
    const dataset = el.querySelector('[data-dataset="ckan-1"]') as HTMLElement;
    expect(dataset.textContent).toContain('Loi de finances 2024');
    expect(dataset.querySelector('a')?.getAttribute('href')).toBe('/fr/metrics/MEF');
    expect(el.querySelector('[data-moderation]')).toBeNull();
    expect(el.querySelector('[data-reuse-contact]')).toBeNull();
  });

  it('shows coordinators the private facts and publishes after confirmation', async () => {
    const el = await render('COORDINATOR', submittedReuse());
    expect(el.querySelector('[data-reuse-contact]')?.textContent).toContain('etudiant@example.ma');
    expect(el.querySelector('[data-reuse-status]')?.getAttribute('data-reuse-status')).toBe('submitted');
    (el.querySelector('[data-publish-reuse]') as HTMLButtonElement).click();
    await settle();
    const patch = http.expectOne({ method: 'PATCH', url: '/api/v1/reuses/r-9' });
    expect(patch.request.body).toEqual({ version: 1, status: 'published' });
    patch.flush(submittedReuse({ status: 'published', publishedAt: '2026-03-02T10:00:00Z', version: 2 }));
    await afterWrite();
    expect(el.querySelector('[data-reuse-status]')).toBeNull();
    expect(el.querySelector('[data-publish-reuse]')).toBeNull();
    expect(el.querySelector('[data-reject-reuse]')?.textContent).toContain('reuses.moderation.withdraw');
  });

  it('shows the reuse as it is now when someone moderated it first (409)', async () => {
    const el = await render('COORDINATOR', submittedReuse());
    dialogAnswer = 'Hors sujet';
    (el.querySelector('[data-reject-reuse]') as HTMLButtonElement).click();
    await settle();
    const patch = http.expectOne({ method: 'PATCH', url: '/api/v1/reuses/r-9' });
    expect(patch.request.body).toEqual({ version: 1, status: 'rejected', rejectReason: 'Hors sujet' });
    patch.flush(
      { statusCode: 409, code: 'VERSION_CONFLICT', message: 'Conflit' },
      { status: 409, statusText: 'Conflict' },
    );
    await afterWrite();
    http
      .expectOne({ method: 'GET', url: '/api/v1/reuses/r-9' })
      .flush(submittedReuse({ status: 'published', version: 2 }));
    await settle();
    expect(el.querySelector('[data-moderation-notice]')?.textContent).toContain('reuses.reloaded');
    expect(el.querySelector('[data-publish-reuse]')).toBeNull();
  });

  it('lets a coordinator correct a reuse and, after a conflict, send the change again over the newer version', async () => {
    const el = await render('COORDINATOR', reuseView());
    (el.querySelector('[data-edit-reuse]') as HTMLButtonElement).click();
    await settle();
    expect(el.querySelector('[data-dataset-chip="ckan-1"]')).not.toBeNull();
    // No contact field and no honeypot when a coordinator edits.
    expect(el.querySelector('input[name="website"]')).toBeNull();
    type(el, '[formcontrolname="url"]', 'https://budget-citoyen.example.ma');
    (el.querySelector('[data-reuse-submit]') as HTMLButtonElement).click();
    await settle();
    const first = http.expectOne({ method: 'PATCH', url: '/api/v1/reuses/r-1' });
    expect(first.request.body).toEqual({
      version: 2,
      title: { fr: 'Budget citoyen interactif', ar: 'الميزانية المواطنة التفاعلية' },
      description: { fr: 'Une application qui explique le budget de l’État.' },
      reuserType: 'startup',
      url: 'https://budget-citoyen.example.ma',
      origin: 'hackathon',
      datasetIds: ['ckan-1'],
    });
    dialogAnswer = 'mine';
    first.flush(
      {
        statusCode: 409,
        code: 'VERSION_CONFLICT',
        message: 'Conflit',
        current: reuseView({ version: 3, title: { fr: 'Budget citoyen' } }),
      },
      { status: 409, statusText: 'Conflict' },
    );
    await settle();
    expect(dialog.open).toHaveBeenCalledTimes(1);
    const again = http.expectOne({ method: 'PATCH', url: '/api/v1/reuses/r-1' });
    expect(again.request.body.version).toBe(3);
    expect(again.request.body.url).toBe('https://budget-citoyen.example.ma');
    again.flush(reuseView({ version: 4, url: 'https://budget-citoyen.example.ma' }));
    await settle();
    expect(el.querySelector('[data-reuse-form]')).toBeNull();
    expect(el.textContent).toContain('https://budget-citoyen.example.ma');
  });
});
