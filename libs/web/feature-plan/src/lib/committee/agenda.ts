import type {
  ActionItemView,
  AgendaItemInput,
  AgendaItemView,
  AgendaProposal,
  PartialLocalizedText,
} from '@marsad/contracts';

/** An agenda item while it is being prepared. */
export interface AgendaRow {
  key: string;
  title: PartialLocalizedText;
  measureNumbers: number[];
  activityCodes: string[];
  /** The action item it follows up, shown with its owner, due date and lateness. */
  actionItem: ActionItemView | null;
  actionItemId: string | null;
}

let nextKey = 0;
const key = () => `row-${nextKey++}`;

/** The proposed agenda: standing items, then every open action item (rolled forward). */
export function rowsFromProposal(proposal: AgendaProposal): AgendaRow[] {
  const items = new Map(proposal.openActionItems.map((i) => [i.id, i]));
  return proposal.items.map((item) => ({
    key: key(),
    title: item.title ?? {},
    measureNumbers: item.measureNumbers ?? [],
    activityCodes: item.activityCodes ?? [],
    actionItemId: item.actionItemId ?? null,
    actionItem: item.actionItemId ? (items.get(item.actionItemId) ?? null) : null,
  }));
}

/** A meeting's agenda as rows, to change it. */
export function rowsFromAgenda(agenda: readonly AgendaItemView[]): AgendaRow[] {
  return [...agenda]
    .sort((a, b) => a.position - b.position)
    .map((item) => ({
      key: key(),
      title: item.title,
      measureNumbers: item.measureNumbers,
      activityCodes: item.activityCodes,
      actionItemId: item.actionItem?.id ?? null,
      actionItem: item.actionItem,
    }));
}

export function newRow(title: PartialLocalizedText, measureNumbers: number[], activityCodes: string[]): AgendaRow {
  return { key: key(), title, measureNumbers, activityCodes, actionItem: null, actionItemId: null };
}

/** Moves a row up (-1) or down (+1); the ends stay where they are. */
export function moveRow(rows: readonly AgendaRow[], index: number, delta: -1 | 1): AgendaRow[] {
  const target = index + delta;
  if (index < 0 || index >= rows.length || target < 0 || target >= rows.length) return [...rows];
  const next = [...rows];
  [next[index], next[target]] = [next[target], next[index]];
  return next;
}

/** The agenda as the API takes it, in order. */
export function toAgendaInput(rows: readonly AgendaRow[]): AgendaItemInput[] {
  return rows.map((row) => ({
    ...(row.title.ar || row.title.fr || row.title.en ? { title: row.title } : {}),
    measureNumbers: row.measureNumbers,
    activityCodes: row.activityCodes,
    actionItemId: row.actionItemId,
  }));
}
