import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { Permission, pickText, type InstitutionRef, type ReuseView } from '@marsad/contracts';
import { apiResource, DocumentTitleService, LocaleService, ReusesApi, SessionService } from '@marsad/web/data-access';
import { DemoBadge, LoadingIndicator, LocaleDatePipe, LocalizedTextLangPipe, LocalizedTextPipe } from '@marsad/web/ui';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import { ReuseForm } from './reuse-form';
import { REUSE_ORIGIN_KEYS, REUSE_STATUS_GLYPHS, REUSE_STATUS_KEYS, REUSER_TYPE_KEYS } from './reuse-labels';
import { ReuseModeration, type ModerationOutcome } from './reuse-moderation';
import { canPublish, canReject } from './reuse-rules';

/**
 * One reuse: what it is, who made it, the datasets it uses and whose they are, and the hackathon it came
 * from. Coordinators moderate and correct it here.
 */
@Component({
  selector: 'msd-reuse-page',
  imports: [
    RouterLink,
    TranslatePipe,
    MatButton,
    LoadingIndicator,
    DemoBadge,
    LocaleDatePipe,
    LocalizedTextPipe,
    LocalizedTextLangPipe,
    ReuseForm,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './reuse.page.html',
  styleUrl: './reuses.scss',
})
export class ReusePage {
  readonly id = input.required<string>();

  private readonly api = inject(ReusesApi);
  private readonly moderation = inject(ReuseModeration);
  private readonly session = inject(SessionService);
  private readonly snackBar = inject(MatSnackBar);
  private readonly translate = inject(TranslateService);
  protected readonly locale = inject(LocaleService).locale;
  protected readonly moderator = computed(() => this.session.can(Permission.ReuseManage));

  protected readonly typeKeys = REUSER_TYPE_KEYS;
  protected readonly originKeys = REUSE_ORIGIN_KEYS;
  protected readonly statusKeys = REUSE_STATUS_KEYS;
  protected readonly statusGlyphs = REUSE_STATUS_GLYPHS;
  protected readonly canPublish = canPublish;
  protected readonly canReject = canReject;

  protected readonly reuse = apiResource({
    params: () => this.id(),
    stream: ({ params }) => this.api.get(params),
  });

  protected readonly editing = signal(false);
  protected readonly busy = signal(false);
  protected readonly notice = signal<string | null>(null);

  constructor() {
    const title = inject(DocumentTitleService);
    effect(() => {
      const r = this.reuse.value();
      const name = r ? pickText(r.title, this.locale())?.text : null;
      if (name) title.set('reuses.detailTitleNamed', { title: name });
      else title.set('reuses.detailTitle');
    });
  }

  protected name(ref: InstitutionRef): string {
    return pickText(ref.name, this.locale())?.text ?? ref.code;
  }

  protected saved(reuse: ReuseView): void {
    this.editing.set(false);
    this.notice.set(null);
    this.reuse.set(reuse);
    this.snackBar.open(this.translate.instant('reuses.form.saved'), undefined, { duration: 4000 });
  }

  protected async publish(reuse: ReuseView): Promise<void> {
    this.busy.set(true);
    this.settle(await this.moderation.publish(reuse), 'reuses.moderation.published');
  }

  protected async reject(reuse: ReuseView): Promise<void> {
    this.busy.set(true);
    this.settle(await this.moderation.reject(reuse), 'reuses.moderation.rejected');
  }

  private settle(outcome: ModerationOutcome, doneKey: string): void {
    this.busy.set(false);
    switch (outcome.kind) {
      case 'saved':
        this.notice.set(null);
        this.reuse.set(outcome.reuse);
        this.snackBar.open(this.translate.instant(doneKey), undefined, { duration: 4000 });
        return;
      case 'conflict':
        // Someone changed it first: show it as it is now, and say why.
        this.notice.set('reuses.reloaded');
        this.api.get(this.id()).subscribe({ next: (r) => this.reuse.set(r), error: () => this.reuse.reload() });
        return;
      case 'failed':
        this.notice.set(outcome.messageKey);
        return;
      case 'cancelled':
        return;
    }
  }
}
