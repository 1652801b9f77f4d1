import { Column, CreateDateColumn, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Every tenant-owned table: a uuid id and an indexed tenant_id that row-level security filters on. */
export abstract class TenantOwned {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column('uuid')
  tenantId: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;
}

export type ActorType = 'user' | 'api_key' | 'contact' | 'system';
