import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import {
  MAT_DIALOG_DATA,
  MatDialog,
  MatDialogActions,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import {
  isInstitutionScoped,
  LOCALES,
  pickText,
  ROLES,
  USER_LIMITS,
  type CreateUserRequest,
  type Locale,
  type ResetLinkView,
  type Role,
  type UpdateUserRequest,
  type UserView,
} from '@marsad/contracts';
import { ApiError, InstitutionApi, LocaleService, UsersApi } from '@marsad/web/data-access';
import { ROLE_LABEL_KEYS } from '@marsad/web/ui';
import {
  askConflict,
  conflictingRecord,
  FieldError,
  FormAlertBox,
  isVersioned,
  ServerForm,
  type ConflictDialogData,
  type ConflictRow,
} from '@marsad/web/ui/forms';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { catchError, map, of, startWith } from 'rxjs';
import { ResetLinkPanel } from './reset-link-panel';
import { LANGUAGE_KEYS } from './user-labels';

export type UserFormDialogData = { mode: 'create' } | { mode: 'edit'; user: UserView };
/** What changed: the list reloads when anything did. */
export type UserFormDialogResult = UserView | undefined;

type EditValues = Omit<UpdateUserRequest, 'version'>;

/** Creates an account (then shows its password link once) or edits one, with the version it was read at. */
@Component({
  selector: 'msd-user-form-dialog',
  imports: [
    ReactiveFormsModule,
    TranslatePipe,
    MatButton,
    MatCheckbox,
    MatDialogTitle,
    MatDialogContent,
    MatDialogActions,
    MatFormField,
    MatLabel,
    MatError,
    MatHint,
    MatInput,
    MatSelect,
    MatOption,
    FieldError,
    FormAlertBox,
    ResetLinkPanel,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './user-form-dialog.html',
  styles: `
    .user-form {
      padding-block-start: 0.5rem;
    }
    .user-form__note {
      margin: 0;
      font-size: 0.9rem;
    }
    .user-form__mail {
      margin: 0 0 0.75rem;
      padding: 0.6rem 0.9rem;
      border-radius: 8px;
      border-inline-start: 4px solid #c25100;
      background: #fff4ea;
      color: #4a2500;
    }
    .user-form__mail--sent {
      border-inline-start-color: var(--msd-accent, #1b6b3a);
      background: var(--msd-accent-soft, #e8f3ec);
      color: inherit;
    }
  `,
})
export class UserFormDialog {
  protected readonly data = inject<UserFormDialogData>(MAT_DIALOG_DATA);
  private readonly dialogRef = inject<MatDialogRef<UserFormDialog, UserFormDialogResult>>(MatDialogRef);
  private readonly api = inject(UsersApi);
  private readonly dialog = inject(MatDialog);
  private readonly translate = inject(TranslateService);
  private readonly localeService = inject(LocaleService);
  private readonly institutionApi = inject(InstitutionApi);

  protected readonly roles = ROLES;
  protected readonly roleKeys = ROLE_LABEL_KEYS;
  protected readonly locales = LOCALES;
  protected readonly languageKeys = LANGUAGE_KEYS;
  protected readonly editing = this.data.mode === 'edit';
  /** After a create: the account and its one-time link. */
  protected readonly created = signal<{ user: UserView; resetLink: ResetLinkView; invitationEmailed: boolean } | null>(
    null,
  );
  private baseVersion = this.data.mode === 'edit' ? this.data.user.version : 0;
  private result: UserFormDialogResult;

  protected readonly form = inject(FormBuilder).nonNullable.group({
    email: ['', [Validators.required, Validators.email, Validators.maxLength(USER_LIMITS.email)]],
    displayName: ['', [Validators.required, Validators.maxLength(USER_LIMITS.displayName)]],
    role: ['OFFICER' as Role, Validators.required],
    institutionCode: [''],
    preferredLocale: [this.localeService.locale() as Locale],
    active: [true],
  });
  private readonly server = new ServerForm(this.form);
  protected readonly saving = this.server.saving;
  protected readonly formError = this.server.alert;

  private readonly role = toSignal(
    this.form.controls.role.valueChanges.pipe(startWith(this.form.controls.role.value)),
    { requireSync: true },
  );
  protected readonly needsInstitution = computed(() => isInstitutionScoped(this.role()));

  protected readonly institutions = rxResource({
    stream: () =>
      this.institutionApi.list().pipe(
        map((list) => list.items),
        catchError(() => of([])),
      ),
    defaultValue: [],
  });
  protected readonly institutionOptions = computed(() => {
    const locale = this.localeService.locale();
    return this.institutions
      .value()
      .map((i) => ({ code: i.code, name: pickText(i.name, locale)?.text ?? i.code }))
      .sort((a, b) => a.name.localeCompare(b.name, locale));
  });

  constructor() {
    if (this.data.mode === 'edit') {
      this.load(this.data.user);
      this.form.controls.email.disable();
    }
    // The institution is required for officers and data managers, refused for the others.
    this.form.controls.role.valueChanges.pipe(startWith(this.form.controls.role.value)).subscribe((role) => {
      const control = this.form.controls.institutionCode;
      control.setValidators(isInstitutionScoped(role) ? Validators.required : null);
      control.updateValueAndValidity({ emitEvent: false });
    });
  }

  protected submit(): void {
    this.form.markAllAsTouched();
    if (this.form.invalid || this.saving()) return;
    if (this.data.mode === 'create') this.create();
    else this.update({ ...this.values(), version: this.baseVersion });
  }

  protected close(): void {
    this.dialogRef.close(this.result);
  }

  private create(): void {
    const v = this.form.getRawValue();
    const request: CreateUserRequest = {
      email: v.email.trim(),
      displayName: v.displayName.trim(),
      role: v.role,
      institutionCode: isInstitutionScoped(v.role) ? v.institutionCode : null,
      preferredLocale: v.preferredLocale,
    };
    this.server.start();
    this.api.create(request).subscribe({
      next: (created) => {
        this.server.done();
        this.result = created.user;
        this.created.set(created);
      },
      error: (error: ApiError) => this.server.fail(error),
    });
  }

  private update(request: UpdateUserRequest): void {
    if (this.data.mode !== 'edit') return;
    this.server.start();
    this.api.update(this.data.user.id, request).subscribe({
      next: (user) => {
        this.server.done();
        this.dialogRef.close(user);
      },
      error: (error: ApiError) => {
        const theirs = conflictingRecord(error, isUser);
        if (theirs) {
          this.server.done();
          this.resolveConflict(request, theirs);
        } else {
          this.server.fail(error);
        }
      },
    });
  }

  private resolveConflict(mine: UpdateUserRequest, theirs: UserView): void {
    const data: ConflictDialogData = {
      rows: this.compareRows(mine, theirs),
      titleKey: 'users.conflict.title',
      messageKey: 'users.conflict.message',
    };
    askConflict(this.dialog, data, this.localeService.dir()).subscribe((choice) => {
      this.result = theirs;
      if (choice === 'theirs') {
        this.load(theirs);
        this.server.clear();
      } else if (choice === 'mine') {
        this.update({ ...mine, version: theirs.version });
      } else {
        this.baseVersion = theirs.version;
        this.server.show('users.conflict.title');
      }
    });
  }

  /** Their current values beside mine, in the reader's words. */
  compareRows(mine: EditValues, theirs: UserView): ConflictRow[] {
    const t = (key: string) => this.translate.instant(key) as string;
    const institution = (code: string | null | undefined) =>
      code ? (this.institutionOptions().find((i) => i.code === code)?.name ?? code) : '';
    const yesNo = (value: boolean | undefined) => (value === undefined ? '' : t(value ? 'common.yes' : 'common.no'));
    return [
      {
        labelKey: 'users.displayName',
        theirs: theirs.displayName,
        mine: mine.displayName ?? '',
        differs: theirs.displayName !== mine.displayName,
      },
      {
        labelKey: 'users.role',
        theirs: t(ROLE_LABEL_KEYS[theirs.role]),
        mine: mine.role ? t(ROLE_LABEL_KEYS[mine.role]) : '',
        differs: theirs.role !== mine.role,
      },
      {
        labelKey: 'users.institution',
        theirs: institution(theirs.institution?.code),
        mine: institution(mine.institutionCode),
        differs: (theirs.institution?.code ?? null) !== (mine.institutionCode ?? null),
      },
      {
        labelKey: 'users.language',
        theirs: t(LANGUAGE_KEYS[theirs.preferredLocale]),
        mine: mine.preferredLocale ? t(LANGUAGE_KEYS[mine.preferredLocale]) : '',
        differs: theirs.preferredLocale !== mine.preferredLocale,
      },
      {
        labelKey: 'users.active',
        theirs: yesNo(theirs.active),
        mine: yesNo(mine.active),
        differs: theirs.active !== mine.active,
      },
    ];
  }

  private values(): EditValues {
    const v = this.form.getRawValue();
    return {
      displayName: v.displayName.trim(),
      role: v.role,
      institutionCode: isInstitutionScoped(v.role) ? v.institutionCode || null : null,
      preferredLocale: v.preferredLocale,
      active: v.active,
    };
  }

  private load(user: UserView): void {
    this.baseVersion = user.version;
    this.form.reset({
      email: user.email,
      displayName: user.displayName,
      role: user.role,
      institutionCode: user.institution?.code ?? '',
      preferredLocale: user.preferredLocale,
      active: user.active,
    });
  }
}

function isUser(value: unknown): value is UserView {
  return isVersioned<UserView>(value, 'role');
}
