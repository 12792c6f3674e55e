import { ChangeDetectionStrategy, Component, computed, effect, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import {
  NOTIFICATION_CATEGORIES,
  NOTIFICATION_MODES,
  type FieldError as ApiFieldError,
  type NotificationCategory,
  type NotificationMode,
  type NotificationPreferenceView,
} from '@marsad/contracts';
import { apiResource, ApiError, NotificationsApi } from '@marsad/web/data-access';
import { LoadingIndicator, NOTIFICATION_CATEGORY_KEYS, NOTIFICATION_MODE_KEYS } from '@marsad/web/ui';
import { FieldError, FormAlertBox, ServerForm } from '@marsad/web/ui/forms';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { map, startWith } from 'rxjs';
import { NotificationsNav } from './notifications-nav';

type PreferenceChange = { category: NotificationCategory; mode: NotificationMode };

/** The categories whose mode differs from what the server holds: only those are sent (locked ones never). */
export function preferenceChanges(
  saved: readonly NotificationPreferenceView[],
  values: Partial<Record<NotificationCategory, NotificationMode>>,
): PreferenceChange[] {
  return saved
    .filter((p) => !p.locked && values[p.category] !== undefined && values[p.category] !== p.mode)
    .map((p) => ({ category: p.category, mode: values[p.category] as NotificationMode }));
}

/**
 * How the signed-in person receives each category of messages by e-mail: at once, in a daily or
 * weekly summary, or not at all. The inbox always gets everything; security messages are always
 * e-mailed at once.
 */
@Component({
  selector: 'msd-notification-preferences-page',
  imports: [
    ReactiveFormsModule,
    TranslatePipe,
    MatButton,
    MatFormField,
    MatLabel,
    MatError,
    MatSelect,
    MatOption,
    FieldError,
    FormAlertBox,
    LoadingIndicator,
    NotificationsNav,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './preferences.page.html',
  styleUrl: './notifications.scss',
})
export class NotificationPreferencesPage {
  private readonly api = inject(NotificationsApi);
  private readonly snackBar = inject(MatSnackBar);
  private readonly translate = inject(TranslateService);
  protected readonly categoryKeys = NOTIFICATION_CATEGORY_KEYS;
  protected readonly modeKeys = NOTIFICATION_MODE_KEYS;
  protected readonly modes = NOTIFICATION_MODES;

  protected readonly loaded = apiResource({ stream: () => this.api.preferences() });
  /** What the server holds: as loaded, then as each save answers. */
  protected readonly saved = signal<NotificationPreferenceView[] | null>(null);

  protected readonly form = new FormGroup(
    Object.fromEntries(
      NOTIFICATION_CATEGORIES.map((c) => [c, new FormControl<NotificationMode>('immediate', { nonNullable: true })]),
    ) as Record<NotificationCategory, FormControl<NotificationMode>>,
  );
  /** The changes being sent, to put the API's `preferences.<i>.mode` errors on their category. */
  private sending: PreferenceChange[] = [];
  private readonly server = new ServerForm(this.form, (fields) => this.onCategories(fields));
  protected readonly saving = this.server.saving;
  protected readonly formError = this.server.alert;

  private readonly values = toSignal(
    this.form.valueChanges.pipe(
      startWith(null),
      map(() => this.form.getRawValue()),
    ),
    { requireSync: true },
  );
  protected readonly changes = computed(() => preferenceChanges(this.saved() ?? [], this.values()));

  constructor() {
    effect(() => {
      const loaded = this.loaded.value();
      if (loaded) this.show(loaded);
    });
  }

  protected reset(): void {
    const saved = this.saved();
    if (saved) this.show(saved);
    this.server.clear();
  }

  protected submit(): void {
    const changes = this.changes();
    if (changes.length === 0 || this.saving()) return;
    this.sending = changes;
    this.server.start();
    this.api.updatePreferences({ preferences: changes }).subscribe({
      next: (list) => {
        this.server.done();
        this.show(list);
        this.snackBar.open(this.translate.instant('notifications.preferences.saved'), undefined, { duration: 4000 });
      },
      error: (error: ApiError) => this.server.fail(error),
    });
  }

  private show(list: readonly NotificationPreferenceView[]): void {
    this.saved.set([...list]);
    for (const p of list) {
      const control = this.form.controls[p.category];
      if (!control) continue;
      control.reset(p.mode);
      if (p.locked) control.disable();
      else control.enable();
    }
  }

  private onCategories(fields: readonly ApiFieldError[]): ApiFieldError[] {
    return fields.map((f) => {
      const index = /^preferences\.(\d+)\.mode$/.exec(f.field)?.[1];
      const category = index === undefined ? undefined : this.sending[Number(index)]?.category;
      return category ? { ...f, field: category } : f;
    });
  }
}
