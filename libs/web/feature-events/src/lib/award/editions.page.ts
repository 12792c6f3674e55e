import { ChangeDetectionStrategy, Component, computed, effect, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { Permission } from '@marsad/contracts';
import { apiResource, AwardApi, DocumentTitleService, LocaleService, SessionService } from '@marsad/web/data-access';
import {
  DemoBadge,
  EmptyState,
  INSTITUTION_TYPE_KEYS,
  LoadingIndicator,
  LocaleDatePipe,
  LocaleNumberPipe,
  LocalizedTextLangPipe,
  LocalizedTextPipe,
} from '@marsad/web/ui';
import { TranslatePipe } from '@ngx-translate/core';
import { PHASE_KEYS } from './award-labels';
import { AwardTimePipe } from './award-time';

/** The Imtiaz award's editions (open-data category, measure 10): newest first, each with its phase and deadline. */
@Component({
  selector: 'msd-award-editions-page',
  imports: [
    RouterLink,
    TranslatePipe,
    MatButton,
    DemoBadge,
    EmptyState,
    LoadingIndicator,
    LocaleDatePipe,
    LocaleNumberPipe,
    LocalizedTextPipe,
    LocalizedTextLangPipe,
    AwardTimePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './editions.page.html',
  styleUrl: './award.scss',
})
export class AwardEditionsPage {
  private readonly api = inject(AwardApi);
  private readonly session = inject(SessionService);
  protected readonly locale = inject(LocaleService).locale;
  protected readonly canManage = computed(() => this.session.can(Permission.AwardManage));
  protected readonly phaseKeys = PHASE_KEYS;
  protected readonly typeKeys = INSTITUTION_TYPE_KEYS;

  protected readonly editions = apiResource({ stream: () => this.api.editions() });
  protected readonly sorted = computed(() => [...(this.editions.value() ?? [])].sort((a, b) => b.year - a.year));

  constructor() {
    const title = inject(DocumentTitleService);
    effect(() => title.set('award.title'));
  }
}
