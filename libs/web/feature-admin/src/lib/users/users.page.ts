import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router } from '@angular/router';
import { pickText, ROLES, type ResetLinkView, type Role, type UserView } from '@marsad/contracts';
import { ApiError, apiResource, LocaleService, SessionService, UsersApi } from '@marsad/web/data-access';
import {
  EmptyState,
  FilterBar,
  FilterSelect,
  keyedOptions,
  LoadingIndicator,
  LocaleDatePipe,
  ROLE_LABEL_KEYS,
} from '@marsad/web/ui';
import { ConfirmDialog, type ConfirmDialogData } from '@marsad/web/ui/forms';
import { Pager } from '@marsad/web/ui/audit';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { ResetLinkDialog, type ResetLinkDialogData } from './reset-link-dialog';
import { UserFormDialog, type UserFormDialogData, type UserFormDialogResult } from './user-form-dialog';
import { LANGUAGE_KEYS } from './user-labels';

export const USERS_PAGE_SIZE = 20;

/** Accounts: search, filter by role, create, edit, deactivate, issue password links. */
@Component({
  selector: 'msd-users-page',
  imports: [
    FormsModule,
    TranslatePipe,
    MatButton,
    MatFormField,
    MatLabel,
    MatInput,
    FilterBar,
    FilterSelect,
    EmptyState,
    LoadingIndicator,
    LocaleDatePipe,
    Pager,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './users.page.html',
  styleUrl: './users.page.scss',
})
export class UsersPage {
  // Filters live in the URL, so a filtered list can be shared and survives a reload.
  readonly q = input<string | undefined>();
  readonly role = input<string | undefined>();
  readonly page = input<string | undefined>();

  private readonly api = inject(UsersApi);
  private readonly router = inject(Router);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly translate = inject(TranslateService);
  private readonly localeService = inject(LocaleService);
  protected readonly locale = this.localeService.locale;
  protected readonly roleOptions = keyedOptions(ROLES, ROLE_LABEL_KEYS);
  protected readonly roleKeys = ROLE_LABEL_KEYS;
  protected readonly languageKeys = LANGUAGE_KEYS;
  protected readonly pageSize = USERS_PAGE_SIZE;
  /** The API refuses to deactivate one's own account: don't offer it. */
  private readonly session = inject(SessionService);
  protected readonly myId = computed(() => this.session.user()?.id ?? null);

  protected readonly search = signal('');
  protected readonly query = computed(() => ({
    q: (this.q() ?? '').trim(),
    role: (ROLES as readonly string[]).includes(this.role() ?? '') ? (this.role() as Role) : ('' as const),
    page: Math.max(1, Number(this.page()) || 1),
    pageSize: USERS_PAGE_SIZE,
  }));
  protected readonly users = apiResource({ params: () => this.query(), stream: ({ params }) => this.api.list(params) });

  constructor() {
    effect(() => this.search.set(this.q() ?? ''));
  }

  protected institutionName(user: UserView): string {
    return user.institution ? (pickText(user.institution.name, this.locale())?.text ?? user.institution.code) : '';
  }

  protected applySearch(): void {
    this.navigate({ q: this.search().trim() || null, page: null });
  }

  protected setRole(role: string): void {
    this.navigate({ role: role || null, page: null });
  }

  protected goTo(page: number): void {
    this.navigate({ page: page > 1 ? page : null });
  }

  protected create(): void {
    this.openForm({ mode: 'create' });
  }

  protected edit(user: UserView): void {
    this.openForm({ mode: 'edit', user });
  }

  protected async setActive(user: UserView, active: boolean): Promise<void> {
    if (!active) {
      const confirmed = await new Promise<boolean>((resolve) =>
        this.dialog
          .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, {
            data: {
              title: this.translate.instant('users.deactivate.title', { name: user.displayName }),
              message: this.translate.instant('users.deactivate.message', { name: user.displayName }),
              confirm: this.translate.instant('users.deactivate.confirm'),
              cancel: this.translate.instant('common.cancel'),
            },
            direction: this.localeService.dir(),
          })
          .afterClosed()
          .subscribe((result) => resolve(result === true)),
      );
      if (!confirmed) return;
    }
    this.api.update(user.id, { version: user.version, active }).subscribe({
      next: (updated) => {
        this.snackBar.open(
          this.translate.instant(active ? 'users.reactivated' : 'users.deactivated', { name: updated.displayName }),
          undefined,
          { duration: 4000 },
        );
        this.users.reload();
      },
      error: (error: ApiError) => {
        // Someone changed the account meanwhile: show the list as it is now and let the admin decide again.
        this.snackBar.open(this.translate.instant(error.messageKey), undefined, { duration: 6000 });
        this.users.reload();
      },
    });
  }

  protected issueLink(user: UserView): void {
    this.api.issueResetLink(user.id).subscribe({
      next: (link: ResetLinkView) => {
        this.dialog.open<ResetLinkDialog, ResetLinkDialogData>(ResetLinkDialog, {
          data: { user, link },
          direction: this.localeService.dir(),
          maxWidth: '95vw',
          width: '36rem',
        });
      },
      error: (error: ApiError) =>
        this.snackBar.open(this.translate.instant(error.messageKey), undefined, { duration: 6000 }),
    });
  }

  private openForm(data: UserFormDialogData): void {
    this.dialog
      .open<UserFormDialog, UserFormDialogData, UserFormDialogResult>(UserFormDialog, {
        data,
        direction: this.localeService.dir(),
        maxWidth: '95vw',
        width: '36rem',
        disableClose: true,
        autoFocus: 'first-tabbable',
      })
      .afterClosed()
      .subscribe((result) => {
        if (!result) return;
        if (data.mode === 'edit')
          this.snackBar.open(this.translate.instant('users.saved'), undefined, { duration: 4000 });
        this.users.reload();
      });
  }

  private navigate(queryParams: Record<string, string | number | null>): void {
    void this.router.navigate([], { queryParams, queryParamsHandling: 'merge' });
  }
}
