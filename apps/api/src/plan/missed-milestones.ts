import type { IsoDate, MissedMilestone } from '@marsad/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { daysBetween } from '../common/time/today';

/**
 * Milestones whose due date passed on `day` without being done, on activities still under way
 * (the oldest first): the workbench and the committee's meeting pack list the same ones.
 */
export async function missedMilestones(
  db: DataSource | EntityManager,
  day: IsoDate,
  limit = 20,
): Promise<MissedMilestone[]> {
  const rows = await db.query(
    `SELECT m.id, m.activity_id, a.code, m.title, to_char(m.due_date, 'YYYY-MM-DD') AS due
       FROM milestones m JOIN activities a ON a.id = m.activity_id
      WHERE m.due_date < $1 AND m.done_on IS NULL AND a.status NOT IN ('completed', 'cancelled')
      ORDER BY m.due_date, a.code LIMIT $2`,
    [day, limit],
  );
  return rows.map((row: { id: string; activity_id: string; code: string; title: never; due: string }) => ({
    id: row.id,
    activityId: row.activity_id,
    activityCode: row.code,
    title: row.title,
    dueDate: row.due,
    daysLate: daysBetween(row.due, day),
  }));
}
