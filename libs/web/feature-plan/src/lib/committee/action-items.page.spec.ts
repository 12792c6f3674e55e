import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { provideRouter } from '@angular/router';
import { apiErrorInterceptor, LocaleService, SessionService } from '@marsad/web/data-access';
import { provideTranslateService, TranslateService } from '@ngx-translate/core';
import { of } from 'rxjs';
import type { Role } from '@marsad/contracts';
import { actionItem, sessionFor } from '../testing/committee-fixtures';
import { ActionItemsPage } from './action-items.page';

describe('ActionItemsPage', () => {
  let fixture: ComponentFixture<ActionItemsPage>;
  let http: HttpTestingController;
  const dialog = { open: jest.fn(() => ({ afterClosed: () => of(true) })) };

  const items = [
    actionItem({ id: 'ai-1', reference: 'R2-D1-A1', dueOn: '2027-02-01' }),
    actionItem({ id: 'ai-2', reference: 'R1-D2-A1', overdue: true, daysOverdue: 45, dueOn: '2026-10-20', version: 3 }),
  ];

  async function render(role: Role, institution: 'MEF' | 'HCP' | null, query: Record<string, string> = {}) {
    TestBed.configureTestingModule({
      imports: [ActionItemsPage],
      providers: [
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
        provideRouter([]),
        provideTranslateService(),
        { provide: MatDialog, useValue: dialog },
      ],
    });
    TestBed.inject(TranslateService).setTranslation('fr', {
      committee: { lateBy: 'En retard de {{days}} jour(s)' },
    });
    TestBed.inject(LocaleService).use('fr');
    http = TestBed.inject(HttpTestingController);
    const loading = TestBed.inject(SessionService).load();
    http.expectOne('/api/v1/auth/session').flush(sessionFor(role, institution));
    await loading;
    fixture = TestBed.createComponent(ActionItemsPage);
    for (const [k, v] of Object.entries(query)) fixture.componentRef.setInput(k, v);
    fixture.detectChanges();
    TestBed.tick();
    return fixture.nativeElement as HTMLElement;
  }

  async function settle(): Promise<void> {
    await fixture.whenStable();
    fixture.detectChanges();
  }

  afterEach(() => http.verify());

  it('asks for the filters in the address and lists overdue items first, late in red with the days', async () => {
    const el = await render('COMMITTEE', null, { status: 'open', owner: 'MEF', overdue: 'true' });
    http.match('/api/v1/institutions').forEach((r) => r.flush({ items: [], total: 0 }));
    const req = http.expectOne((r) => r.url === '/api/v1/committee/action-items');
    expect(req.request.params.get('status')).toBe('open');
    expect(req.request.params.get('owner')).toBe('MEF');
    expect(req.request.params.get('overdue')).toBe('true');
    req.flush(items);
    await settle();
    const cards = el.querySelectorAll('[data-action-item]');
    expect([...cards].map((c) => c.getAttribute('data-action-item'))).toEqual(['R1-D2-A1', 'R2-D1-A1']);
    expect(cards[0].querySelector('[data-late]')?.textContent?.trim()).toBe('En retard de 45 jour(s)');
    expect(cards[1].querySelector('[data-late]')).toBeNull();
    // The committee reads: no buttons.
    expect(el.querySelector('[data-item-actions]')).toBeNull();
  });

  it("lets the owner's officer add a note, and close an item only with evidence", async () => {
    const el = await render('OFFICER', 'MEF');
    expect(el.querySelector('[data-filter-owner]')).toBeNull();
    http.expectOne((r) => r.url === '/api/v1/committee/action-items').flush(items);
    await settle();
    const card = el.querySelector('[data-action-item="R1-D2-A1"]') as HTMLElement;
    expect(card.querySelector('[data-move="drop"]')).toBeNull();

    const note = card.querySelector('[data-note]') as HTMLTextAreaElement;
    note.value = 'Données transmises à la DEPF';
    note.dispatchEvent(new Event('input'));
    await settle();
    (card.querySelector('[data-move="note"]') as HTMLButtonElement).click();
    const req = http.expectOne('/api/v1/committee/action-items/ai-2');
    expect(req.request.method).toBe('PATCH');
    expect(req.request.body).toEqual({ version: 3, note: 'Données transmises à la DEPF' });
    req.flush({
      ...items[1],
      version: 4,
      notes: [
        {
          id: 'n1',
          body: 'Données transmises à la DEPF',
          authorName: 'ROD',
          authorInstitution: null,
          status: null,
          createdAt: '2026-12-01T10:00:00Z',
        },
      ],
    });
    await settle();
    expect(card.textContent).toContain('Données transmises à la DEPF');

    (card.querySelector('[data-move="close"]') as HTMLButtonElement).click();
    await settle();
    (card.querySelector('[data-move="done"]') as HTMLButtonElement).click();
    await settle();
    http.expectNone('/api/v1/committee/action-items/ai-2');
    expect(card.querySelector('[role="alert"]')?.textContent).toContain('committee.items.evidenceRequired');
  });

  it('reloads the list and tells the officer when the item changed meanwhile (409)', async () => {
    const el = await render('OFFICER', 'MEF');
    http.expectOne((r) => r.url === '/api/v1/committee/action-items').flush(items);
    await settle();
    const card = el.querySelector('[data-action-item="R2-D1-A1"]') as HTMLElement;
    (card.querySelector('[data-move="start"]') as HTMLButtonElement).click();
    http
      .expectOne('/api/v1/committee/action-items/ai-1')
      .flush(
        { statusCode: 409, code: 'VERSION_CONFLICT', message: 'Modifiée', fields: [], current: items[0] },
        { status: 409, statusText: 'Conflict' },
      );
    // The reload is pending: waiting for the page to be stable would wait for it.
    await Promise.resolve();
    TestBed.tick();
    http.expectOne((r) => r.url === '/api/v1/committee/action-items').flush(items);
    await settle();
    expect(document.body.textContent).toContain('committee.items.conflict');
  });

  it('lets a coordinator drop an item after confirming', async () => {
    const el = await render('COORDINATOR', null);
    http.match('/api/v1/institutions').forEach((r) => r.flush({ items: [], total: 0 }));
    http.expectOne((r) => r.url === '/api/v1/committee/action-items').flush(items);
    await settle();
    const card = el.querySelector('[data-action-item="R2-D1-A1"]') as HTMLElement;
    (card.querySelector('[data-move="drop"]') as HTMLButtonElement).click();
    await settle();
    expect(dialog.open).toHaveBeenCalled();
    const req = http.expectOne('/api/v1/committee/action-items/ai-1');
    expect(req.request.body).toEqual({ version: 1, status: 'dropped' });
    req.flush({ ...items[0], status: 'dropped', version: 2 });
    await settle();
  });
});
