import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { LOCALE_STORAGE_KEY } from '@marsad/web/data-access';
import { TranslateService } from '@ngx-translate/core';
import { of } from 'rxjs';
import { createAppRoutes } from './app.routes';

@Component({ template: 'page' })
class StubPage {}

describe('language routing', () => {
  let languages: jest.SpyInstance;

  async function start(url: string): Promise<Router> {
    TestBed.configureTestingModule({
      providers: [
        provideRouter(
          createAppRoutes(() => [
            { path: '', component: StubPage },
            { path: 'measures/:id', component: StubPage },
          ]),
        ),
        { provide: TranslateService, useValue: { use: jest.fn(() => of({})) } },
      ],
    });
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url);
    return TestBed.inject(Router);
  }

  beforeEach(() => {
    localStorage.clear();
    languages = jest.spyOn(window.navigator, 'languages', 'get').mockReturnValue(['de-DE']);
  });
  afterEach(() => languages.mockRestore());

  it('sends / to the remembered language', async () => {
    localStorage.setItem(LOCALE_STORAGE_KEY, 'ar');
    const router = await start('/');
    expect(router.url).toBe('/ar');
    expect(document.documentElement.dir).toBe('rtl');
  });

  it('sends / to the browser language when nothing is remembered, else French', async () => {
    languages.mockReturnValue(['en-US', 'fr']);
    expect((await start('/')).url).toBe('/en');
  });

  it('falls back to French', async () => {
    expect((await start('/')).url).toBe('/fr');
  });

  it('opens a shared link in its own language and remembers it', async () => {
    localStorage.setItem(LOCALE_STORAGE_KEY, 'fr');
    const router = await start('/ar/measures/m-7?status=delayed');
    expect(router.url).toBe('/ar/measures/m-7?status=delayed');
    expect(document.documentElement.lang).toBe('ar');
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('ar');
  });

  it('replaces an unknown language prefix and keeps the page and query', async () => {
    localStorage.setItem(LOCALE_STORAGE_KEY, 'en');
    expect((await start('/de/measures/m-7?health=late')).url).toBe('/en/measures/m-7?health=late');
  });

  it('sends an unknown page to the home of its language', async () => {
    expect((await start('/ar/no-such-page')).url).toBe('/ar');
  });
});
