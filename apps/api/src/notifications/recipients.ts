import type { EntityManager } from 'typeorm';

/**
 * Who receives what: account ids, read with the caller's transaction so the message commits
 * (or not) with the event that causes it.
 */
const ids = (rows: { id: string }[]) => rows.map((row) => row.id);

/** The open-data officers (ROD) and data managers (GdD) with an account in these administrations. */
export async function officerAccounts(manager: EntityManager, institutionIds: readonly string[]): Promise<string[]> {
  if (institutionIds.length === 0) return [];
  return ids(
    await manager.query(
      `SELECT id FROM users
        WHERE active AND role IN ('OFFICER', 'DATA_MANAGER') AND institution_id = ANY($1::uuid[])
        ORDER BY id`,
      [institutionIds],
    ),
  );
}

/** ADD's coordinators. */
export async function coordinatorAccounts(manager: EntityManager): Promise<string[]> {
  return ids(await manager.query(`SELECT id FROM users WHERE active AND role = 'COORDINATOR' ORDER BY id`));
}

/** The accounts of the committee's representatives sitting on that day (optionally only one position). */
export async function representativeAccounts(
  manager: EntityManager,
  day: string,
  position?: 'chair' | 'secretary' | 'member',
): Promise<string[]> {
  return ids(
    await manager.query(
      `SELECT DISTINCT u.id FROM committee_representatives r
         JOIN committee_members m ON m.id = r.member_id
         JOIN users u ON u.id = r.user_id AND u.active
        WHERE r.from_on <= $1 AND (r.to_on IS NULL OR r.to_on >= $1)
          AND m.joined_on <= $1 AND (m.left_on IS NULL OR m.left_on >= $1)
          AND ($2::text IS NULL OR r.position = $2)
        ORDER BY u.id`,
      [day, position ?? null],
    ),
  );
}
