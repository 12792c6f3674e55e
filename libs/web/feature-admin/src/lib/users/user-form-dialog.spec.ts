import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import type { FormGroup } from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialog, MatDialogRef } from '@angular/material/dialog';
import type { UserView } from '@marsad/contracts';
import { apiErrorInterceptor, LocaleService } from '@marsad/web/data-access';
import { provideTranslateService } from '@ngx-translate/core';
import { UserFormDialog, type UserFormDialogData } from './user-form-dialog';

const MEF = {
  code: 'MEF',
  name: {
    ar: 'وزارة الاقتصاد والمالية',
    fr: "Ministère de l'Économie et des Finances",
    en: 'Ministry of Economy and Finance',
  },
  type: 'ministry' as const,
};
const created: UserView = {
  id: 'u-9',
  email: 'rod2@mef.gov.ma',
  displayName: 'Nadia Alaoui',
  role: 'OFFICER',
  institution: MEF,
  preferredLocale: 'ar',
  active: true,
  lastSignInAt: null,
  createdAt: '2026-01-05T10:00:00Z',
  version: 1,
};

// The mat-selects are set through the form: opening overlays adds nothing to what is tested here.
function formOf(fixture: ComponentFixture<UserFormDialog>): FormGroup {
  return (fixture.componentInstance as unknown as { form: FormGroup }).form;
}

describe('UserFormDialog: creating an account', () => {
  let fixture: ComponentFixture<UserFormDialog>;
  let http: HttpTestingController;
  let close: jest.Mock;
  let el: HTMLElement;

  async function setup(data: UserFormDialogData): Promise<void> {
    close = jest.fn();
    TestBed.configureTestingModule({
      imports: [UserFormDialog],
      providers: [
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
        provideTranslateService(),
        { provide: MAT_DIALOG_DATA, useValue: data },
        { provide: MatDialogRef, useValue: { close } },
        { provide: MatDialog, useValue: { open: jest.fn() } },
      ],
    });
    TestBed.inject(LocaleService).use('fr');
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(UserFormDialog);
    fixture.detectChanges();
    http.expectOne('/api/v1/institutions').flush({ items: [MEF], total: 1 });
    await fixture.whenStable();
    el = fixture.nativeElement as HTMLElement;
  }

  function fill(name: string, value: string): void {
    const input = el.querySelector(`input[formcontrolname="${name}"]`) as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  async function submit(): Promise<void> {
    el.querySelector('form')?.dispatchEvent(new Event('submit'));
    fixture.detectChanges();
    await fixture.whenStable();
  }

  afterEach(() => http.verify());

  it('requires an institution for an officer before sending', async () => {
    await setup({ mode: 'create' });
    fill('email', 'rod2@mef.gov.ma');
    fill('displayName', 'Nadia Alaoui');
    await submit();
    http.expectNone({ method: 'POST', url: '/api/v1/users' });
    expect(el.querySelector('mat-select[formcontrolname="institutionCode"]')?.getAttribute('aria-invalid')).toBe(
      'true',
    );
  });

  it('creates the account, then shows its reset link once, with a copy button and how to hand it over', async () => {
    await setup({ mode: 'create' });
    fill('email', ' rod2@mef.gov.ma ');
    fill('displayName', 'Nadia Alaoui');
    const form = formOf(fixture);
    form.controls['institutionCode'].setValue('MEF');
    form.controls['preferredLocale'].setValue('ar');
    await submit();

    const request = http.expectOne({ method: 'POST', url: '/api/v1/users' });
    expect(request.request.body).toEqual({
      email: 'rod2@mef.gov.ma',
      displayName: 'Nadia Alaoui',
      role: 'OFFICER',
      institutionCode: 'MEF',
      preferredLocale: 'ar',
    });
    request.flush(
      {
        user: created,
        resetLink: { url: 'http://localhost/ar/reset-password?token=abc123', expiresAt: '2026-01-07T10:00:00Z' },
        invitationEmailed: false,
      },
      { status: 201, statusText: 'Created' },
    );
    fixture.detectChanges();
    await fixture.whenStable();
    // Without an e-mail server, the administrator hands the link over.
    expect(el.querySelector('[data-invitation="not-emailed"]')?.textContent).toContain('users.created.notEmailed');

    const link = el.querySelector('#reset-link-url') as HTMLInputElement;
    expect(link.value).toBe('http://localhost/ar/reset-password?token=abc123');
    expect(link.readOnly).toBe(true);
    expect(el.textContent).toContain('users.link.handOver');
    expect(el.textContent).toContain('users.link.onlyOnce');
    expect(el.querySelector('form')).toBeNull();

    const writeText = jest.fn(() => Promise.resolve());
    Object.assign(navigator, { clipboard: { writeText } });
    const copy = [...el.querySelectorAll('button')].find((b) =>
      b.textContent?.includes('users.link.copy'),
    ) as HTMLButtonElement;
    copy.click();
    await fixture.whenStable();
    fixture.detectChanges();
    expect(writeText).toHaveBeenCalledWith('http://localhost/ar/reset-password?token=abc123');
    expect(el.querySelector('[role="status"]')?.textContent).toContain('users.link.copied');

    const done = [...el.querySelectorAll('button')].find((b) =>
      b.textContent?.includes('users.link.done'),
    ) as HTMLButtonElement;
    done.click();
    expect(close).toHaveBeenCalledWith(created);
  });

  it('says the invitation went by e-mail when the server sent it, and still shows the link', async () => {
    await setup({ mode: 'create' });
    fill('email', 'rod2@mef.gov.ma');
    fill('displayName', 'Nadia Alaoui');
    formOf(fixture).controls['institutionCode'].setValue('MEF');
    await submit();
    http.expectOne({ method: 'POST', url: '/api/v1/users' }).flush(
      {
        user: created,
        resetLink: { url: 'http://localhost/ar/reset-password?token=abc123', expiresAt: '2026-01-07T10:00:00Z' },
        invitationEmailed: true,
      },
      { status: 201, statusText: 'Created' },
    );
    fixture.detectChanges();
    await fixture.whenStable();
    expect(el.querySelector('[data-invitation="emailed"]')?.textContent).toContain('users.created.emailed');
    expect(el.querySelector('[data-invitation="not-emailed"]')).toBeNull();
    expect((el.querySelector('#reset-link-url') as HTMLInputElement).value).toContain('token=abc123');
  });

  it('sends no institution for a plan-wide role', async () => {
    await setup({ mode: 'create' });
    fill('email', 'comite2@hcp.ma');
    fill('displayName', 'Membre du comité');
    const form = formOf(fixture);
    form.controls['institutionCode'].setValue('MEF');
    form.controls['role'].setValue('COMMITTEE');
    await submit();
    const request = http.expectOne({ method: 'POST', url: '/api/v1/users' });
    expect(request.request.body).toEqual(expect.objectContaining({ role: 'COMMITTEE', institutionCode: null }));
    request.flush(
      {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: 'x',
        fields: [{ field: 'email', rule: 'unique', message: 'Adresse déjà utilisée' }],
        requestId: 'r',
      },
      { status: 400, statusText: 'Bad Request' },
    );
    fixture.detectChanges();
    await fixture.whenStable();
    expect(el.querySelector('mat-error')?.textContent).toContain('Adresse déjà utilisée');
    expect(el.querySelector('#reset-link-url')).toBeNull();
  });
});
