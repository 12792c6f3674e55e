import { Clipboard } from '@angular/cdk/clipboard';
import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import type { FeedbackLinks } from '@marsad/contracts';
import { apiErrorInterceptor, LocaleService } from '@marsad/web/data-access';
import { provideTranslateService } from '@ngx-translate/core';
import { FeedbackLinksDialog, linkCount } from './feedback-links-dialog';

const LINKS: FeedbackLinks = {
  links: ['https://marsad.ma/fr/feedback/e-1.aAAA.sig1', 'https://marsad.ma/fr/feedback/e-1.aBBB.sig2'],
  closesOn: '2026-05-10',
};

describe('FeedbackLinksDialog', () => {
  let fixture: ComponentFixture<FeedbackLinksDialog>;
  let http: HttpTestingController;
  let el: HTMLElement;
  const clipboard = { copy: jest.fn(() => true) };

  beforeEach(async () => {
    clipboard.copy.mockClear();
    TestBed.configureTestingModule({
      imports: [FeedbackLinksDialog],
      providers: [
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
        provideTranslateService(),
        { provide: MAT_DIALOG_DATA, useValue: { eventId: 'e-1', title: 'Formation' } },
        { provide: MatDialogRef, useValue: { close: jest.fn() } },
        { provide: Clipboard, useValue: clipboard },
      ],
    });
    TestBed.inject(LocaleService).use('fr');
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(FeedbackLinksDialog);
    el = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    await fixture.whenStable();
  });
  afterEach(() => http.verify());

  async function settle(): Promise<void> {
    await fixture.whenStable();
    fixture.detectChanges();
  }

  function setCount(value: string): void {
    const input = el.querySelector('[data-feedback-links-count]') as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('input'));
    fixture.detectChanges();
  }

  it('accepts whole numbers from 1 to 500 only', () => {
    expect(linkCount('1')).toBe(1);
    expect(linkCount(' 500 ')).toBe(500);
    expect(linkCount('0')).toBeNull();
    expect(linkCount('501')).toBeNull();
    expect(linkCount('2.5')).toBeNull();
    expect(linkCount('')).toBeNull();
  });

  it('asks for the number of links, then lists them with copy buttons', async () => {
    const create = el.querySelector('[data-feedback-links-create]') as HTMLButtonElement;
    setCount('0');
    expect(create.disabled).toBe(true);
    setCount('2');
    expect(create.disabled).toBe(false);
    create.click();
    const req = http.expectOne({ method: 'POST', url: '/api/v1/events/e-1/feedback-links' });
    expect(req.request.body).toEqual({ count: 2 });
    req.flush(LINKS);
    await settle();

    const links = el.querySelectorAll('[data-feedback-link]');
    expect(links).toHaveLength(2);
    expect(links[1].textContent).toContain('https://marsad.ma/fr/feedback/e-1.aBBB.sig2');
    (links[1].querySelector('[data-feedback-link-copy]') as HTMLButtonElement).click();
    expect(clipboard.copy).toHaveBeenCalledWith('https://marsad.ma/fr/feedback/e-1.aBBB.sig2');
    (el.querySelector('[data-feedback-links-copy-all]') as HTMLButtonElement).click();
    expect(clipboard.copy).toHaveBeenLastCalledWith(LINKS.links.join('\n'));
    await settle();
    expect(el.querySelector('[role="status"]')?.textContent).toContain('events.feedbackLinks.allCopied');
  });

  it('downloads the links as a text file, one a line', async () => {
    setCount('2');
    (el.querySelector('[data-feedback-links-create]') as HTMLButtonElement).click();
    http.expectOne('/api/v1/events/e-1/feedback-links').flush(LINKS);
    await settle();
    const blobs: Blob[] = [];
    const create = jest.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:links';
    });
    Object.assign(URL, { createObjectURL: create, revokeObjectURL: jest.fn() });
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    (el.querySelector('[data-feedback-links-download]') as HTMLButtonElement).click();
    expect(click).toHaveBeenCalled();
    const text = await new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as string);
      reader.readAsText(blobs[0]);
    });
    expect(text).toBe(LINKS.links.join('\r\n') + '\r\n');
    expect(blobs[0].type).toContain('text/plain');
    click.mockRestore();
  });

  it('says why no link could be made', async () => {
    (el.querySelector('[data-feedback-links-create]') as HTMLButtonElement).click();
    http
      .expectOne('/api/v1/events/e-1/feedback-links')
      .flush(
        { statusCode: 409, code: 'FEEDBACK_CLOSED', message: 'Fermé', fields: [] },
        { status: 409, statusText: 'Conflict' },
      );
    await settle();
    expect(el.querySelector('[role="alert"]')?.textContent).toContain('errors.FEEDBACK_CLOSED');
    expect(el.querySelector('[data-feedback-link]')).toBeNull();
  });
});
