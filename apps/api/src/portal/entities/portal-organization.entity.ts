import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * An organisation on the CKAN portal. It maps to the administration whose
 * `portal_org_name` is its name (set in the registry or from the unmapped list).
 */
@Entity({ name: 'portal_organizations' })
export class PortalOrganization {
  /** The organisation's name (slug) on the portal. */
  @PrimaryColumn({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ name: 'ckan_id', type: 'varchar', length: 100, nullable: true })
  ckanId!: string | null;

  @Column({ type: 'text' })
  title!: string;

  /** package_count as the portal reported it. */
  @Column({ name: 'package_count', type: 'integer', default: 0 })
  packageCount!: number;

  @Column({ name: 'first_seen_at', type: 'timestamptz', default: () => 'now()' })
  firstSeenAt!: Date;

  @Column({ name: 'last_seen_at', type: 'timestamptz', default: () => 'now()' })
  lastSeenAt!: Date;

  @Column({ name: 'removed_at', type: 'timestamptz', nullable: true })
  removedAt!: Date | null;
}
