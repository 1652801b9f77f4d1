import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { TenantOwned } from './common';

export interface TenantBranding {
  primaryColor: string;
  logoDataUri: string | null;
  letterhead: string | null;
  paperSize: 'A4' | 'Letter';
}

export const DEFAULT_BRANDING: TenantBranding = { primaryColor: '#1f4e79', logoDataUri: null, letterhead: null, paperSize: 'A4' };

@Entity('tenants')
export class Tenant {
  /** The tenant's own row is protected by RLS on its id. */
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  name: string;

  @Column('jsonb')
  branding: TenantBranding;

  /** Business days a submitted appeal may wait on Amazon before its assignee is prompted to escalate. */
  @Column('int', { default: 5 })
  waitingOnAmazonDays: number;

  /** Seller Central field limits ({limits: {root_cause: n | null, ...}}); Amazon publishes none, so the agency sets them. */
  @Column('jsonb', { default: () => `'{}'` })
  submissionSettings: { limits?: Record<string, number | null> };

  /** When the owner's request to delete the agency falls due: the worker then purges every row and file of it. */
  @Column('timestamptz', { nullable: true })
  deletionScheduledFor: Date | null;

  @Column('uuid', { nullable: true })
  deletionRequestedById: string | null;

  /** Set by the worker when the purge begins: from then on the deletion can no longer be cancelled. */
  @Column('timestamptz', { nullable: true })
  deletionStartedAt: Date | null;
  /** The POA checker's severity per rule ({rules: {blame: 'warning', ...}, maxLength}); a rule left out keeps its default. */
  @Column('jsonb', { default: () => `'{}'` })
  checkerSettings: { rules?: Record<string, string>; maxLength?: number | null };

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}

export type UserStatus = 'active' | 'invited' | 'deactivated';

/**
 * An address may appear in several agencies (a sign-up or invite never says whether it is taken elsewhere), but
 * only one account per address has it confirmed, and only a confirmed account logs in with its password.
 */
@Entity('users')
@Index(['tenantId', 'email'], { unique: true })
@Index(['email'], { unique: true, where: 'email_confirmed_at IS NOT NULL' })
export class User extends TenantOwned {
  @Column('text')
  email: string;

  /** When the owner of the address proved it with the e-mailed link. */
  @Column('timestamptz', { nullable: true })
  emailConfirmedAt: Date | null;

  @Column('text', { nullable: true })
  emailTokenHash: string | null;

  @Column('timestamptz', { nullable: true })
  emailTokenExpiresAt: Date | null;

  @Column('text')
  name: string;

  @Column('text')
  role: string;

  @Column('text', { default: 'active' })
  status: UserStatus;

  @Column('text', { nullable: true })
  passwordHash: string | null;

  /** Bumped on log-out, deactivation and password change: access tokens carrying an older value stop working at once. */
  @Column('int', { default: 0 })
  tokenVersion: number;

  @Column('text', { nullable: true })
  inviteTokenHash: string | null;

  @Column('timestamptz', { nullable: true })
  inviteExpiresAt: Date | null;

  @Column('timestamptz', { nullable: true })
  lastLoginAt: Date | null;

  /** E-mail per reminder kind (`{"overdue": false}`); a kind not named is e-mailed. */
  @Column('jsonb', { default: () => `'{}'` })
  emailPreferences: Record<string, boolean>;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}

@Entity('refresh_tokens')
export class RefreshToken extends TenantOwned {
  @Index()
  @Column('uuid')
  userId: string;

  @Column('text')
  tokenHash: string;

  /** Every token issued from one log-in shares a family; reuse of a rotated token revokes the family. */
  @Index()
  @Column('uuid')
  familyId: string;

  @Column('timestamptz')
  expiresAt: Date;

  @Column('timestamptz', { nullable: true })
  revokedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  rotatedAt: Date | null;
}

@Entity('api_keys')
export class ApiKey extends TenantOwned {
  @Column('text')
  name: string;

  /** Public, recognisable part of the key (poa_xxxxxxxxxx): used for look-up and by secret scanners. */
  @Index({ unique: true })
  @Column('text')
  prefix: string;

  @Column('text')
  keyHash: string;

  @Column('text', { array: true })
  scopes: string[];

  @Column('uuid', { nullable: true })
  createdById: string | null;

  @Column('timestamptz', { nullable: true })
  lastUsedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  revokedAt: Date | null;
}

@Entity('audit_events')
@Index(['tenantId', 'createdAt', 'id'])
export class AuditEvent extends TenantOwned {
  @Column('text')
  type: string;

  @Column('text')
  actorType: string;

  @Column('uuid', { nullable: true })
  actorId: string | null;

  @Column('text', { nullable: true })
  actorLabel: string | null;

  @Column('text', { nullable: true })
  targetType: string | null;

  @Column('uuid', { nullable: true })
  targetId: string | null;

  @Column('text', { nullable: true })
  ip: string | null;

  @Column('jsonb', { default: () => `'{}'` })
  metadata: Record<string, unknown>;
}
