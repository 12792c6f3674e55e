import { ROLE_PERMISSIONS, type Role, type SessionUser } from '@marsad/contracts';
import { MEF, actionItem } from '../testing/committee-fixtures';
import { actionItemRequest } from './action-item-card';
import { actionItemPowers, lateDays } from './action-item-rules';
import { actionItemQuery, sortActionItems } from './action-items.page';
import { decisionRequest } from './decision-form';

const user = (role: Role, institution: string | null = null): SessionUser => ({
  id: 'u',
  email: 'x@test.ma',
  displayName: 'X',
  role,
  institution: institution ? { ...MEF, code: institution } : null,
  preferredLocale: 'fr',
  permissions: [...ROLE_PERMISSIONS[role]],
});

describe('who may move an action item', () => {
  it("lets the owner's officers add notes, start and close it, but not drop it or move its due date", () => {
    expect(actionItemPowers(actionItem(), user('OFFICER', 'MEF'))).toEqual({
      note: true,
      start: true,
      done: true,
      drop: false,
      reopen: false,
      moveDue: false,
    });
  });

  it("gives nothing to another administration's officers, to the committee, or when signed out", () => {
    const none = { note: false, start: false, done: false, drop: false, reopen: false, moveDue: false };
    expect(actionItemPowers(actionItem(), user('OFFICER', 'HCP'))).toEqual(none);
    expect(actionItemPowers(actionItem(), user('COMMITTEE'))).toEqual(none);
    expect(actionItemPowers(actionItem(), null)).toEqual(none);
  });

  it('lets coordinators drop an item still to do or move its due date, and reopen a closed one', () => {
    const coordinator = user('COORDINATOR');
    expect(actionItemPowers(actionItem({ status: 'in_progress' }), coordinator)).toMatchObject({
      start: false,
      done: true,
      drop: true,
      moveDue: true,
      reopen: false,
    });
    expect(actionItemPowers(actionItem({ status: 'done' }), coordinator)).toEqual({
      note: false,
      start: false,
      done: false,
      drop: false,
      reopen: true,
      moveDue: false,
    });
    expect(actionItemPowers(actionItem({ status: 'dropped' }), user('OFFICER', 'MEF')).reopen).toBe(false);
  });

  it('shows lateness as the API counts it, and only when it says the item is overdue', () => {
    expect(lateDays(actionItem({ overdue: true, daysOverdue: 12 }))).toBe(12);
    expect(lateDays(actionItem({ overdue: false, daysOverdue: 0 }))).toBeNull();
  });
});

describe('the request an action item move sends', () => {
  const item = actionItem({ version: 7 });
  const input = { note: '', evidence: '', dueOn: '' };

  it('needs closing evidence to close an item', () => {
    expect(actionItemRequest(item, 'done', input)).toEqual({ missing: 'committee.items.evidenceRequired' });
    expect(actionItemRequest(item, 'done', { ...input, evidence: ' PV publié ', note: 'Fait' })).toEqual({
      version: 7,
      note: 'Fait',
      status: 'done',
      closingEvidence: 'PV publié',
    });
  });

  it('sends a note alone, and refuses an empty one', () => {
    expect(actionItemRequest(item, 'note', { ...input, note: '  ' })).toEqual({
      missing: 'committee.items.noteRequired',
    });
    expect(actionItemRequest(item, 'note', { ...input, note: 'Réunion tenue avec la DEPF' })).toEqual({
      version: 7,
      note: 'Réunion tenue avec la DEPF',
    });
  });

  it('maps start, drop and reopen to their status, and a due date move to dueOn', () => {
    expect(actionItemRequest(item, 'start', input)).toEqual({ version: 7, status: 'in_progress' });
    expect(actionItemRequest(item, 'drop', input)).toEqual({ version: 7, status: 'dropped' });
    expect(actionItemRequest(item, 'reopen', input)).toEqual({ version: 7, status: 'open' });
    expect(actionItemRequest(item, 'moveDue', input)).toEqual({ missing: 'committee.items.dueRequired' });
    expect(actionItemRequest(item, 'moveDue', { ...input, dueOn: '2027-01-31' })).toEqual({
      version: 7,
      dueOn: '2027-01-31',
    });
  });
});

describe('the action items list', () => {
  it('reads the filters from the address, ignoring unknown values', () => {
    expect(actionItemQuery('open', 'MEF', 'true')).toEqual({ status: 'open', owner: 'MEF', overdue: true });
    expect(actionItemQuery('done')).toEqual({ status: 'done' });
    expect(actionItemQuery('nonsense', '', 'false')).toEqual({});
  });

  it('puts overdue items first, the most overdue on top, then by due date', () => {
    const sorted = sortActionItems([
      actionItem({ id: 'a', reference: 'A', dueOn: '2027-01-01' }),
      actionItem({ id: 'b', reference: 'B', overdue: true, daysOverdue: 3, dueOn: '2026-12-01' }),
      actionItem({ id: 'c', reference: 'C', dueOn: '2026-12-20' }),
      actionItem({ id: 'd', reference: 'D', overdue: true, daysOverdue: 40, dueOn: '2026-10-25' }),
    ]);
    expect(sorted.map((i) => i.id)).toEqual(['d', 'b', 'c', 'a']);
  });
});

describe('recording a decision', () => {
  const base = {
    textFr: 'Le MEF publie',
    textAr: '',
    decidedOn: '2026-12-10',
    measureNumbers: [4],
    activityCodes: ['4.1'],
  };
  const item = { textFr: 'Publier', textAr: '', ownerCode: 'MEF', ownerPerson: ' DEPF ', dueOn: '2027-03-31' };

  it('sends the decision with its action items, text trimmed, in the languages given', () => {
    expect(decisionRequest({ ...base, items: [item] })).toEqual({
      text: { fr: 'Le MEF publie' },
      decidedOn: '2026-12-10',
      measureNumbers: [4],
      activityCodes: ['4.1'],
      actionItems: [{ text: { fr: 'Publier' }, ownerCode: 'MEF', ownerPerson: 'DEPF', dueOn: '2027-03-31' }],
    });
  });

  it('refuses a decision without text, or an action item without owner, due date or text', () => {
    expect(decisionRequest({ ...base, textFr: ' ', items: [] })).toBeNull();
    expect(decisionRequest({ ...base, items: [{ ...item, ownerCode: '' }] })).toBeNull();
    expect(decisionRequest({ ...base, items: [{ ...item, dueOn: '' }] })).toBeNull();
    expect(decisionRequest({ ...base, items: [{ ...item, textFr: '' }] })).toBeNull();
  });
});
