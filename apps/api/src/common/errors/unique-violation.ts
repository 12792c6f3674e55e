import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { AppException, type RuleViolation } from './app-exception';

/** The name of the unique constraint (or index) a failed statement broke, if any. */
export function violatedConstraint(error: unknown): string | undefined {
  if (!(error instanceof QueryFailedError)) return undefined;
  return (error as QueryFailedError & { driverError?: { constraint?: string } }).driverError?.constraint;
}

/**
 * Runs `work` in one transaction. A unique constraint named in `violations` turns a race
 * into the same clear 400 the service's own check gives; anything else is rethrown.
 */
export async function transactionMappingUniqueViolations<T>(
  dataSource: DataSource,
  violations: Record<string, RuleViolation>,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  try {
    return await dataSource.transaction(work);
  } catch (error) {
    const constraint = violatedConstraint(error);
    const violation = constraint ? violations[constraint] : undefined;
    if (violation) throw AppException.validation([violation]);
    throw error;
  }
}
