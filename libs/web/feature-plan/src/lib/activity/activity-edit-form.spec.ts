import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { ActivityDetail } from '@marsad/contracts';
import { apiErrorInterceptor, LocaleService } from '@marsad/web/data-access';
import { provideTranslateService } from '@ngx-translate/core';
import { of } from 'rxjs';
import { activity, ADD, HCP } from '../testing/fixtures';
import { ActivityEditForm } from './activity-edit-form';
import { ConflictDialog, type ConflictChoice, type ConflictDialogData } from '@marsad/web/ui/forms';

describe('ActivityEditForm: saving over someone else’s change (409)', () => {
  let fixture: ComponentFixture<ActivityEditForm>;
  let http: HttpTestingController;
  let dialog: { open: jest.Mock };
  let snackBar: { open: jest.Mock };
  let saved: ActivityDetail[];

  async function setup(choice: ConflictChoice): Promise<HTMLElement> {
    dialog = { open: jest.fn(() => ({ afterClosed: () => of(choice) })) };
    snackBar = { open: jest.fn() };
    TestBed.configureTestingModule({
      imports: [ActivityEditForm],
      providers: [
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
        provideTranslateService(),
        { provide: MatDialog, useValue: dialog },
        { provide: MatSnackBar, useValue: snackBar },
      ],
    });
    TestBed.inject(LocaleService).use('en');
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ActivityEditForm);
    fixture.componentRef.setInput('activity', activity({ version: 3, dueDate: '2022-06-30', weight: 1 }));
    fixture.componentRef.setInput('institutions', [ADD, HCP]);
    saved = [];
    fixture.componentInstance.saved.subscribe((a) => saved.push(a));
    fixture.detectChanges();
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  function type(el: HTMLElement, name: string, value: string): void {
    const input = el.querySelector(`input[formcontrolname="${name}"]`) as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  function submit(el: HTMLElement): void {
    el.querySelector('form')?.dispatchEvent(new Event('submit'));
  }

  // Someone else moved the weight to 5 and the lead to HCP: version 4.
  const theirs = activity({ version: 4, dueDate: '2022-06-30', weight: 5, leadInstitution: HCP });

  afterEach(() => http.verify());

  it('shows theirs beside mine, then re-sends mine with their version on “re-apply mine”', async () => {
    const el = await setup('mine');
    type(el, 'dueDate', '2022-12-31');
    submit(el);

    const first = http.expectOne({ method: 'PATCH', url: '/api/v1/activities/a-1' });
    expect(first.request.body).toEqual(
      expect.objectContaining({ version: 3, dueDate: '2022-12-31', weight: 1, leadInstitutionCode: 'ADD' }),
    );
    first.flush(
      { statusCode: 409, code: 'VERSION_CONFLICT', message: 'Changed', fields: [], requestId: 'r1', current: theirs },
      { status: 409, statusText: 'Conflict' },
    );

    expect(dialog.open).toHaveBeenCalledTimes(1);
    const [component, config] = dialog.open.mock.calls[0] as [unknown, { data: ConflictDialogData }];
    expect(component).toBe(ConflictDialog);
    const rows = Object.fromEntries(config.data.rows.map((r) => [r.labelKey, r]));
    expect(rows['activity.weight']).toEqual({ labelKey: 'activity.weight', theirs: '5', mine: '1', differs: true });
    expect(rows['activity.dueDate']).toEqual(
      expect.objectContaining({ theirs: '30 June 2022', mine: '31 December 2022', differs: true }),
    );
    expect(rows['activity.lead']).toEqual(
      expect.objectContaining({
        theirs: 'High Commission for Planning',
        mine: 'Digital Development Agency',
        differs: true,
      }),
    );
    expect(rows['activity.startDate'].differs).toBe(false);

    const second = http.expectOne({ method: 'PATCH', url: '/api/v1/activities/a-1' });
    expect(second.request.body).toEqual(
      expect.objectContaining({ version: 4, dueDate: '2022-12-31', weight: 1, leadInstitutionCode: 'ADD' }),
    );
    const result = activity({ version: 5, dueDate: '2022-12-31', weight: 1 });
    second.flush(result);

    expect(saved).toEqual([result]);
    expect(snackBar.open).toHaveBeenCalledWith('activity.edit.saved', undefined, expect.anything());
  });

  it('takes their values into the form on “reload theirs” and sends nothing more', async () => {
    const el = await setup('theirs');
    type(el, 'weight', '2');
    submit(el);
    http
      .expectOne({ method: 'PATCH', url: '/api/v1/activities/a-1' })
      .flush(
        { statusCode: 409, code: 'VERSION_CONFLICT', message: 'Changed', fields: [], requestId: 'r1', current: theirs },
        { status: 409, statusText: 'Conflict' },
      );
    await fixture.whenStable();

    expect(saved).toEqual([theirs]);
    expect((el.querySelector('input[formcontrolname="weight"]') as HTMLInputElement).value).toBe('5');
    // A later save goes out with their version.
    submit(el);
    expect(http.expectOne({ method: 'PATCH' }).request.body.version).toBe(4);
  });

  it('puts server field errors on the matching control', async () => {
    const el = await setup(undefined);
    type(el, 'weight', '3');
    submit(el);
    http.expectOne({ method: 'PATCH' }).flush(
      {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: 'Invalid',
        fields: [{ field: 'weight', rule: 'max', message: 'Weight is too heavy' }],
        requestId: 'r2',
      },
      { status: 400, statusText: 'Bad Request' },
    );
    fixture.detectChanges();
    await fixture.whenStable();
    expect(el.querySelector('mat-error')?.textContent).toContain('Weight is too heavy');
    expect(dialog.open).not.toHaveBeenCalled();
  });

  it('does not send an invalid form', async () => {
    const el = await setup(undefined);
    type(el, 'startDate', '2023-01-01');
    type(el, 'dueDate', '2022-01-01');
    submit(el);
    http.expectNone({ method: 'PATCH' });
  });
});
