import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { FormGroup } from '@angular/forms';
import { MatDialog } from '@angular/material/dialog';
import { apiErrorInterceptor, LocaleService } from '@marsad/web/data-access';
import { provideTranslateService } from '@ngx-translate/core';
import { AppointmentForm, mapAppointmentFields } from './appointment-form';

describe('AppointmentForm', () => {
  async function setup() {
    TestBed.configureTestingModule({
      imports: [AppointmentForm],
      providers: [
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
        provideTranslateService(),
        { provide: MatDialog, useValue: { open: jest.fn() } },
      ],
    });
    TestBed.inject(LocaleService).use('fr');
    const fixture = TestBed.createComponent(AppointmentForm);
    fixture.componentRef.setInput('institutionCode', 'MEF');
    fixture.detectChanges();
    await fixture.whenStable();
    const form = (fixture.componentInstance as unknown as { form: FormGroup }).form;
    return { fixture, form, http: TestBed.inject(HttpTestingController) };
  }

  it('puts the API’s oneActiveRod refusal on the status control and offers interim', async () => {
    const { fixture, form, http } = await setup();
    form.patchValue({
      role: 'ROD',
      status: 'active',
      fullName: { fr: 'Nadia Alaoui' },
      email: 'n.alaoui@mef.gov.ma',
      appointedOn: '2026-01-10',
    });
    fixture.componentInstance.submit();
    const req = http.expectOne({ method: 'POST', url: '/api/v1/institutions/MEF/officers' });
    expect(req.request.body).toMatchObject({
      role: 'ROD',
      status: 'active',
      email: 'n.alaoui@mef.gov.ma',
      fullName: { fr: 'Nadia Alaoui' },
    });
    req.flush(
      {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: 'Invalid',
        fields: [{ field: 'status', rule: 'oneActiveRod', message: 'Un ROD est déjà en fonction.' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    fixture.detectChanges();
    await fixture.whenStable();
    expect(form.get('status')?.errors).toEqual({ server: 'Un ROD est déjà en fonction.' });
    expect(form.get('email')?.errors).toBeNull();
    const el = fixture.nativeElement as HTMLElement;
    expect(el.textContent).toContain('officers.form.useInterim');
    http.verify();
  });

  it('after an appointment, offers an empty form that shows no errors yet', async () => {
    const { fixture, form, http } = await setup();
    const saved = jest.fn();
    fixture.componentInstance.saved.subscribe(saved);
    form.patchValue({ fullName: { fr: 'Nadia Alaoui' }, email: 'n.alaoui@mef.gov.ma' });
    (fixture.nativeElement as HTMLElement).querySelector('form')?.dispatchEvent(new Event('submit'));
    http
      .expectOne({ method: 'POST', url: '/api/v1/institutions/MEF/officers' })
      .flush({ id: 'a1', version: 1, role: 'ROD', status: 'active' });
    fixture.detectChanges();
    await fixture.whenStable();
    expect(saved).toHaveBeenCalledTimes(1);
    expect(form.get('email')?.value).toBe('');
    expect((fixture.nativeElement as HTMLElement).querySelectorAll('mat-error msd-field-error *').length).toBe(0);
    expect((fixture.nativeElement as HTMLElement).querySelector('.mat-form-field-invalid')).toBeNull();
  });

  it('does not send without a name or a valid email', async () => {
    const { fixture, form, http } = await setup();
    form.patchValue({ email: 'not-an-email' });
    fixture.componentInstance.submit();
    http.expectNone('/api/v1/institutions/MEF/officers');
    expect(form.get('fullName')?.hasError('someName')).toBe(true);
    expect(form.get('email')?.hasError('email')).toBe(true);
  });

  it('maps the name group error onto the Arabic name', () => {
    expect(mapAppointmentFields([{ field: 'fullName', rule: 'hasSomeName', message: 'x' }])[0].field).toBe(
      'fullName.ar',
    );
  });
});
