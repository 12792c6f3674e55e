import { HttpErrorResponse } from '@angular/common/http';
import { ApiError, toApiError } from './api-error';

describe('toApiError', () => {
  it('keeps the API error body: code, fields, current', () => {
    const error = toApiError(
      new HttpErrorResponse({
        status: 409,
        error: {
          statusCode: 409,
          code: 'VERSION_CONFLICT',
          message: 'Modifié',
          fields: [],
          requestId: 'r1',
          current: { version: 4 },
        },
      }),
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error.code).toBe('VERSION_CONFLICT');
    expect(error.current).toEqual({ version: 4 });
    expect(error.messageKey).toBe('errors.VERSION_CONFLICT');
  });
  it('calls a status 0 a network error and guesses a code for bodies without one', () => {
    expect(toApiError(new HttpErrorResponse({ status: 0 })).code).toBe('NETWORK_ERROR');
    expect(toApiError(new HttpErrorResponse({ status: 413, error: 'too big' })).code).toBe('PAYLOAD_TOO_LARGE');
    expect(toApiError(new HttpErrorResponse({ status: 502 })).code).toBe('INTERNAL_ERROR');
  });

  it('never carries HttpClient’s raw English for a network failure or a 5xx without the API’s body', () => {
    const network = toApiError(
      new HttpErrorResponse({ status: 0, statusText: 'Unknown Error', url: 'http://localhost/api/v1/plans' }),
    );
    expect(network.code).toBe('NETWORK_ERROR');
    expect(network.messageKey).toBe('errors.NETWORK_ERROR');
    expect(network.message).toBe('');
    for (const status of [500, 502, 503, 504]) {
      const error = toApiError(
        new HttpErrorResponse({ status, statusText: 'Bad Gateway', url: '/api/v1/plans', error: '<html>…</html>' }),
      );
      expect(error.code).toBe('INTERNAL_ERROR');
      expect(error.message).toBe('');
    }
    // Nor for a 4xx without the API's body.
    expect(toApiError(new HttpErrorResponse({ status: 404, statusText: 'Not Found', url: '/x' })).message).toBe('');
  });

  it('keeps the API’s own message, already in the reader’s language', () => {
    const error = toApiError(
      new HttpErrorResponse({
        status: 500,
        statusText: 'Internal Server Error',
        error: { statusCode: 500, code: 'INTERNAL_ERROR', message: 'Indiquez l’identifiant r9.', requestId: 'r9' },
      }),
    );
    expect(error.message).toBe('Indiquez l’identifiant r9.');
    expect(error.requestId).toBe('r9');
  });
});
