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
});
