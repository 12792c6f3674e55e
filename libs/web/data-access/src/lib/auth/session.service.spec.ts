import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Permission, type ActivitySummary, type Role } from '@marsad/contracts';
import { firstValueFrom } from 'rxjs';
import { SessionService } from './session.service';
import { sessionFor, SIGNED_OUT_SESSION, TEST_INSTITUTIONS } from './testing';

type Activity = Pick<ActivitySummary, 'leadInstitution' | 'contributors'>;
const ledByMef: Activity = { leadInstitution: TEST_INSTITUTIONS.MEF, contributors: [] };
const hcpContributes: Activity = {
  leadInstitution: null,
  contributors: [TEST_INSTITUTIONS.MEF, TEST_INSTITUTIONS.HCP],
};
const neither: Activity = {
  leadInstitution: { ...TEST_INSTITUTIONS.MEF, code: 'ADD' },
  contributors: [{ ...TEST_INSTITUTIONS.MEF, code: 'DGSN' }],
};

describe('SessionService', () => {
  let http: HttpTestingController;
  let service: SessionService;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    service = TestBed.inject(SessionService);
  });
  afterEach(() => http.verify());

  async function signedInAs(role: Role, institution: 'MEF' | 'HCP' | null = null): Promise<void> {
    const loading = service.load();
    http.expectOne('/api/v1/auth/session').flush(sessionFor(role, institution));
    await loading;
  }

  it('is signed out, and can nothing, until the session says otherwise', async () => {
    expect(service.signedIn()).toBe(false);
    expect(service.can(Permission.AuditRead)).toBe(false);
    expect(service.canReportOn(ledByMef)).toBe(false);
    const loading = service.load();
    http.expectOne('/api/v1/auth/session').flush(SIGNED_OUT_SESSION);
    await expect(loading).resolves.toEqual(SIGNED_OUT_SESSION);
    expect(service.loaded()).toBe(true);
    expect(service.user()).toBeNull();
  });

  it('treats a failing session call as signed out instead of failing start-up', async () => {
    const loading = service.load();
    http.expectOne('/api/v1/auth/session').flush('down', { status: 502, statusText: 'Bad Gateway' });
    await expect(loading).resolves.toEqual(SIGNED_OUT_SESSION);
    expect(service.signedIn()).toBe(false);
  });

  it('grants what the role map grants, and nothing else', async () => {
    await signedInAs('COORDINATOR');
    expect(service.can(Permission.ActivityPlan)).toBe(true);
    expect(service.can(Permission.ProgressReport)).toBe(true);
    expect(service.can(Permission.AuditRead)).toBe(true);
    expect(service.can(Permission.UserManage)).toBe(false);
    expect(service.csrfToken()).toBe('csrf-1');
  });

  it('lets an admin manage accounts but not report progress', async () => {
    await signedInAs('ADMIN');
    expect(service.can(Permission.UserManage)).toBe(true);
    expect(service.canReportOn(ledByMef)).toBe(false);
  });

  it('lets a coordinator report on any activity', async () => {
    await signedInAs('COORDINATOR');
    expect(service.canReportOn(ledByMef)).toBe(true);
    expect(service.canReportOn(neither)).toBe(true);
    expect(service.scopedInstitution()).toBeNull();
  });

  it('lets an officer report only where their institution leads or contributes', async () => {
    await signedInAs('OFFICER', 'HCP');
    expect(service.scopedInstitution()?.code).toBe('HCP');
    expect(service.canReportOn(hcpContributes)).toBe(true);
    expect(service.canReportOn(ledByMef)).toBe(false);
    expect(service.canReportOn(neither)).toBe(false);
    expect(service.canReportOn(null)).toBe(false);
  });

  it('never lets a data manager or a committee member report', async () => {
    await signedInAs('DATA_MANAGER', 'MEF');
    expect(service.canReportOn(ledByMef)).toBe(false);
  });

  it('signs in with the answer’s session, and reads it again when the answer lacks a token', async () => {
    const signing = firstValueFrom(service.signIn({ email: 'a@b.ma', password: 'x' }));
    const request = http.expectOne({ method: 'POST', url: '/api/v1/auth/sign-in' });
    expect(request.request.body).toEqual({ email: 'a@b.ma', password: 'x' });
    request.flush({ ...sessionFor('OFFICER', 'MEF'), csrfToken: null });
    http.expectOne('/api/v1/auth/session').flush(sessionFor('OFFICER', 'MEF', 'csrf-2'));
    await expect(signing).resolves.toEqual(expect.objectContaining({ csrfToken: 'csrf-2' }));
    expect(service.csrfToken()).toBe('csrf-2');
    expect(service.user()?.role).toBe('OFFICER');
  });

  it('signs out, then reads the (new, anonymous) session', async () => {
    await signedInAs('COORDINATOR');
    const out = firstValueFrom(service.signOut());
    http
      .expectOne({ method: 'POST', url: '/api/v1/auth/sign-out' })
      .flush(null, { status: 204, statusText: 'No Content' });
    http.expectOne('/api/v1/auth/session').flush(SIGNED_OUT_SESSION);
    await out;
    expect(service.signedIn()).toBe(false);
    expect(service.can(Permission.AuditRead)).toBe(false);
  });
});
