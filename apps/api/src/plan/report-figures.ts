import type { EntityManager } from 'typeorm';
import type { Activity } from './entities/activity.entity';
import { ProgressUpdate } from './entities/progress-update.entity';

/**
 * A report was just validated: when no validated report of the activity is dated later, it sets
 * the activity's official status and progress, and their provenance (who validated, when). A
 * back-dated report stays in the history only. Returns whether the figures changed hands.
 */
export async function applyValidatedReport(
  manager: EntityManager,
  activity: Activity,
  report: ProgressUpdate,
): Promise<boolean> {
  const newer = await manager
    .getRepository(ProgressUpdate)
    .createQueryBuilder('u')
    .where("u.activity_id = :id AND u.state = 'validated' AND u.reported_on > :reportedOn AND u.id <> :self", {
      id: activity.id,
      reportedOn: report.reportedOn,
      self: report.id,
    })
    .getCount();
  if (newer > 0) return false;
  activity.status = report.status;
  activity.progress = report.progress;
  activity.figuresSource = report.isDemo ? 'demo' : 'validated';
  activity.figuresAsOf = report.decidedAt ?? new Date();
  activity.figuresBy = report.decidedByName;
  await manager.save(activity);
  return true;
}
