import { isInstitutionScoped } from '@marsad/contracts';
import type { Actor } from '../auth/actor';

/**
 * Who may see what of an officer (law 09-08). One place, read by the officers'
 * views, their exports and the audit trail, so that they cannot drift apart.
 */

/** What the rules need to know of an appointment: whose it is, and whether the person consented. */
export interface AppointmentPrivacy {
  institutionId: string;
  publicConsent: boolean;
}

/** Contacts (email, phone) are for the coordinators and the administration's own people (law 09-08). */
export function maySeeContacts(actor: Actor | null, institutionId: string): boolean {
  if (!actor) return false;
  if (actor.role === 'COORDINATOR') return true;
  return isInstitutionScoped(actor.role) && actor.institutionId === institutionId;
}

/** Names: as contacts, plus the steering committee; the public only with the person's consent. */
export function maySeeName(actor: Actor | null, appointment: AppointmentPrivacy): boolean {
  return appointment.publicConsent || maySeeContacts(actor, appointment.institutionId) || actor?.role === 'COMMITTEE';
}

export type AppointmentFieldRule = 'public' | 'name' | 'contacts';

/**
 * The rule that guards each field of an appointment, by the name the field has in
 * the views and in the audit trail's diffs (written by hand, by the import and by
 * an act upload). A field missing here is treated as a contact: add new fields.
 */
export const APPOINTMENT_FIELD_RULES: Readonly<Record<string, AppointmentFieldRule>> = {
  institution: 'public',
  role: 'public',
  status: 'public',
  publicConsent: 'public',
  appointedOn: 'public',
  endedOn: 'public',
  via: 'public',
  fullName: 'name',
  position: 'name',
  email: 'contacts',
  phone: 'contacts',
  actReference: 'contacts',
  actDate: 'contacts',
  actDocument: 'contacts',
  endReason: 'contacts',
};

/** The rule of a field (an unknown field counts as a contact). */
export function appointmentFieldRule(field: string): AppointmentFieldRule {
  return Object.hasOwn(APPOINTMENT_FIELD_RULES, field) ? APPOINTMENT_FIELD_RULES[field] : 'contacts';
}

/** Whether `actor` may see this field of the appointment. */
export function maySeeAppointmentField(actor: Actor | null, appointment: AppointmentPrivacy, field: string): boolean {
  const rule = appointmentFieldRule(field);
  if (rule === 'public') return true;
  return rule === 'name' ? maySeeName(actor, appointment) : maySeeContacts(actor, appointment.institutionId);
}
