import { Injectable } from '@nestjs/common';
import { TenantContext, TenantDb, type TenantTransaction } from '@poa/db';
import {
  defaultPlaybook,
  isViolationType,
  mergeEvidence,
  VIOLATION_TYPE_KEYS,
  violationTypeInfo,
  type Playbook,
  type ViolationType,
} from '@poa/domain';
import { iso } from '../common/pagination';
import { AppError } from '../core/errors';
import { AuditService } from '../identity/audit/audit.service';
import { PlaybooksRepository, type StoredPlaybookRow } from './playbooks.repository';
import type { PlaybookInput } from './playbooks.schemas';

function playbookOf(row: StoredPlaybookRow | undefined, type: ViolationType): Playbook {
  if (!row) return defaultPlaybook(type);
  return { starterDraft: row.starter_draft, evidence: row.evidence, deadlineHours: row.deadline_hours, guidance: row.guidance };
}

function view(type: ViolationType, row: StoredPlaybookRow | undefined) {
  const info = violationTypeInfo(type);
  return {
    violationType: type,
    label: info.label,
    path: info.path,
    customised: !!row,
    ...playbookOf(row, type),
    updatedAt: iso(row?.updated_at ?? null),
  };
}

function knownType(violationType: string): ViolationType {
  if (!isViolationType(violationType)) throw AppError.notFound('Violation type');
  return violationType;
}

/** What a new case starts from: the agency's copy of a violation type's playbook, or the built-in default. */
export interface CasePlaybook {
  starterDraft: Playbook['starterDraft'];
  evidence: Playbook['evidence'];
  deadlineHours: number;
}

/** Playbooks per violation type: built-in defaults (libs/domain), replaced per agency by an admin's copy. */
@Injectable()
export class PlaybooksService {
  constructor(
    private readonly db: TenantDb,
    private readonly playbooks: PlaybooksRepository,
    private readonly audit: AuditService,
  ) {}

  async list() {
    const rows = new Map((await this.playbooks.list()).map((r) => [r.violation_type, r]));
    return { data: VIOLATION_TYPE_KEYS.map((type) => view(type, rows.get(type))) };
  }

  async get(violationType: string) {
    const type = knownType(violationType);
    return view(type, await this.playbooks.get(type));
  }

  async update(violationType: string, input: PlaybookInput) {
    const type = knownType(violationType);
    const { actor } = TenantContext.require();
    return this.db.transaction(async (tx) => {
      const row = await this.playbooks.upsert(tx, type, input, actor.kind === 'user' ? actor.id : null);
      await this.audit.record(tx, { type: 'settings.playbook_changed', metadata: { violationType: type } });
      return view(type, row);
    });
  }

  async reset(violationType: string) {
    const type = knownType(violationType);
    return this.db.transaction(async (tx) => {
      await this.playbooks.remove(tx, type);
      await this.audit.record(tx, { type: 'settings.playbook_reset', metadata: { violationType: type } });
      return view(type, undefined);
    });
  }

  /**
   * The playbook of a new case with these issue types: the first type's starter draft and deadline, and the evidence
   * of every type (the first type's items first, each key once).
   */
  async forNewCase(tx: TenantTransaction, types: readonly ViolationType[]): Promise<CasePlaybook> {
    const distinct = [...new Set(types)];
    const playbooks = await Promise.all(distinct.map(async (type) => playbookOf(await this.playbooks.getIn(tx, type), type)));
    const [first] = playbooks;
    return {
      starterDraft: first.starterDraft,
      evidence: mergeEvidence(playbooks.map((p) => p.evidence)),
      deadlineHours: first.deadlineHours,
    };
  }

  /** Gives the new case its copy: later edits of the playbook never change it. */
  async copyToCase(tx: TenantTransaction, caseId: string, playbook: CasePlaybook): Promise<void> {
    await this.playbooks.copyToCase(tx, caseId, playbook.starterDraft, playbook.evidence);
  }
}
