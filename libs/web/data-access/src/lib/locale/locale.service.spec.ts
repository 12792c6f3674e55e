import { Directionality } from '@angular/cdk/bidi';
import { TestBed } from '@angular/core/testing';
import { TranslateService } from '@ngx-translate/core';
import { of } from 'rxjs';
import { LOCALE_STORAGE_KEY } from './locale-negotiation';
import { LocaleService } from './locale.service';

describe('LocaleService', () => {
  let translate: { use: jest.Mock };

  function setup(): LocaleService {
    translate = { use: jest.fn(() => of({})) };
    TestBed.configureTestingModule({ providers: [{ provide: TranslateService, useValue: translate }] });
    return TestBed.inject(LocaleService);
  }

  beforeEach(() => {
    localStorage.clear();
    document.documentElement.lang = 'en';
    document.documentElement.dir = 'ltr';
  });

  it('sets lang and dir="rtl" on <html> for Arabic, and loads its translations', () => {
    const service = setup();
    service.use('ar');
    expect(document.documentElement.getAttribute('lang')).toBe('ar');
    expect(document.documentElement.getAttribute('dir')).toBe('rtl');
    expect(service.locale()).toBe('ar');
    expect(service.dir()).toBe('rtl');
    expect(translate.use).toHaveBeenCalledWith('ar');
  });

  it('goes back to ltr for French and moves the CDK Directionality with it', () => {
    const service = setup();
    const directionality = TestBed.inject(Directionality);
    const changes: string[] = [];
    directionality.change.subscribe((d) => changes.push(d));
    service.use('ar');
    expect(directionality.value).toBe('rtl');
    service.use('fr');
    expect(document.documentElement.dir).toBe('ltr');
    expect(document.documentElement.lang).toBe('fr');
    expect(directionality.value).toBe('ltr');
    expect(changes).toEqual(['rtl', 'ltr']);
  });

  it('remembers the choice in localStorage and prefers it next time', () => {
    const service = setup();
    service.use('en');
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('en');
    expect(service.preferred()).toBe('en');
  });

  it('without a stored choice, follows the browser languages', () => {
    const spy = jest.spyOn(window.navigator, 'languages', 'get').mockReturnValue(['de-DE', 'ar-MA', 'fr']);
    const service = setup();
    expect(service.preferred()).toBe('ar');
    spy.mockReturnValue(['de', 'es']);
    expect(service.preferred()).toBe('fr');
    spy.mockRestore();
  });
});
