import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  OTHER_AUDIENCE_CATEGORIES,
  SIGN_IN_SHEET_MAX_ROWS,
  type InstitutionRef,
  type Locale,
  type OtherAudienceCategory,
  type SignInSheetMatch,
  type SignInSheetPreview,
  type SignInSheetResult,
  type SignInSheetUnmatched,
} from '@marsad/contracts';
import { isEmail } from 'class-validator';
import { DataSource, type EntityManager } from 'typeorm';
import type { SignedInContext } from '../auth/actor';
import { AuditService } from '../audit/audit.service';
import { renderViolation } from '../common/errors/http-exception.filter';
import { normalizeForSearch } from '../common/text/search-normalize.util';
import { checkRows, readImportTable, refuseInvalidRows, type FoundIssue } from '../imports/import-pipeline';
import { writeTable, type ColumnSpec, type TableFormat } from '../imports/table-file.util';
import { SigningKeys } from '../settings/signing-keys';
import { EventsService } from './events.service';

const GUEST_KEY = 'event_guest_key';

/** A sign-in sheet: one row per person who signed. */
export const SIGN_IN_COLUMNS: ColumnSpec[] = [
  { key: 'email', label: { fr: 'E-mail', ar: 'البريد الإلكتروني' } },
  { key: 'name', label: { fr: 'Nom', ar: 'الاسم' } },
  {
    key: 'category',
    label: { fr: 'Catégorie (hors registre)', ar: 'الفئة (خارج السجل)' },
  },
];

/** The spellings a category cell may use: its key, and its French, Arabic and English names. */
const CATEGORY_NAMES: Record<OtherAudienceCategory, string[]> = {
  civil_servants: ['Autres fonctionnaires', 'موظفون آخرون', 'Other civil servants', 'fonctionnaire', 'موظف'],
  students_researchers: [
    'Étudiants et chercheurs',
    'طلبة وباحثون',
    'Students and researchers',
    'étudiant',
    'chercheur',
  ],
  startups_companies: ['Start-up et entreprises', 'مقاولات ناشئة وشركات', 'Start-ups and companies', 'entreprise'],
  civil_society: ['Société civile', 'المجتمع المدني', 'Civil society', 'association'],
  media: ['Médias', 'وسائل الإعلام', 'Media', 'presse'],
};
const CATEGORY_BY_SPELLING = new Map<string, OtherAudienceCategory>(
  OTHER_AUDIENCE_CATEGORIES.flatMap((category) =>
    [category, ...CATEGORY_NAMES[category]].map((spelling) => [normalizeForSearch(spelling), category] as const),
  ),
);

/** The category a cell names (an empty cell: other civil servants), or null when it names none. */
export const signInCategoryOf = (spelled: string): OtherAudienceCategory | null =>
  spelled ? (CATEGORY_BY_SPELLING.get(normalizeForSearch(spelled)) ?? null) : 'civil_servants';

const NAME_MAX = 200;

interface SheetRow {
  row: number;
  email: string;
  name: string;
  category: OtherAudienceCategory;
}

interface SheetPlan {
  matched: SignInSheetMatch[];
  unmatched: (SignInSheetUnmatched & { emailKey: string })[];
}

/**
 * An event's sign-in sheet (CSV or XLSX: email, name, category), through the import pipeline's
 * reader and row checks: officers and data managers in office are matched by email and registered
 * as participants; the others are counted in their category, keeping only a keyed hash of their
 * email (law 09-08) so that importing the sheet again counts nobody twice. All or nothing.
 */
@Injectable()
export class SignInSheetService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsService,
    private readonly audit: AuditService,
    private readonly keys: SigningKeys,
  ) {}

  template(format: TableFormat): Promise<Buffer> {
    return writeTable(format, 'sign-in', SIGN_IN_COLUMNS, [
      ['amina.tazi@example.ma', 'Amina Tazi', ''],
      ['etudiant@example.ma', 'Youssef Alami', 'Étudiants et chercheurs'],
    ]);
  }

  async preview(eventId: string, bytes: Buffer, locale: Locale): Promise<SignInSheetPreview> {
    const manager = this.dataSource.manager;
    await this.events.exists(manager, eventId);
    const { valid, issues, total } = await this.check(bytes);
    const plan = await this.plan(manager, eventId, valid);
    const newCounts = new Map<OtherAudienceCategory, number>();
    for (const row of plan.unmatched)
      if (!row.alreadyCounted) newCounts.set(row.category, (newCounts.get(row.category) ?? 0) + 1);
    return {
      rows: total,
      matched: plan.matched,
      unmatched: plan.unmatched.map(({ emailKey: _key, ...row }) => row),
      issues: issues.map(({ args, ...issue }) => ({
        ...issue,
        message: renderViolation({ field: issue.column, rule: issue.rule, args }, locale).message,
      })),
      adds: {
        registered: new Set(plan.matched.filter((m) => !m.alreadyRegistered).map((m) => m.appointmentId)).size,
        counted: OTHER_AUDIENCE_CATEGORIES.filter((c) => newCounts.has(c)).map((category) => ({
          category,
          count: newCounts.get(category) ?? 0,
        })),
      },
    };
  }

  /** Imports the sheet into the event read at `version`: every row, or none when any is invalid. */
  commit(caller: SignedInContext, eventId: string, version: number, bytes: Buffer): Promise<SignInSheetResult> {
    return this.dataSource.transaction(async (manager) => {
      const event = await this.events.lock(manager, eventId, version, caller.actor);
      const { valid, issues } = await this.check(bytes);
      refuseInvalidRows(issues);
      const plan = await this.plan(manager, eventId, valid);
      const register = [
        ...new Map(plan.matched.filter((m) => !m.alreadyRegistered).map((m) => [m.appointmentId, m])).values(),
      ];
      if (register.length)
        await manager.query(
          `INSERT INTO event_participants (event_id, appointment_id, institution_id, role)
           SELECT $1, a.id, a.institution_id, a.role FROM officer_appointments a WHERE a.id = ANY($2::uuid[])
           ON CONFLICT (event_id, appointment_id) DO NOTHING`,
          [eventId, register.map((m) => m.appointmentId)],
        );
      const guests = plan.unmatched.filter((u) => !u.alreadyCounted);
      const added = new Map<OtherAudienceCategory, number>();
      for (const guest of guests) {
        const [row] = await manager.query(
          `INSERT INTO event_guests (event_id, email_key, category) VALUES ($1, $2, $3)
           ON CONFLICT DO NOTHING RETURNING email_key`,
          [eventId, guest.emailKey, guest.category],
        );
        if (row) added.set(guest.category, (added.get(guest.category) ?? 0) + 1);
      }
      for (const [category, count] of added)
        await manager.query(
          `INSERT INTO event_participant_counts (event_id, category, count) VALUES ($1, $2, $3)
           ON CONFLICT (event_id, category) DO UPDATE SET count = event_participant_counts.count + EXCLUDED.count`,
          [eventId, category, count],
        );
      const counted = [...added.values()].reduce((a, b) => a + b, 0);
      const unchanged = plan.matched.length + plan.unmatched.length - register.length - counted;
      if (register.length || counted) {
        event.updatedAt = new Date();
        await manager.save(event); // a new version: a form read before the import gets 409
        await this.audit.record(manager, caller, {
          action: 'event.sign-in-import',
          entityType: 'event',
          entityId: eventId,
          diff: {
            ...(register.length
              ? { addedAppointments: { before: null, after: register.map((m) => m.appointmentId) } }
              : {}),
            ...(counted ? { counted: { before: null, after: Object.fromEntries(added) } } : {}),
          },
        });
      }
      return {
        registered: register.length,
        counted,
        unchanged,
        event: await this.events.get(eventId, caller.actor, manager),
      };
    });
  }

  private async check(bytes: Buffer) {
    const table = await readImportTable(bytes, SIGN_IN_COLUMNS, ['email'], SIGN_IN_SHEET_MAX_ROWS);
    const seen = new Map<string, number>();
    return checkRows<SheetRow>(table, ({ row, cell, flag }) => {
      const email = cell('email').toLowerCase();
      if (!email) flag('email', 'isNotEmpty');
      else if (!isEmail(email)) flag('email', 'isEmail');
      else if (seen.has(email)) flag('email', 'duplicateRow', [seen.get(email)]);
      else seen.set(email, row);
      const name = cell('name');
      if (name.length > NAME_MAX) flag('name', 'maxLength', [NAME_MAX]);
      const category = signInCategoryOf(cell('category'));
      if (!category) flag('category', 'isIn', [OTHER_AUDIENCE_CATEGORIES.join(', ')]);
      return category ? { row, email, name, category } : null;
    }) as { valid: SheetRow[]; issues: FoundIssue[]; total: number };
  }

  private async plan(manager: EntityManager, eventId: string, rows: SheetRow[]): Promise<SheetPlan> {
    if (rows.length === 0) return { matched: [], unmatched: [] };
    const found: {
      email: string;
      appointment_id: string;
      role: 'ROD' | 'GDD';
      full_name: { ar?: string; fr?: string };
      code: string;
      name: { ar: string; fr: string; en?: string };
      type: string;
      registered: boolean;
    }[] = await manager.query(
      `SELECT lower(a.email) AS email, a.id AS appointment_id, a.role, a.full_name, i.code, i.name, i.type,
              EXISTS (SELECT 1 FROM event_participants p WHERE p.event_id = $2 AND p.appointment_id = a.id) AS registered
         FROM officer_appointments a JOIN institutions i ON i.id = a.institution_id
        WHERE a.status IN ('active', 'interim') AND lower(a.email) = ANY($1::text[])
        ORDER BY a.role DESC, i.code`,
      [rows.map((r) => r.email), eventId],
    );
    const byEmail = new Map<string, typeof found>();
    for (const f of found) byEmail.set(f.email, [...(byEmail.get(f.email) ?? []), f]);
    const matched: SignInSheetMatch[] = [];
    const pending: (SheetRow & { emailKey: string })[] = [];
    for (const row of rows) {
      const appointments = byEmail.get(row.email);
      if (appointments)
        for (const a of appointments)
          matched.push({
            row: row.row,
            email: row.email,
            appointmentId: a.appointment_id,
            role: a.role,
            institution: { code: a.code, name: a.name, type: a.type } as InstitutionRef,
            fullName: { ar: a.full_name.ar ?? null, fr: a.full_name.fr ?? null },
            alreadyRegistered: a.registered,
          });
      else pending.push({ ...row, emailKey: await this.keys.mac(GUEST_KEY, row.email) });
    }
    const counted = new Set<string>(
      pending.length
        ? (
            await manager.query(
              `SELECT email_key FROM event_guests WHERE event_id = $1 AND email_key = ANY($2::text[])`,
              [eventId, pending.map((p) => p.emailKey)],
            )
          ).map((r: { email_key: string }) => r.email_key)
        : [],
    );
    return {
      matched,
      unmatched: pending.map((p) => ({
        row: p.row,
        email: p.email,
        name: p.name,
        category: p.category,
        alreadyCounted: counted.has(p.emailKey),
        emailKey: p.emailKey,
      })),
    };
  }
}
