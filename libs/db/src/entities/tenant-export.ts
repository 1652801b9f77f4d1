import { Column, Entity, UpdateDateColumn } from 'typeorm';
import { TenantOwned } from './common';

export type TenantExportStatus = 'queued' | 'ready' | 'failed';

/** An owner's request for an archive of all of the agency's data (JSON per table plus its files), built by the worker. */
@Entity('tenant_exports')
export class TenantExport extends TenantOwned {
  @Column('uuid')
  requestedById: string;

  @Column('text', { default: 'queued' })
  status: TenantExportStatus;

  @Column('text', { nullable: true })
  storageKey: string | null;

  @Column('bigint', { nullable: true })
  size: string | null;

  @Column('text', { nullable: true })
  sha256: string | null;

  @Column('text', { nullable: true })
  error: string | null;

  @Column('timestamptz', { nullable: true })
  readyAt: Date | null;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
