import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import type { FormGroup } from '@angular/forms';
import { provideRouter } from '@angular/router';
import {
  NOTIFICATION_CATEGORIES,
  type NotificationCategory,
  type NotificationMode,
  type NotificationPreferenceView,
} from '@marsad/contracts';
import { apiErrorInterceptor, LocaleService } from '@marsad/web/data-access';
import { provideTranslateService } from '@ngx-translate/core';
import { NotificationPreferencesPage, preferenceChanges } from './preferences.page';

function preferences(
  modes: Partial<Record<NotificationCategory, NotificationMode>> = {},
): NotificationPreferenceView[] {
  return NOTIFICATION_CATEGORIES.map((category) => ({
    category,
    mode: category === 'account' ? 'immediate' : (modes[category] ?? 'immediate'),
    locked: category === 'account',
  }));
}

describe('preferenceChanges', () => {
  it('keeps only the categories changed, never a locked one', () => {
    expect(
      preferenceChanges(preferences({ rounds: 'weekly' }), {
        reports: 'daily',
        rounds: 'weekly',
        meetings: 'immediate',
        account: 'off',
      }),
    ).toEqual([{ category: 'reports', mode: 'daily' }]);
    expect(preferenceChanges(preferences(), {})).toEqual([]);
  });
});

describe('NotificationPreferencesPage', () => {
  let fixture: ComponentFixture<NotificationPreferencesPage>;
  let http: HttpTestingController;
  let el: HTMLElement;

  async function setup(): Promise<void> {
    TestBed.configureTestingModule({
      imports: [NotificationPreferencesPage],
      providers: [
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
        provideRouter([]),
        provideTranslateService(),
      ],
    });
    TestBed.inject(LocaleService).use('fr');
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(NotificationPreferencesPage);
    el = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    TestBed.tick();
    http
      .expectOne({ method: 'GET', url: '/api/v1/notifications/preferences' })
      .flush(preferences({ rounds: 'weekly' }));
    await settle();
  }

  async function settle(): Promise<void> {
    await fixture.whenStable();
    fixture.detectChanges();
  }

  const save = () => el.querySelector('.msd-preferences-save') as HTMLButtonElement;
  const select = (category: NotificationCategory) =>
    el.querySelector(`.msd-preference-select[data-category="${category}"]`) as HTMLElement;

  /** Opens a category's select and picks a mode, as a person does. */
  async function choose(category: NotificationCategory, label: string): Promise<void> {
    (select(category).querySelector('.mat-mdc-select-trigger') as HTMLElement).click();
    await settle();
    const panel = document.getElementById(select(category).getAttribute('aria-controls') ?? '');
    const option = [...(panel?.querySelectorAll<HTMLElement>('mat-option') ?? [])].find(
      (o) => o.textContent?.trim() === label,
    );
    option?.click();
    await settle();
  }

  afterEach(() => http.verify());

  it('shows every category with its mode, the security one locked, and says the inbox gets everything', async () => {
    await setup();
    expect(el.querySelectorAll('.msd-preference-select')).toHaveLength(NOTIFICATION_CATEGORIES.length);
    expect(select('rounds').textContent).toContain('notify.modes.weekly');
    expect(select('account').getAttribute('aria-disabled')).toBe('true');
    expect(el.querySelector('[data-category="account"] [data-locked]')?.textContent).toContain(
      'notifications.preferences.locked',
    );
    expect(el.textContent).toContain('notifications.preferences.inboxAlways');
    expect(save().disabled).toBe(true);
  });

  it('sends only the categories changed, then shows what the server holds', async () => {
    await setup();
    await choose('reports', 'notify.modes.daily');
    await choose('meetings', 'notify.modes.off');
    expect(save().disabled).toBe(false);
    save().click();
    await settle();
    const req = http.expectOne({ method: 'PUT', url: '/api/v1/notifications/preferences' });
    expect(req.request.body).toEqual({
      preferences: [
        { category: 'reports', mode: 'daily' },
        { category: 'meetings', mode: 'off' },
      ],
    });
    req.flush(preferences({ reports: 'daily', rounds: 'weekly', meetings: 'off' }));
    await settle();
    expect(save().disabled).toBe(true);
    expect(document.body.textContent).toContain('notifications.preferences.saved');
  });

  it('puts the server’s refusal on the category it concerns', async () => {
    await setup();
    const form = (fixture.componentInstance as unknown as { form: FormGroup }).form;
    form.controls['datasets'].setValue('weekly');
    await settle();
    save().click();
    const req = http.expectOne({ method: 'PUT', url: '/api/v1/notifications/preferences' });
    expect(req.request.body).toEqual({ preferences: [{ category: 'datasets', mode: 'weekly' }] });
    req.flush(
      {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: 'x',
        fields: [{ field: 'preferences.0.mode', rule: 'isIn', message: 'Mode inconnu' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();
    expect(el.querySelector('[data-category="datasets"] mat-error')?.textContent).toContain('Mode inconnu');
    expect(el.querySelector('[role="alert"]')?.textContent).toContain('errors.VALIDATION_FAILED');
  });
});
