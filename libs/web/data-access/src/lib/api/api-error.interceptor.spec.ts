import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { ApiError } from './api-error';
import { apiErrorInterceptor } from './api-error.interceptor';

describe('apiErrorInterceptor', () => {
  let http: HttpClient;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(withInterceptors([apiErrorInterceptor])), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('turns the API error body into an ApiError', async () => {
    const answer = firstValueFrom(http.get('/api/v1/activities/x'));
    backend.expectOne('/api/v1/activities/x').flush(
      {
        statusCode: 409,
        code: 'VERSION_CONFLICT',
        message: 'Modifié',
        fields: [],
        requestId: 'r1',
        current: { version: 4 },
      },
      { status: 409, statusText: 'Conflict' },
    );
    const error = await answer.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 409, code: 'VERSION_CONFLICT', requestId: 'r1', current: { version: 4 } });
  });

  it('calls a failure to reach the API a network error', async () => {
    const answer = firstValueFrom(http.get('/api/health'));
    backend.expectOne('/api/health').error(new ProgressEvent('error'), { status: 0 });
    await expect(answer).rejects.toMatchObject({ code: 'NETWORK_ERROR' });
  });

  it('lets successful answers through untouched', async () => {
    const answer = firstValueFrom(http.get('/api/health'));
    backend.expectOne('/api/health').flush({ status: 'ok' });
    await expect(answer).resolves.toEqual({ status: 'ok' });
  });
});
