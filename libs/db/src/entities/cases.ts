import { Column, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { TenantOwned } from './common';

@Entity('clients')
@Index(['tenantId', 'externalId'], { unique: true, where: 'external_id IS NOT NULL' })
@Index(['tenantId', 'name', 'id'])
export class Client extends TenantOwned {
  @Column('text')
  name: string;

  @Column('text', { nullable: true })
  sellerId: string | null;

  @Column('text', { array: true, default: () => `'{}'` })
  marketplaces: string[];

  @Column('text', { nullable: true })
  externalId: string | null;

  @Column('text', { default: '' })
  notes: string;

  @Column('timestamptz', { nullable: true })
  archivedAt: Date | null;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}

@Entity('contacts')
@Index(['tenantId', 'clientId', 'email'], { unique: true })
export class Contact extends TenantOwned {
  @Index()
  @Column('uuid')
  clientId: string;

  @Column('text')
  name: string;

  @Index()
  @Column('text')
  email: string;

  /**
   * Carried in the contact's portal tokens and compared on every portal request: bumped on portal log-out, an
   * e-mail change and the client's archiving, it ends every portal session of the contact at once.
   */
  @Column('int', { default: 0 })
  sessionVersion: number;
}

/** One row per tenant and year; `INSERT ... ON CONFLICT DO UPDATE ... RETURNING` hands out references without gaps or duplicates. */
@Entity('case_counters')
export class CaseCounter {
  @PrimaryColumn('uuid')
  tenantId: string;

  @PrimaryColumn('int')
  year: number;

  @Column('int')
  lastValue: number;
}

@Entity('cases')
@Index(['tenantId', 'reference'], { unique: true })
@Index(['tenantId', 'externalId'], { unique: true, where: 'external_id IS NOT NULL' })
@Index(['tenantId', 'updatedAt', 'id'])
@Index(['tenantId', 'dueAt', 'id'])
@Index(['tenantId', 'status', 'updatedAt'])
@Index(['tenantId', 'clientId'])
// GIN index on (tenant_id, search_text trigrams) created by the CaseSearchUnderRls migration (TypeORM cannot express
// the operator class), used through the case_search policy.
@Index('IDX_cases_tenant_search', { synchronize: false })
export class Case extends TenantOwned {
  @Column('uuid')
  clientId: string;

  @Column('text')
  reference: string;

  @Column('text')
  title: string;

  @Column('text')
  violationType: string;

  @Column('text')
  marketplace: string;

  @Column('text', { array: true, default: () => `'{}'` })
  asins: string[];

  @Column('text', { default: '' })
  noticeText: string;

  @Column('timestamptz')
  noticeReceivedAt: Date;

  @Column('timestamptz')
  dueAt: Date;

  @Column('text', { default: 'intake' })
  status: string;

  /** Submission round: 1 for the first appeal, +1 each time Amazon asks for more or the case is reopened. */
  @Column('int', { default: 1 })
  round: number;

  /** Rounds submitted to Amazon (each mark_submitted). */
  @Column('int', { default: 0 })
  appealsUsed: number;

  /** Until when Amazon holds the seller's funds, when the notice names a hold period. */
  @Column('timestamptz', { nullable: true })
  fundsHoldUntil: Date | null;

  @Column('uuid', { nullable: true })
  assigneeId: string | null;

  @Column('text', { nullable: true })
  externalId: string | null;

  @Column('int', { default: 0 })
  latestVersion: number;

  @Column('uuid', { nullable: true })
  approvedVersionId: string | null;

  /**
   * The problems the notice names: `[{id, violationType, asins, orderIds, note}]`; `violation_type` is the first one's.
   * Kept on the row (not a table): always read and written whole with the case, a handful per case.
   */
  @Column('jsonb', { default: () => `'[]'` })
  issues: Record<string, unknown>[];

  /** How the case is resolved: poa | retraction | listing_fix | compliance_documents (defaults from the first issue). */
  @Column('text', { default: 'poa' })
  path: string;

  /** Retraction tracker (IP complaints): complaint id, rights owner, contact e-mail, dates contacted, status. */
  @Column('jsonb', { nullable: true })
  retraction: Record<string, unknown> | null;

  /** The listing changes to make, each confirmed once done. */
  @Column('jsonb', { default: () => `'[]'` })
  listingFixes: Record<string, unknown>[];

  /** The compliance documents to provide, each with its uploaded attachment. */
  @Column('jsonb', { default: () => `'[]'` })
  complianceDocuments: Record<string, unknown>[];

  /** The starter draft of the playbook the case was opened from (null: opened before playbooks; the type's default). */
  @Column('jsonb', { nullable: true })
  starterDraft: Record<string, unknown> | null;
  /**
   * Sentences the draft was started from (an example plan of the agency's library): the checker flags each one still
   * in the draft unedited as template text.
   */
  @Column('text', { array: true, default: () => `'{}'` })
  templateTexts: string[];

  /** Lower-cased reference, title, client name, seller id and ASINs: the one column search looks at (trigram index). */
  @Column('text', { default: '' })
  searchText: string;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}

@Entity('case_rounds')
@Index(['caseId', 'round'], { unique: true })
export class CaseRound extends TenantOwned {
  @Column('uuid')
  caseId: string;

  @Column('int')
  round: number;

  /** What Amazon asked for in the reply that opened this round. */
  @Column('text', { nullable: true })
  amazonRequest: string | null;

  @Column('text', { nullable: true })
  outcome: string | null;

  @Column('text', { nullable: true })
  amazonResponse: string | null;

  @Column('timestamptz', { nullable: true })
  outcomeAt: Date | null;
}

@Entity('draft_versions')
@Index(['caseId', 'version'], { unique: true })
export class DraftVersion extends TenantOwned {
  @Column('uuid')
  caseId: string;

  @Column('int')
  version: number;

  @Column('int')
  round: number;

  @Column('jsonb')
  sections: Record<string, unknown>;

  @Column('text')
  contentSha256: string;

  @Column('text')
  authorType: string;

  @Column('uuid', { nullable: true })
  authorId: string | null;

  @Column('text')
  authorName: string;

  /** The editing session that may still replace this version's content (autosave); null once the session ended. */
  @Column('uuid', { nullable: true })
  sessionId: string | null;

  /** A name given with "Save version". */
  @Column('text', { nullable: true })
  name: string | null;

  /** Last autosave into this version (its content changes while its session lasts). */
  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  updatedAt: Date;
}

@Entity('approvals')
export class Approval extends TenantOwned {
  @Index()
  @Column('uuid')
  caseId: string;

  @Column('uuid')
  draftVersionId: string;

  @Column('int')
  version: number;

  @Column('uuid')
  contactId: string;

  @Column('text')
  contactName: string;

  @Column('text')
  contactEmail: string;

  @Column('text')
  fullName: string;

  @Column('timestamptz')
  approvedAt: Date;

  @Column('text', { nullable: true })
  ip: string | null;

  @Column('text', { nullable: true })
  userAgent: string | null;

  @Column('text')
  contentSha256: string;

  @Column('uuid', { nullable: true })
  recordedById: string | null;

  @Column('text', { nullable: true })
  recordedByName: string | null;

  @Column('text', { nullable: true })
  note: string | null;
}

/** What was sent to Amazon in a round (mark_submitted), frozen: later rounds compare with it. */
@Entity('submissions')
@Index(['caseId', 'submittedAt'])
export class Submission extends TenantOwned {
  @Column('uuid')
  caseId: string;

  @Column('int')
  round: number;

  @Column('uuid')
  draftVersionId: string;

  @Column('int')
  version: number;

  /** The SHA-256 of the version's canonical content (the same fingerprint an approval stores). */
  @Column('text')
  sha256: string;

  @Column('text')
  channel: 'seller_central_form' | 'document_upload' | 'email';

  @Column('timestamptz')
  submittedAt: Date;

  @Column('text')
  submittedByType: string;

  @Column('uuid', { nullable: true })
  submittedById: string | null;

  @Column('text')
  submittedByName: string;

  /** The Seller Central fields as they were laid out when submitted ({key, label, text, characters, limit}[]). */
  @Column('jsonb')
  fields: unknown;
}

@Entity('comments')
@Index(['caseId', 'createdAt'])
export class Comment extends TenantOwned {
  @Column('uuid')
  caseId: string;

  @Column('uuid', { nullable: true })
  parentId: string | null;

  @Column('text')
  authorType: string;

  @Column('uuid', { nullable: true })
  authorId: string | null;

  @Column('text')
  authorName: string;

  @Column('text')
  body: string;

  @Column('text')
  visibility: 'internal' | 'shared';

  @Column('int', { nullable: true })
  version: number | null;

  @Column('text', { nullable: true })
  section: string | null;
}

@Entity('case_events')
@Index(['caseId', 'createdAt'])
export class CaseEvent extends TenantOwned {
  @Column('uuid')
  caseId: string;

  @Column('text')
  type: string;

  @Column('text')
  actorType: string;

  @Column('uuid', { nullable: true })
  actorId: string | null;

  @Column('text', { nullable: true })
  actorName: string | null;

  @Column('jsonb', { default: () => `'{}'` })
  data: Record<string, unknown>;
}

@Entity('attachments')
export class Attachment extends TenantOwned {
  @Index()
  @Column('uuid')
  caseId: string;

  @Column('text')
  fileName: string;

  @Column('text')
  contentType: string;

  @Column('int')
  size: number;

  @Column('text')
  sha256: string;

  @Column('text')
  storageKey: string;

  @Column('text')
  uploadedByType: string;

  @Column('uuid', { nullable: true })
  uploadedById: string | null;

  /** The evidence item of the case this file provides (`case_evidence.key`), if any. */
  @Column('text', { nullable: true })
  evidenceKey: string | null;
}

/**
 * One item of a case's evidence checklist, copied from its playbook when the case was opened (later playbook edits
 * leave it alone). Provided when an attachment names its key; waived with a reason. `details` holds the structured
 * fields typed beside an invoice or a letter of authorisation.
 */
@Entity('case_evidence')
@Index(['caseId', 'key'], { unique: true })
export class CaseEvidence extends TenantOwned {
  @Column('uuid')
  caseId: string;

  @Column('text')
  key: string;

  @Column('int')
  position: number;

  @Column('text')
  label: string;

  @Column('text', { default: '' })
  proves: string;

  @Column('boolean', { default: true })
  required: boolean;

  @Column('boolean', { default: false })
  askClient: boolean;

  @Column('text', { array: true, default: () => `'{pdf,image}'` })
  accepts: string[];

  /** invoice | authorisation | other */
  @Column('text', { default: 'other' })
  kind: string;

  @Column('text', { nullable: true })
  waivedReason: string | null;

  @Column('timestamptz', { nullable: true })
  waivedAt: Date | null;

  @Column('jsonb', { nullable: true })
  details: Record<string, unknown> | null;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}

/** A tenant's own copy of a violation type's playbook; without a row the built-in default applies. */
@Entity('playbooks')
@Index(['tenantId', 'violationType'], { unique: true })
export class PlaybookRow extends TenantOwned {
  @Column('text')
  violationType: string;

  @Column('jsonb')
  starterDraft: Record<string, unknown>;

  @Column('jsonb')
  evidence: Record<string, unknown>[];

  @Column('int')
  deadlineHours: number;

  @Column('text', { default: '' })
  guidance: string;

  @Column('uuid', { nullable: true })
  updatedById: string | null;

  @UpdateDateColumn({ type: 'timestamptz', precision: 3 })
  updatedAt: Date;
}
