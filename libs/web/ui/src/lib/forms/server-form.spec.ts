import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormControl, FormGroup } from '@angular/forms';
import { provideTranslateService } from '@ngx-translate/core';
import { FormAlertBox } from './form-alert';
import {
  conflictingRecord,
  conflictRow,
  formAlertFor,
  isVersioned,
  ServerForm,
  type FormAlert,
  type ServerErrorLike,
} from './server-form';

const failure = (over: Partial<ServerErrorLike> = {}): ServerErrorLike => ({
  code: 'INTERNAL_ERROR',
  messageKey: 'errors.INTERNAL_ERROR',
  message: 'boom',
  fields: [],
  ...over,
});

describe('server form helpers', () => {
  const form = () => new FormGroup({ name: new FormGroup({ ar: new FormControl('') }), email: new FormControl('') });

  it('puts a 400’s field messages on the controls and lists only the unclaimed ones', () => {
    const f = form();
    const alert = formAlertFor(
      f,
      failure({
        code: 'VALIDATION_FAILED',
        messageKey: 'errors.VALIDATION_FAILED',
        fields: [
          { field: 'email', rule: 'email', message: 'Adresse invalide' },
          { field: 'nope', rule: 'x', message: 'Ailleurs' },
        ],
      }),
    );
    expect(f.controls.email.errors?.['server']).toBe('Adresse invalide');
    expect(alert).toEqual({
      key: 'errors.VALIDATION_FAILED',
      detail: '',
      fields: [{ field: 'nope', rule: 'x', message: 'Ailleurs' }],
    });
  });

  it('maps field paths first when asked, and shows other failures with their detail', () => {
    const f = form();
    formAlertFor(
      f,
      failure({ code: 'VALIDATION_FAILED', fields: [{ field: 'name', rule: 'someName', message: 'Un nom' }] }),
      (fields) => fields.map((x) => ({ ...x, field: 'name.ar' })),
    );
    expect(f.get('name.ar')?.errors?.['server']).toBe('Un nom');
    expect(formAlertFor(f, failure())).toEqual({ key: 'errors.INTERNAL_ERROR', detail: 'boom', fields: [] });
  });

  it('shows only the translated message for a network failure, never its raw text', () => {
    const alert = formAlertFor(
      form(),
      failure({
        status: 0,
        code: 'NETWORK_ERROR',
        messageKey: 'errors.NETWORK_ERROR',
        message: 'Http failure response for http://localhost/api/v1/x: 0 Unknown Error',
      }),
    );
    expect(alert).toEqual({ key: 'errors.NETWORK_ERROR', detail: '', fields: [] });
  });

  it('follows a save: saving, then the alert on failure, a plain message, and clear', () => {
    const server = new ServerForm(form());
    server.start();
    expect(server.saving()).toBe(true);
    server.fail(failure());
    expect(server.saving()).toBe(false);
    expect(server.alert()?.detail).toBe('boom');
    server.show('errors.VERSION_CONFLICT');
    expect(server.alert()).toEqual({ key: 'errors.VERSION_CONFLICT', detail: '', fields: [] });
    server.start();
    expect(server.alert()).toBeNull();
  });

  it('finds the current record of a 409 and builds conflict rows', () => {
    const current = { id: 'a', version: 3 };
    expect(conflictingRecord(failure({ code: 'VERSION_CONFLICT', current }), isVersioned)).toBe(current);
    expect(conflictingRecord(failure({ code: 'VERSION_CONFLICT', current: { version: 3 } }), isVersioned)).toBeNull();
    expect(conflictingRecord(failure({ current }), isVersioned)).toBeNull();
    expect(isVersioned({ role: 'ADMIN', version: 1 }, 'role')).toBe(true);
    expect(conflictRow('k', 'a', 'a')).toEqual({ labelKey: 'k', theirs: 'a', mine: 'a', differs: false });
    expect(conflictRow('k', 'a', 'b').differs).toBe(true);
  });
});

@Component({
  imports: [FormAlertBox],
  template: `<div [msdFormAlert]="alert()" [ltrFields]="ltr()"></div>`,
})
class Host {
  readonly alert = signal<FormAlert>({
    key: 'errors.VALIDATION_FAILED',
    detail: 'détail',
    fields: [{ field: 'links.0.url', rule: 'url', message: 'URL invalide' }],
  });
  readonly ltr = signal(false);
}

describe('FormAlertBox', () => {
  it('renders on the alert’s own div: message, detail, unclaimed fields (left to right when asked)', async () => {
    TestBed.configureTestingModule({ providers: [provideTranslateService()] });
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    const div = (fixture.nativeElement as HTMLElement).querySelector('div') as HTMLElement;
    expect(div.className).toBe('msd-error');
    expect(div.getAttribute('role')).toBe('alert');
    const lines = Array.from(div.querySelectorAll(':scope > p')).map((p) => p.textContent?.trim());
    expect(lines).toEqual(['errors.VALIDATION_FAILED', 'détail', 'links.0.url: URL invalide']);
    expect(div.querySelector('span[dir="ltr"]')).toBeNull();
    fixture.componentInstance.ltr.set(true);
    await fixture.whenStable();
    expect(div.querySelector('span[dir="ltr"]')?.textContent).toBe('links.0.url');
  });
});
