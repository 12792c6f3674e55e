import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { AwardEditionSummary, Role, SessionView } from '@marsad/contracts';
import { apiErrorInterceptor, LocaleService, SessionService } from '@marsad/web/data-access';
import { provideTranslateService } from '@ngx-translate/core';
import { session } from '../testing/event-fixtures';
import { answerWhenAsked, edition } from './award-fixtures';
import { AwardEditionsPage } from './editions.page';

const SIGNED_OUT: SessionView = { user: null, csrfToken: null, expiresAt: null };

describe('AwardEditionsPage', () => {
  let fixture: ComponentFixture<AwardEditionsPage>;
  let http: HttpTestingController;

  async function render(role: Role | null, items: AwardEditionSummary[]): Promise<HTMLElement> {
    TestBed.configureTestingModule({
      imports: [AwardEditionsPage],
      providers: [
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
        provideRouter([]),
        provideTranslateService(),
      ],
    });
    TestBed.inject(LocaleService).use('fr');
    http = TestBed.inject(HttpTestingController);
    const loading = TestBed.inject(SessionService).load();
    http.expectOne('/api/v1/auth/session').flush(role ? session(role) : SIGNED_OUT);
    await loading;
    fixture = TestBed.createComponent(AwardEditionsPage);
    await answerWhenAsked(fixture, http, '/api/v1/award/editions', items);
    await fixture.whenStable();
    fixture.detectChanges();
    return fixture.nativeElement as HTMLElement;
  }

  afterEach(() => http.verify());

  it('lists the editions newest first with phase, deadline in Morocco time and eligible types', async () => {
    const el = await render(null, [
      edition({ id: 'ed-24', year: 2024, phase: 'published' }),
      edition({ id: 'ed-25', year: 2025 }),
    ]);
    const cards = [...el.querySelectorAll('[data-award-edition]')];
    expect(cards.map((c) => c.getAttribute('data-edition-id'))).toEqual(['ed-25', 'ed-24']);
    expect(cards[0].querySelector('[data-award-phase]')?.getAttribute('data-phase')).toBe('open');
    expect(cards[0].querySelector('[data-award-deadline]')?.textContent).toContain('23:59');
    expect(cards[0].textContent).toContain('institutionTypes.ministry');
    expect(cards[0].querySelector('a')?.getAttribute('href')).toBe('/fr/award/ed-25');
    expect(el.querySelector('[data-award-new]')).toBeNull();
  });

  it('explains an empty list, and offers coordinators to create the first edition', async () => {
    const el = await render('COORDINATOR', []);
    expect(el.querySelector('[data-award-empty]')?.textContent).toContain('award.emptyManage');
    expect(el.querySelector('[data-award-new]')?.getAttribute('href')).toBe('/fr/award/new');
  });
});
