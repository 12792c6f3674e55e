import type { EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { COORDINATOR_CODE } from '../seed/reference-seed.service';
import { todayInMorocco } from '../common/time/today';
import type { ProgressUpdate } from '../plan/entities/progress-update.entity';

/**
 * Marks a report as handed in (submitted, or validated at once for a coordinator's). The first
 * time, it records when, and ties the report to the reporting round then open with its activity
 * in scope, if any: that is the round the report counts for, even when corrected later.
 */
export async function markHandedIn(manager: EntityManager, report: ProgressUpdate, now = new Date()): Promise<void> {
  report.submittedAt = now;
  if (report.firstSubmittedAt) return;
  report.firstSubmittedAt = now;
  const [round] = await manager.query(
    `SELECT r.id FROM reporting_rounds r
       JOIN reporting_round_activities ra ON ra.round_id = r.id AND ra.activity_id = $1
      WHERE r.closed_at IS NULL AND r.opens_on <= $2
      ORDER BY r.opens_on DESC LIMIT 1`,
    [report.activityId, todayInMorocco(now)],
  );
  report.roundId = round?.id ?? null;
}

/**
 * The administration an account reports and confirms for: its own, or ADD for the coordinators
 * (their accounts belong to no administration; they speak for ADD).
 */
export async function reportingInstitutionId(manager: EntityManager, actor: Actor): Promise<string | null> {
  if (actor.institutionId) return actor.institutionId;
  if (actor.role !== 'COORDINATOR') return null;
  const [add] = await manager.query('SELECT id FROM institutions WHERE code = $1', [COORDINATOR_CODE]);
  return add?.id ?? null;
}
