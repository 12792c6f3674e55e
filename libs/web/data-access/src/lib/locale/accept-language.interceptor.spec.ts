import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { TranslateService } from '@ngx-translate/core';
import { of } from 'rxjs';
import { acceptLanguageInterceptor } from './accept-language.interceptor';
import { LocaleService } from './locale.service';

describe('acceptLanguageInterceptor', () => {
  it('sends the current locale as Accept-Language', () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([acceptLanguageInterceptor])),
        provideHttpClientTesting(),
        { provide: TranslateService, useValue: { use: () => of({}) } },
      ],
    });
    TestBed.inject(LocaleService).use('ar');
    TestBed.inject(HttpClient).get('/api/health').subscribe();
    const req = TestBed.inject(HttpTestingController).expectOne('/api/health');
    expect(req.request.headers.get('Accept-Language')).toBe('ar');
    req.flush({});
  });
});
