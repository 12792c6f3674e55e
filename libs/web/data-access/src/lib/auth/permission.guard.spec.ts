import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { Permission, type SessionView } from '@marsad/contracts';
import { TranslateService } from '@ngx-translate/core';
import { of } from 'rxjs';
import { requirePermission, requireSession } from './permission.guard';
import { SessionService } from './session.service';
import { sessionFor, SIGNED_OUT_SESSION } from './testing';

@Component({ template: 'page' })
class StubPage {}

describe('requirePermission', () => {
  async function open(url: string, session: SessionView): Promise<string> {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([
          {
            path: ':lang',
            children: [
              { path: 'audit', canActivate: [requirePermission(Permission.AuditRead)], component: StubPage },
              { path: 'account/password', canActivate: [requireSession], component: StubPage },
              { path: '**', component: StubPage },
            ],
          },
        ]),
        { provide: TranslateService, useValue: { use: () => of({}) } },
      ],
    });
    const loading = TestBed.inject(SessionService).load();
    TestBed.inject(HttpTestingController).expectOne('/api/v1/auth/session').flush(session);
    await loading;
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url);
    return TestBed.inject(Router).url;
  }

  it('opens the page with the permission', async () => {
    expect(await open('/fr/audit?page=2', sessionFor('COMMITTEE'))).toBe('/fr/audit?page=2');
  });

  it('sends a signed-out person to sign-in, keeping language and the way back', async () => {
    expect(await open('/ar/audit?page=2', SIGNED_OUT_SESSION)).toBe(
      `/ar/sign-in?returnUrl=${encodeURIComponent('/ar/audit?page=2')}`,
    );
  });

  it('sends a signed-in person without it to the forbidden page, naming what is missing', async () => {
    expect(await open('/en/audit', sessionFor('OFFICER', 'MEF'))).toBe('/en/forbidden?need=audit:read');
  });

  it('requireSession only asks for a session', async () => {
    expect(await open('/fr/account/password', sessionFor('DATA_MANAGER', 'MEF'))).toBe('/fr/account/password');
  });
});
