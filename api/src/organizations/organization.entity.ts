import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { LocalizedText } from '../common/localized-text';

export const ORGANIZATION_KINDS = ['cso', 'ngo', 'funder', 'network', 'other'] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

/** A partner civil-society organization, NGO or funder. */
@Entity('organizations')
export class Organization {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'jsonb' })
  name: LocalizedText;

  @Column({ type: 'varchar', length: 16 })
  kind: OrganizationKind;

  /** ISO 3166-1 alpha-2, e.g. JO, PS, TN, IQ. */
  @Index()
  @Column({ type: 'char', length: 2 })
  country: string;

  @Column({ type: 'jsonb', default: {} })
  city: LocalizedText;

  @Column({ type: 'jsonb', default: {} })
  description: LocalizedText;

  @Column({ type: 'varchar', length: 300, nullable: true })
  website: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
