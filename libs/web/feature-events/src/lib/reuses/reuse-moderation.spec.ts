import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { provideTranslateService } from '@ngx-translate/core';
import { RejectReuseDialog } from './reuse-moderation';

describe('RejectReuseDialog', () => {
  it('closes only with a reason, trimmed', async () => {
    const ref = { close: jest.fn() };
    TestBed.configureTestingModule({
      imports: [RejectReuseDialog],
      providers: [
        provideTranslateService(),
        { provide: MAT_DIALOG_DATA, useValue: { title: 'Carte des écoles' } },
        { provide: MatDialogRef, useValue: ref },
      ],
    });
    const fixture = TestBed.createComponent(RejectReuseDialog);
    fixture.detectChanges();
    const el = fixture.nativeElement as HTMLElement;
    const confirm = el.querySelector('[data-confirm-reject]') as HTMLButtonElement;

    confirm.click();
    await fixture.whenStable();
    fixture.detectChanges();
    expect(ref.close).not.toHaveBeenCalled();
    expect(el.textContent).toContain('validation.required');

    const reason = el.querySelector('[data-reject-reason]') as HTMLTextAreaElement;
    reason.value = '   ';
    reason.dispatchEvent(new Event('input'));
    confirm.click();
    expect(ref.close).not.toHaveBeenCalled();

    reason.value = '  Le lien ne fonctionne pas ';
    reason.dispatchEvent(new Event('input'));
    confirm.click();
    expect(ref.close).toHaveBeenCalledWith('Le lien ne fonctionne pas');
  });
});
