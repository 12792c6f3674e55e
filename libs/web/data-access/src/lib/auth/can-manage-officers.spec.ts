import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { SessionView } from '@marsad/contracts';
import { SessionService } from './session.service';
import { sessionFor, SIGNED_OUT_SESSION } from './testing';

describe('SessionService.canManageOfficersOf (measures 3 and 5)', () => {
  async function as(session: SessionView): Promise<SessionService> {
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    const service = TestBed.inject(SessionService);
    const loading = service.load();
    TestBed.inject(HttpTestingController).expectOne('/api/v1/auth/session').flush(session);
    await loading;
    return service;
  }

  it('lets a coordinator manage every administration', async () => {
    const s = await as(sessionFor('COORDINATOR'));
    expect(s.canManageOfficersOf('MEF')).toBe(true);
    expect(s.canManageOfficersOf('04.141.01.01')).toBe(true);
  });

  it('lets an officer manage their own administration only', async () => {
    const s = await as(sessionFor('OFFICER', 'MEF'));
    expect(s.canManageOfficersOf('MEF')).toBe(true);
    expect(s.canManageOfficersOf('HCP')).toBe(false);
  });

  it('refuses roles without officer:manage, and signed-out readers', async () => {
    expect((await as(sessionFor('DATA_MANAGER', 'MEF'))).canManageOfficersOf('MEF')).toBe(false);
    expect((await as(sessionFor('COMMITTEE'))).canManageOfficersOf('MEF')).toBe(false);
    expect((await as(sessionFor('ADMIN'))).canManageOfficersOf('MEF')).toBe(false);
    expect((await as(SIGNED_OUT_SESSION)).canManageOfficersOf('MEF')).toBe(false);
  });
});

describe('SessionService.canManageInventoryOf (measure 6)', () => {
  async function as(session: SessionView): Promise<SessionService> {
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    const service = TestBed.inject(SessionService);
    const loading = service.load();
    TestBed.inject(HttpTestingController).expectOne('/api/v1/auth/session').flush(session);
    await loading;
    return service;
  }

  it('lets a coordinator keep every inventory, officers and data managers their own only', async () => {
    expect((await as(sessionFor('COORDINATOR'))).canManageInventoryOf('HCP')).toBe(true);
    const officer = await as(sessionFor('OFFICER', 'MEF'));
    expect(officer.canManageInventoryOf('MEF')).toBe(true);
    expect(officer.canManageInventoryOf('HCP')).toBe(false);
    const manager = await as(sessionFor('DATA_MANAGER', 'MEF'));
    expect(manager.canManageInventoryOf('MEF')).toBe(true);
    expect(manager.canManageInventoryOf('HCP')).toBe(false);
  });

  it('refuses the committee, admins and signed-out readers', async () => {
    expect((await as(sessionFor('COMMITTEE'))).canManageInventoryOf('MEF')).toBe(false);
    expect((await as(sessionFor('ADMIN'))).canManageInventoryOf('MEF')).toBe(false);
    expect((await as(SIGNED_OUT_SESSION)).canManageInventoryOf('MEF')).toBe(false);
  });
});
