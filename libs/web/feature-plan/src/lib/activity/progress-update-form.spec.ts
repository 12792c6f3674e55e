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

  const button = (label: string) =>
    Array.from(el.querySelectorAll('button')).find((b) => b.textContent?.includes(label)) as HTMLButtonElement;

  function fill(lengths: { blockerText: number; narrative: number; linkUrl: number; linkTitle: number }): void {
    button('update.addLink').click();
    button('update.addBlocker').click();
    fixture.detectChanges();
    type('input[formcontrolname="text"]', 'b'.repeat(lengths.blockerText));
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
    // The author is the signed-in account: the form sends no name.
    expect(body).not.toHaveProperty('authorName');
    expect(body.blockers).toEqual([{ category: 'technical', text: 'b'.repeat(LIMITS.blockerText) }]);
    expect(body.narrative.en).toHaveLength(LIMITS.narrative);
    expect(body.links?.[0].url).toHaveLength(LIMITS.linkUrl);
    expect(body.links?.[0].title).toHaveLength(LIMITS.linkTitle);
  });

  it('refuses, before sending, texts longer than the API accepts', () => {
    fill({
      blockerText: LIMITS.blockerText + 1,
      narrative: LIMITS.narrative + 1,
      linkUrl: LIMITS.linkUrl + 1,
      linkTitle: LIMITS.linkTitle + 1,
    });
    http.expectNone((req) => req.method === 'POST');
    expect(el.querySelectorAll('mat-error').length).toBeGreaterThanOrEqual(4);
  });

  it('saves a draft on request, and corrects a returned report with PATCH and its version', () => {
    type('textarea[lang="en"]', 'draft text');
    button('update.saveDraft').click();
    fixture.detectChanges();
    const draft = http.expectOne((req) => req.method === 'POST' && req.url.endsWith('/updates'));
    expect(draft.request.body).toEqual(expect.objectContaining({ draft: true, narrative: { en: 'draft text' } }));
    draft.flush({ ...draft.request.body, id: 'u1', state: 'draft', version: 1, evidence: [] });

    fixture.componentRef.setInput('revising', {
      id: 'u9',
      activityId: 'a1',
      activityCode: '1.1',
      reportedOn: '2026-01-10',
      authorName: 'X',
      authorInstitution: null,
      state: 'returned',
      status: 'in_progress',
      progress: 40,
      narrative: { en: 'first try' },
      blockers: [{ category: 'budget', text: 'late credits' }],
      evidence: [],
      submittedAt: null,
      decidedAt: null,
      decidedBy: 'ADD',
      returnComment: 'attach the minutes',
      demo: false,
      version: 3,
      createdAt: '2026-01-10T10:00:00Z',
    });
    fixture.detectChanges();
    expect(el.textContent).toContain('attach the minutes');
    expect((el.querySelector('textarea[lang="en"]') as HTMLTextAreaElement).value).toBe('first try');
    el.querySelector('form')?.dispatchEvent(new Event('submit'));
    fixture.detectChanges();
    const revise = http.expectOne((req) => req.method === 'PATCH' && req.url.endsWith('/progress-updates/u9'));
    expect(revise.request.body).toEqual(
      expect.objectContaining({ version: 3, progress: 40, blockers: [{ category: 'budget', text: 'late credits' }] }),
    );
    expect(revise.request.body).not.toHaveProperty('links');
  });

  it('stops adding links at the API’s limit', () => {
    const addLink = Array.from(el.querySelectorAll('button')).find((button) =>
      button.textContent?.includes('update.addLink'),
    ) as HTMLButtonElement;
    for (let i = 0; i < LIMITS.links + 3; i++) {
      addLink.click();
      fixture.detectChanges();
    }
    expect(el.querySelectorAll('input[formcontrolname="url"]')).toHaveLength(LIMITS.links);
    expect(addLink.disabled).toBe(true);
  });

  it('keeps the slider and the number box on the same figure, step 1, arrows moving by one', async () => {
    const slider = el.querySelector('input[data-progress-slider]') as HTMLInputElement;
    const box = el.querySelector('input[data-progress-input]') as HTMLInputElement;
    expect(slider.step).toBe('1');
    expect(box.step).toBe('1');

    type('input[data-progress-input]', '83');
    fixture.detectChanges();
    await fixture.whenStable();
    // A range input snaps its value to its step: with step 5, 83 would show as 85 on the slider.
    expect(slider.value).toBe('83');

    // An arrow key steps the range input by its step.
    slider.stepUp();
    slider.dispatchEvent(new Event('input'));
    slider.dispatchEvent(new Event('change'));
    fixture.detectChanges();
    await fixture.whenStable();
    expect(box.value).toBe('84');
  });
});
