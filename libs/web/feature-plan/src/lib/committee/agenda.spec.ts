import { actionItem } from '../testing/committee-fixtures';
import { moveRow, newRow, rowsFromProposal, toAgendaInput } from './agenda';

describe('preparing an agenda', () => {
  const proposal = {
    items: [
      { title: { fr: 'Avancement du plan', ar: 'تقدم المخطط' }, measureNumbers: [], activityCodes: [] },
      { actionItemId: 'ai-1' },
    ],
    openActionItems: [actionItem({ overdue: true, daysOverdue: 9 })],
  };

  it('starts from the proposal: standing items, then the open action items with their details', () => {
    const rows = rowsFromProposal(proposal);
    expect(rows).toHaveLength(2);
    expect(rows[0].title.fr).toBe('Avancement du plan');
    expect(rows[1].actionItem?.reference).toBe('R2-D1-A1');
    expect(rows[1].actionItem?.daysOverdue).toBe(9);
  });

  it('moves items up and down, and leaves the ends alone', () => {
    const rows = [...rowsFromProposal(proposal), newRow({ fr: 'Divers' }, [], [])];
    expect(moveRow(rows, 2, -1).map((r) => r.title.fr ?? r.actionItemId)).toEqual([
      'Avancement du plan',
      'Divers',
      'ai-1',
    ]);
    expect(moveRow(rows, 0, -1)).toEqual(rows);
    expect(moveRow(rows, 2, 1)).toEqual(rows);
  });

  it('sends the agenda in order, action items by id, titles only where there are some', () => {
    const rows = [newRow({ ar: 'نقطة' }, [3], ['3.1']), ...rowsFromProposal(proposal)];
    expect(toAgendaInput(rows)).toEqual([
      { title: { ar: 'نقطة' }, measureNumbers: [3], activityCodes: ['3.1'], actionItemId: null },
      {
        title: { fr: 'Avancement du plan', ar: 'تقدم المخطط' },
        measureNumbers: [],
        activityCodes: [],
        actionItemId: null,
      },
      { measureNumbers: [], activityCodes: [], actionItemId: 'ai-1' },
    ]);
  });
});
