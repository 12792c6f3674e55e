import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { PROGRESS_UPDATE_LIMITS as LIMITS, type CreateProgressUpdateRequest } from '@marsad/contracts';
import { LocaleService } from '@marsad/web/data-access';
import { provideTranslateService } from '@ngx-translate/core';
import { activity } from '../testing/fixtures';
import { ProgressUpdateForm } from './progress-update-form';

// The form takes exactly what the API takes: the limits come from @marsad/contracts, as the DTO's do.
describe('ProgressUpdateForm: text limits (the API’s)', () => {
  let fixture: ComponentFixture<ProgressUpdateForm>;
  let http: HttpTestingController;
  let el: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [ProgressUpdateForm],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideTranslateService(),
        { provide: MatDialog, useValue: { open: jest.fn() } },
        { provide: MatSnackBar, useValue: { open: jest.fn() } },
      ],
    });
    TestBed.inject(LocaleService).use('en');
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ProgressUpdateForm);
    fixture.componentRef.setInput('activity', activity());
    fixture.detectChanges();
    await fixture.whenStable();
    el = fixture.nativeElement as HTMLElement;
  });

  afterEach(() => http.verify());

  function type(selector: string, value: string): void {
    const input = el.querySelector(selector) as HTMLInputElement | HTMLTextAreaElement;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  function fill(lengths: { authorName: number; narrative: number; linkUrl: number; linkTitle: number }): void {
    const addLink = Array.from(el.querySelectorAll('button')).find((button) => button.textContent?.includes('update.addLink'));
    addLink?.click();
    fixture.detectChanges();
    type('input[formcontrolname="authorName"]', 'a'.repeat(lengths.authorName));
    type('textarea[lang="en"]', 'n'.repeat(lengths.narrative));
    type('input[formcontrolname="title"]', 't'.repeat(lengths.linkTitle));
    const prefix = 'https://data.gov.ma/';
    type('input[formcontrolname="url"]', prefix + 'u'.repeat(lengths.linkUrl - prefix.length));
    el.querySelector('form')?.dispatchEvent(new Event('submit'));
    fixture.detectChanges();
  }

  it('sends texts as long as the API accepts', () => {
    fill(LIMITS);
    const request = http.expectOne((req) => req.method === 'POST' && req.url.endsWith('/updates'));
    const body = request.request.body as CreateProgressUpdateRequest;
    expect(body.authorName).toHaveLength(LIMITS.authorName);
    expect(body.narrative.en).toHaveLength(LIMITS.narrative);
    expect(body.links?.[0].url).toHaveLength(LIMITS.linkUrl);
    expect(body.links?.[0].title).toHaveLength(LIMITS.linkTitle);
  });

  it('refuses, before sending, texts longer than the API accepts', () => {
    fill({ authorName: LIMITS.authorName + 1, narrative: LIMITS.narrative + 1, linkUrl: LIMITS.linkUrl + 1, linkTitle: LIMITS.linkTitle + 1 });
    http.expectNone((req) => req.method === 'POST');
    expect(el.querySelectorAll('mat-error').length).toBeGreaterThanOrEqual(4);
  });

  it('stops adding links at the API’s limit', () => {
    const addLink = Array.from(el.querySelectorAll('button')).find((button) => button.textContent?.includes('update.addLink')) as HTMLButtonElement;
    for (let i = 0; i < LIMITS.links + 3; i++) {
      addLink.click();
      fixture.detectChanges();
    }
    expect(el.querySelectorAll('input[formcontrolname="url"]')).toHaveLength(LIMITS.links);
    expect(addLink.disabled).toBe(true);
  });
});
