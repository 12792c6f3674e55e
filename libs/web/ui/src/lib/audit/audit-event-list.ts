import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import {
  isLocale,
  NOTIFICATION_CATEGORIES,
  pickText,
  type AuditEventView,
  type InstitutionRef,
  type Locale,
  type Role,
} from '@marsad/contracts';
import { TranslatePipe, TranslateService } from '@ngx-translate/core';
import {
  BLOCKER_LABEL_KEYS,
  HEALTH_LABEL_KEYS,
  REPORT_STATE_LABEL_KEYS,
  ROLE_LABEL_KEYS,
  STATUS_LABEL_KEYS,
} from '../chips/labels';
import { formatFileSize, MSD_LOCALE } from '../locale/msd-locale';
import { EMAIL_STATE_KEYS, NOTIFICATION_MODE_KEYS } from '../notifications/notification-labels';
import { LocaleDatePipe } from '../pipes/locale-format.pipes';
import { activityIdOf, auditActionKey, auditDiffRows, auditEntityKey, type AuditDiffRow } from './audit-format';

const LANGUAGE_KEYS: Record<Locale, string> = { ar: 'language.ar', fr: 'language.fr', en: 'language.en' };
const INSTITUTION_FIELDS = new Set([
  'leadInstitution',
  'leadInstitutionCode',
  'contributors',
  'contributorCodes',
  'institution',
  'institutionCode',
]);
// Values the API writes for secrets it does not keep, and for personal data this reader may not see (AUDIT_REDACTED).
const SECRET_KEYS: Record<string, string> = {
  '[hidden]': 'audit.values.hidden',
  '[changed]': 'audit.values.changed',
  '[redacted]': 'audit.values.redacted',
};

interface EventRow {
  event: AuditEventView;
  actionKey: string | null;
  entityKey: string | null;
  roleKey: string | null;
  institution: string | null;
  activityId: string | null;
  diff: AuditDiffRow[];
}

/** Audit events, newest first: when, who, what, on which entity, and each field before → after. */
@Component({
  selector: 'msd-audit-event-list',
  imports: [RouterLink, TranslatePipe, LocaleDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ol class="events">
      @for (row of rows(); track row.event.id) {
        @let e = row.event;
        <li class="event">
          <div class="event__head">
            <p class="event__action">
              @if (row.actionKey) {
                {{ row.actionKey | translate }}
              } @else {
                <code>{{ e.action }}</code>
              }
            </p>
            <time class="event__when msd-muted" [attr.datetime]="e.occurredAt">{{
              e.occurredAt | msdDate: 'datetime'
            }}</time>
          </div>
          <p class="event__who">
            @if (e.actor; as actor) {
              @if (auditPath(); as path) {
                <a
                  [routerLink]="path"
                  [queryParams]="{ actorId: actor.id }"
                  [attr.title]="'audit.filterActor' | translate"
                  >{{ actor.displayName }}</a
                >
              } @else {
                <strong>{{ actor.displayName }}</strong>
              }
            } @else {
              <strong>{{ 'audit.system' | translate }}</strong>
            }
            @if (row.roleKey) {
              · {{ row.roleKey | translate }}
            }
            @if (row.institution) {
              · {{ row.institution }}
            }
          </p>
          @if (showEntity()) {
            <p class="event__entity">
              <span class="msd-muted"
                >{{ row.entityKey ?? '' | translate }}{{ row.entityKey ? '' : e.entityType }}</span
              >
              @if (row.activityId && activityLink(); as link) {
                <a [routerLink]="link(row.activityId)">{{ 'audit.openActivity' | translate }}</a>
              }
              @if (auditPath(); as path) {
                <a
                  [routerLink]="path"
                  [queryParams]="{ entityType: e.entityType, entityId: e.entityId }"
                  class="event__filter"
                  >{{ 'audit.filterEntity' | translate }}</a
                >
              }
            </p>
          }
          @if (row.diff.length) {
            <div class="msd-table-scroll">
              <table class="msd-table event__diff">
                <caption class="msd-visually-hidden">
                  {{
                    'audit.diffCaption' | translate
                  }}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{{ 'audit.field' | translate }}</th>
                    <th scope="col">{{ 'audit.before' | translate }}</th>
                    <th scope="col"><span class="msd-visually-hidden">→</span>{{ 'audit.after' | translate }}</th>
                  </tr>
                </thead>
                <tbody>
                  @for (d of row.diff; track d.field) {
                    <tr>
                      <th scope="row">
                        @if (d.labelKey) {
                          {{ d.labelKey | translate }}
                        } @else {
                          <code>{{ d.field }}</code>
                        }
                      </th>
                      <td class="event__before">{{ d.before || ('common.none' | translate) }}</td>
                      <td class="event__after">
                        <span aria-hidden="true" class="event__arrow">→</span>
                        {{ d.after || ('common.none' | translate) }}
                      </td>
                    </tr>
                  }
                </tbody>
              </table>
            </div>
          }
        </li>
      }
    </ol>
  `,
  styles: `
    .events {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 0.75rem;
    }
    .event {
      background: #fff;
      border: 1px solid var(--msd-border, #d5dae0);
      border-radius: 10px;
      padding: 0.75rem 1rem;
      min-inline-size: 0;
    }
    .event__head {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      gap: 0.25rem 1rem;
      align-items: baseline;
    }
    .event__action {
      margin: 0;
      font-weight: 700;
    }
    .event__when {
      font-size: 0.85rem;
    }
    .event__who,
    .event__entity {
      margin: 0.25rem 0;
      overflow-wrap: anywhere;
    }
    .event__entity {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 0.75rem;
      font-size: 0.9rem;
    }
    .event__diff {
      margin-block-start: 0.5rem;
    }
    .event__diff th[scope='row'] {
      font-weight: 600;
    }
    .event__before {
      color: var(--msd-muted, #4d5660);
      text-decoration: line-through;
      text-decoration-color: rgb(0 0 0 / 0.3);
    }
    .event__arrow {
      color: var(--msd-muted, #4d5660);
    }
    :host-context([dir='rtl']) .event__arrow {
      display: inline-block;
      transform: scaleX(-1);
    }
    td {
      overflow-wrap: anywhere;
      min-inline-size: 6rem;
    }
  `,
})
export class AuditEventList {
  readonly events = input.required<AuditEventView[]>();
  readonly institutions = input<InstitutionRef[]>([]);
  /** Show the entity line (off inside an activity's own history). */
  readonly showEntity = input(true);
  readonly activityLink = input<((activityId: string) => unknown[]) | null>(null);
  /** Activity codes to ids, to link progress updates (which record the code) to their activity. */
  readonly activityIds = input<Record<string, string>>({});
  /** When set, actors and entities link to the audit page filtered on them. */
  readonly auditPath = input<unknown[] | null>(null);

  private readonly locale = inject(MSD_LOCALE);
  private readonly translate = inject(TranslateService);

  // Texts built in code follow the language once its translations are in.
  private readonly languageLoaded = toSignal(this.translate.onLangChange, { initialValue: null });

  protected readonly rows = computed<EventRow[]>(() => {
    const locale = this.locale();
    this.languageLoaded();
    const t = (key: string) => this.translate.instant(key) as string;
    const activityIds = this.activityIds();
    const institutions = new Map(this.institutions().map((i) => [i.code, pickText(i.name, locale)?.text ?? i.code]));
    const institutionName = (code: unknown) => (typeof code === 'string' ? (institutions.get(code) ?? code) : '');
    const valueKeys = (field: string, value: unknown): string | null => {
      if (typeof value !== 'string') return null;
      if (SECRET_KEYS[value]) return SECRET_KEYS[value];
      if (field === 'status' || field === 'activity.status')
        return STATUS_LABEL_KEYS[value as keyof typeof STATUS_LABEL_KEYS] ?? null;
      if (field === 'health') return HEALTH_LABEL_KEYS[value as keyof typeof HEALTH_LABEL_KEYS] ?? null;
      if (field === 'state')
        return (
          REPORT_STATE_LABEL_KEYS[value as keyof typeof REPORT_STATE_LABEL_KEYS] ??
          EMAIL_STATE_KEYS[value as keyof typeof EMAIL_STATE_KEYS] ??
          null
        );
      if ((NOTIFICATION_CATEGORIES as readonly string[]).includes(field))
        return NOTIFICATION_MODE_KEYS[value as keyof typeof NOTIFICATION_MODE_KEYS] ?? null;
      if (field === 'role') return ROLE_LABEL_KEYS[value as Role] ?? null;
      if (field === 'preferredLocale' && isLocale(value)) return LANGUAGE_KEYS[value];
      if (field === 'via' && value === 'import') return 'audit.values.viaImport';
      return null;
    };
    return this.events().map((event) => {
      const withNames: AuditEventView = {
        ...event,
        diff: Object.fromEntries(
          Object.entries(event.diff ?? {}).map(([field, change]) => {
            if (field === 'blockers' && change) {
              const said = (v: unknown) =>
                Array.isArray(v)
                  ? v.map((b: { category?: string; text?: string }) => {
                      const key = BLOCKER_LABEL_KEYS[b.category as keyof typeof BLOCKER_LABEL_KEYS];
                      return `${key ? t(key) : (b.category ?? '')} — ${b.text ?? ''}`;
                    })
                  : v;
              return [field, { before: said(change.before), after: said(change.after) }];
            }
            if (!INSTITUTION_FIELDS.has(field) || !change) return [field, change];
            const name = (v: unknown) =>
              Array.isArray(v) ? v.map(institutionName) : v == null ? v : institutionName(v);
            return [field, { before: name(change.before), after: name(change.after) }];
          }),
        ),
      };
      return {
        event,
        actionKey: auditActionKey(event.action),
        entityKey: auditEntityKey(event.entityType),
        roleKey: event.role ? (ROLE_LABEL_KEYS[event.role] ?? null) : null,
        institution: event.institutionCode ? institutionName(event.institutionCode) : null,
        activityId: activityIdOf(event, (code) => activityIds[code] ?? null),
        diff: auditDiffRows(withNames, locale, t, valueKeys).map((row) =>
          row.field === 'sizeBytes'
            ? {
                ...row,
                before: formatFileSize(numberOr(event.diff['sizeBytes']?.before), locale),
                after: formatFileSize(numberOr(event.diff['sizeBytes']?.after), locale),
              }
            : row,
        ),
      };
    });
  });
}

function numberOr(value: unknown): number | null {
  return typeof value === 'number' ? value : null;
}
