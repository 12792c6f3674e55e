import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { CSRF_HEADER, csrfInterceptor } from '../auth/csrf.interceptor';
import { SessionService } from '../auth/session.service';
import { sessionFor } from '../auth/testing';
import { apiErrorInterceptor } from './api-error.interceptor';
import { ApiError } from './api-error';
import { CommitteeApi } from './committee-api.service';

describe('CommitteeApi', () => {
  let http: HttpTestingController;
  let api: CommitteeApi;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([csrfInterceptor, apiErrorInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    api = TestBed.inject(CommitteeApi);
    const loading = TestBed.inject(SessionService).load();
    http.expectOne('/api/v1/auth/session').flush(sessionFor('COORDINATOR'));
    await loading;
  });
  afterEach(() => http.verify());

  it('reads the committee, the meetings, a meeting and the agenda proposal under /api/v1/committee', () => {
    api.committee().subscribe();
    api.meetings().subscribe();
    api.meeting('m 1').subscribe();
    api.agendaProposal().subscribe();
    api.actionItem('ai-1').subscribe();
    for (const url of [
      '/api/v1/committee',
      '/api/v1/committee/meetings',
      '/api/v1/committee/meetings/m%201',
      '/api/v1/committee/agenda-proposal',
      '/api/v1/committee/action-items/ai-1',
    ]) {
      const req = http.expectOne(url);
      expect(req.request.method).toBe('GET');
      req.flush({});
    }
  });

  it('sends the action items filters as query parameters, leaving out those not set', () => {
    api.actionItems({ status: 'open', owner: 'MEF', overdue: true }).subscribe();
    const req = http.expectOne((r) => r.url === '/api/v1/committee/action-items');
    expect(req.request.params.get('status')).toBe('open');
    expect(req.request.params.get('owner')).toBe('MEF');
    expect(req.request.params.get('overdue')).toBe('true');
    req.flush([]);

    api.actionItems().subscribe();
    const all = http.expectOne((r) => r.url === '/api/v1/committee/action-items');
    expect(all.request.params.keys()).toEqual([]);
    all.flush([]);
  });

  it('writes with the right verb, body and the CSRF token', () => {
    api.createMeeting({ startsAt: '2026-12-01T09:00:00.000Z', place: 'Rabat' }).subscribe();
    api.updateMeeting('m1', { version: 3, status: 'held' }).subscribe();
    api.recordAttendance('m1', { version: 3, entries: [{ representativeId: 'r1', status: 'present' }] }).subscribe();
    api.confirmOwnAttendance('m1', 'excused').subscribe();
    api.approveMinutes('m1', 4).subscribe();
    api.createDecision('m1', { text: { fr: 'D' }, actionItems: [] }).subscribe();
    api.updateActionItem('ai1', { version: 2, status: 'done', closingEvidence: 'PV' }).subscribe();
    api.addMember({ institutionCode: 'ANRT', joinedOn: '2026-01-01' }).subscribe();
    api.updateMember('mem1', { version: 1, leftOn: '2026-06-30' }).subscribe();
    api.addRepresentative('mem1', { fullName: 'A', position: 'member', fromOn: '2026-01-01' }).subscribe();
    api.updateRepresentative('rep1', { version: 1, toOn: '2026-06-30' }).subscribe();
    api.announcePack('m1').subscribe();

    const expected: [string, string, unknown][] = [
      ['POST', '/api/v1/committee/meetings', { startsAt: '2026-12-01T09:00:00.000Z', place: 'Rabat' }],
      ['PATCH', '/api/v1/committee/meetings/m1', { version: 3, status: 'held' }],
      [
        'PUT',
        '/api/v1/committee/meetings/m1/attendance',
        { version: 3, entries: [{ representativeId: 'r1', status: 'present' }] },
      ],
      ['POST', '/api/v1/committee/meetings/m1/attendance/me', { status: 'excused' }],
      ['POST', '/api/v1/committee/meetings/m1/minutes/approve', { version: 4 }],
      ['POST', '/api/v1/committee/meetings/m1/decisions', { text: { fr: 'D' }, actionItems: [] }],
      ['PATCH', '/api/v1/committee/action-items/ai1', { version: 2, status: 'done', closingEvidence: 'PV' }],
      ['POST', '/api/v1/committee/members', { institutionCode: 'ANRT', joinedOn: '2026-01-01' }],
      ['PATCH', '/api/v1/committee/members/mem1', { version: 1, leftOn: '2026-06-30' }],
      [
        'POST',
        '/api/v1/committee/members/mem1/representatives',
        { fullName: 'A', position: 'member', fromOn: '2026-01-01' },
      ],
      ['PATCH', '/api/v1/committee/representatives/rep1', { version: 1, toOn: '2026-06-30' }],
      ['POST', '/api/v1/committee/meetings/m1/pack/announce', null],
    ];
    for (const [method, url, body] of expected) {
      const req = http.expectOne({ method, url });
      expect(req.request.body).toEqual(body);
      expect(req.request.headers.get(CSRF_HEADER)).toBe('csrf-1');
      req.flush({});
    }
  });

  it('uploads a document as multipart (a file, or a link)', () => {
    const file = new File(['%PDF-1.4'], 'pv.pdf', { type: 'application/pdf' });
    api.addDocument('m1', { file, title: 'PV signé', role: 'minutes_signed' }).subscribe();
    api.addDocument('m1', { url: 'https://example.ma/doc', title: 'Note', role: 'document' }).subscribe();
    const [upload, link] = http.match('/api/v1/committee/meetings/m1/documents');
    const form = upload.request.body as FormData;
    expect((form.get('file') as File).name).toBe('pv.pdf');
    expect(form.get('title')).toBe('PV signé');
    expect(form.get('role')).toBe('minutes_signed');
    expect(form.has('url')).toBe(false);
    const linkForm = link.request.body as FormData;
    expect(linkForm.get('url')).toBe('https://example.ma/doc');
    expect(linkForm.has('file')).toBe(false);
    upload.flush({});
    link.flush({});
  });

  it('gives the meeting pack address per format, in Arabic or French (English readers get French)', () => {
    expect(api.packUrl('m1', 'html', 'ar')).toBe('/api/v1/committee/meetings/m1/pack?format=html&lang=ar');
    expect(api.packUrl('m1', 'pdf', 'fr')).toBe('/api/v1/committee/meetings/m1/pack?format=pdf&lang=fr');
    expect(api.packUrl('m1', 'xlsx', 'en')).toBe('/api/v1/committee/meetings/m1/pack?format=xlsx&lang=fr');
  });

  it('turns a 409 VERSION_CONFLICT into an ApiError carrying the current record', async () => {
    const result = firstValueFrom(api.updateActionItem('ai1', { version: 1, note: 'x' }));
    http.expectOne('/api/v1/committee/action-items/ai1').flush(
      {
        statusCode: 409,
        code: 'VERSION_CONFLICT',
        message: 'Modifié',
        fields: [],
        current: { id: 'ai1', version: 2 },
      },
      { status: 409, statusText: 'Conflict' },
    );
    await expect(result).rejects.toBeInstanceOf(ApiError);
    await expect(result).rejects.toMatchObject({ code: 'VERSION_CONFLICT', current: { id: 'ai1', version: 2 } });
  });
});
