import type { InstitutionRef, InstitutionType } from './institution';
import type { IsoDate } from './plan';

/** ROD: responsable open data (open-data officer); GdD: gestionnaire de données (data manager). */
export const OFFICER_ROLES = ['ROD', 'GDD'] as const;
export type OfficerRole = (typeof OFFICER_ROLES)[number];

/** The roles' names, for texts written outside the web app (e-mails); the same as its translations. */
export const OFFICER_ROLE_NAMES: Record<OfficerRole, { ar: string; fr: string; en: string }> = {
  ROD: { ar: 'مسؤول المعطيات المفتوحة (ROD)', fr: 'Responsable Open Data (ROD)', en: 'Open-data officer (ROD)' },
  GDD: { ar: 'مدبر المعطيات (GdD)', fr: 'Gestionnaire de données (GdD)', en: 'Data manager (GdD)' },
};

export const APPOINTMENT_STATUSES = ['active', 'interim', 'ended'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

/**
 * An appointment of a person as ROD or GdD of an administration. Never deleted:
 * ending one keeps the history. Contact details (email, phone) are personal data
 * (law 09-08): only coordinators and the administration's own people see them;
 * the public sees the name only when the person consented.
 */
export interface AppointmentView {
  id: string;
  institution: InstitutionRef;
  role: OfficerRole;
  status: AppointmentStatus;
  /** null when hidden from this reader (no consent to publish). */
  fullName: { ar: string | null; fr: string | null } | null;
  position: string | null;
  /** null when hidden from this reader. */
  email: string | null;
  phone: string | null;
  publicConsent: boolean;
  appointedOn: IsoDate;
  act: { reference: string | null; date: IsoDate | null; hasDocument: boolean } | null;
  endedOn: IsoDate | null;
  endReason: string | null;
  /** The same email is active in another administration too. */
  emailActiveElsewhere: boolean;
  version: number;
  updatedAt: string;
}

export interface CreateAppointmentRequest {
  role: OfficerRole;
  status?: Exclude<AppointmentStatus, 'ended'>;
  fullName: { ar?: string; fr?: string };
  email: string;
  phone?: string | null;
  position?: string | null;
  publicConsent?: boolean;
  appointedOn: IsoDate;
  actReference?: string | null;
  actDate?: IsoDate | null;
}

export interface UpdateAppointmentRequest {
  version: number;
  status?: Exclude<AppointmentStatus, 'ended'>;
  fullName?: { ar?: string; fr?: string };
  email?: string;
  phone?: string | null;
  position?: string | null;
  publicConsent?: boolean;
  appointedOn?: IsoDate;
  actReference?: string | null;
  actDate?: IsoDate | null;
}

export interface EndAppointmentRequest {
  version: number;
  endedOn: IsoDate;
  reason: string;
}

/** Appointing acts: PDF or image, checked from the bytes. */
export const APPOINTMENT_ACT_CONTENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;
export const APPOINTMENT_ACT_MAX_BYTES = 5 * 1024 * 1024;

export interface CoverageCounts {
  total: number;
  withRod: number;
  withGdd: number;
  withBoth: number;
}

/**
 * GET /api/v1/coverage: which administrations have named their officers. An
 * administration "has a ROD" (or GdD) when an appointment is active or interim.
 */
export interface CoverageReport extends CoverageCounts {
  byType: (CoverageCounts & { type: InstitutionType })[];
  byRegion: (CoverageCounts & { region: InstitutionRef })[];
  /** Administrations missing a ROD or a GdD (first 200; the registry filters give the rest). */
  vacancies: { total: number; items: { institution: InstitutionRef; missing: OfficerRole[] }[] };
  /** Appointments made each month (ended ones included: they were made then). */
  appointmentsByMonth: { month: string; rod: number; gdd: number }[];
}

/** One problem in an imported file: where, which rule, what was there. */
export interface ImportIssue {
  /** Row number as the spreadsheet shows it (the header is row 1). */
  row: number;
  column: string;
  rule: string;
  value: string;
  message: string;
}

/** What an import would do. Nothing is written by a preview. */
export interface ImportPreview {
  rows: number;
  valid: number;
  issues: ImportIssue[];
  create: number;
  update: number;
  unchanged: number;
}

export interface ImportResult {
  created: number;
  updated: number;
  unchanged: number;
}
