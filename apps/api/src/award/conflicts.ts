import type { EntityManager } from 'typeorm';

/**
 * The administrations a juror may never see or score (enforced by the server): their own, every
 * administration above it in the registry's parent chain (its supervising ministry, a province's
 * region) and every one below it (the bodies it supervises), and those they declared a conflict with.
 * A juror without an administration has only their declared conflicts.
 */
export async function conflictedInstitutionIds(
  manager: EntityManager,
  juror: { institutionId: string | null; declared: readonly string[] },
): Promise<Set<string>> {
  const ids = new Set(juror.declared);
  if (!juror.institutionId) return ids;
  const rows: { id: string }[] = await manager.query(
    `WITH RECURSIVE up AS (
       SELECT id, parent_id FROM institutions WHERE id = $1
       UNION SELECT i.id, i.parent_id FROM institutions i JOIN up ON i.id = up.parent_id),
     down AS (
       SELECT id FROM institutions WHERE id = $1
       UNION SELECT i.id FROM institutions i JOIN down ON i.parent_id = down.id)
     SELECT id FROM up UNION SELECT id FROM down`,
    [juror.institutionId],
  );
  for (const row of rows) ids.add(row.id);
  return ids;
}
