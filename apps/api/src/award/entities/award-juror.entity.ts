import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from '../../auth/entities/user.entity';
import { AwardEdition } from './award-edition.entity';

/** An account on an edition's jury, with the administrations it declared a conflict of interest with. */
@Entity({ name: 'award_jurors' })
export class AwardJuror {
  @PrimaryColumn({ name: 'edition_id', type: 'uuid' })
  editionId!: string;

  @ManyToOne(() => AwardEdition, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'edition_id' })
  edition?: AwardEdition;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ name: 'conflict_institution_ids', type: 'uuid', array: true, default: () => "'{}'" })
  conflictInstitutionIds!: string[];
}
