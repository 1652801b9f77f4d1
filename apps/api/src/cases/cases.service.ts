import { Injectable } from '@nestjs/common';
import { TenantContext, TenantDb, type TenantTransaction } from '@poa/db';
import { availableActions, defaultPath, formatCaseReference, hasRoleAtLeast, parseNoticeIssues, type CaseStatus } from '@poa/domain';
import { emitWebhookEvent, scheduleCaseReminders } from '@poa/jobs';
import { isUniqueViolation } from '../common/sql-patterns';
import { timeCursor, toPage } from '../common/pagination';
import { AppError } from '../core/errors';
import { PlaybooksService } from '../playbooks/playbooks.service';
import { CaseEventsService } from './case-events.service';
import { allAsins, issuesForCreate, issuesForUpdate } from './case-issues';
import { caseDetailView, caseSummaryView } from './case-views';
import {
  CasesRepository,
  type CaseChanges,
  type CaseDetailRow,
  type CrmOwnedCase,
  type LockedCase,
  type QueueCaller,
} from './cases.repository';
import type { CaseListQuery, CreateCaseInput, UpdateCaseInput, UpsertCaseInput } from './cases.schemas';
import { currentWorkflowActor } from './workflow-actor';

/** Runs a write that sets external_id; a duplicate becomes a 409 on externalId. */
async function externalIdUnique<T>(write: Promise<T>): Promise<T> {
  try {
    return await write;
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError('CONFLICT', 'Another case has this externalId', [
        { field: 'externalId', message: 'already used by another case' },
      ]);
    throw error;
  }
}

const HOUR = 60 * 60 * 1000;

function endOfUtcDay(): Date {
  const end = new Date();
  end.setUTCHours(23, 59, 59, 999);
  return end;
}

@Injectable()
export class CasesService {
  constructor(
    private readonly db: TenantDb,
    private readonly cases: CasesRepository,
    private readonly events: CaseEventsService,
    private readonly playbooks: PlaybooksService,
  ) {}

  /** Locks the case row for the rest of the transaction: concurrent writers to one case queue up here. */
  async lock(tx: TenantTransaction, caseId: string): Promise<LockedCase> {
    const row = await this.cases.lock(tx, caseId);
    if (!row) throw AppError.notFound('Case');
    return row;
  }

  /** 404 unless the case exists in this tenant (for nested resources read outside a transaction). */
  async assertExists(caseId: string): Promise<void> {
    if (!(await this.cases.exists(caseId))) throw AppError.notFound('Case');
  }

  async get(caseId: string) {
    return this.detailView(await this.cases.detail(caseId));
  }

  /** The case as GET answers it, read inside the caller's transaction (after a change). */
  async detailIn(tx: TenantTransaction, caseId: string) {
    return this.detailView(await this.cases.detailIn(tx, caseId));
  }

  private detailView(row: CaseDetailRow | undefined) {
    if (!row) throw AppError.notFound('Case');
    return caseDetailView(row, this.actionsFor(row.status, row.latest_version > 0));
  }

  private actionsFor(status: CaseStatus, hasDraft: boolean) {
    const actor = TenantContext.require().actor;
    if (actor.kind === 'api_key' && !actor.scopes?.includes('cases:write')) return [];
    return availableActions(status, currentWorkflowActor(), { hasDraft });
  }

  async create(input: CreateCaseInput) {
    return this.db.transaction((tx) => this.createIn(tx, input));
  }

  /**
   * PUT by the CRM's ticket id: the first call creates the case; later ones (from any key or user of the agency)
   * answer it, updating the notice fields that differ. The status, drafts, rounds and assignee are never touched.
   */
  async upsertByExternalId(
    externalId: string,
    input: UpsertCaseInput,
  ): Promise<{ created: boolean; case: Awaited<ReturnType<CasesService['get']>> }> {
    return this.db.transaction(async (tx) => {
      const current = await this.cases.lockByExternalId(tx, externalId);
      if (!current) {
        const created = await this.createIn(tx, { ...input, asins: input.asins ?? [], noticeText: input.noticeText ?? '', externalId });
        return { created: true, case: created };
      }
      if (current.client_id !== input.clientId) {
        throw new AppError('CONFLICT', 'The case with this externalId belongs to another client', [
          { field: 'clientId', message: `the case was opened for client ${current.client_id}` },
        ]);
      }
      const changes = crmChanges(current, input);
      // A new violation type from the CRM is the first issue's; the other issues stay.
      if (changes.violationType) changes.issues = issuesForUpdate(current.issues, { violationType: input.violationType });
      if (await this.cases.update(tx, current.id, changes)) {
        if (changes.title !== undefined || changes.asins !== undefined) await this.cases.refreshSearchText(tx, { caseId: current.id });
        await this.events.record(tx, current.id, 'case.updated', { fields: Object.keys(changes) });
        await scheduleCaseReminders(tx, current.id);
      }
      return { created: false, case: await this.detailIn(tx, current.id) };
    });
  }

  private async createIn(tx: TenantTransaction, input: CreateCaseInput) {
    const issues = issuesForCreate(input);
    const violationType = issues[0].violationType;
    const noticeReceivedAt = new Date(input.noticeReceivedAt);
    const playbook = await this.playbooks.forNewCase(
      tx,
      issues.map((issue) => issue.violationType),
    );
    // The due time: given, else the one the notice names, else the playbook's; the funds hold when the notice names one.
    const notice = input.noticeText ? parseNoticeIssues(input.noticeText, noticeReceivedAt) : null;
    const dueAt = input.dueAt
      ? new Date(input.dueAt)
      : notice?.dueAt
        ? new Date(notice.dueAt)
        : new Date(noticeReceivedAt.getTime() + playbook.deadlineHours * HOUR);
    const fundsHoldUntil = notice?.fundsHoldDays ? new Date(noticeReceivedAt.getTime() + notice.fundsHoldDays * 24 * HOUR) : null;
    const client = await this.cases.lockClient(tx, input.clientId);
    if (!client) throw AppError.validation([{ field: 'clientId', message: 'no such client' }]);
    if (client.archived_at) throw AppError.validation([{ field: 'clientId', message: 'the client is archived' }]);
    if (input.assigneeId) await this.assertAssignee(tx, input.assigneeId);

    const year = new Date().getUTCFullYear();
    const reference = formatCaseReference(year, await this.cases.nextNumber(tx, year));
    const caseId = await externalIdUnique(
      this.cases.insert(tx, {
        clientId: input.clientId,
        reference,
        title: input.title,
        violationType,
        issues,
        path: input.path ?? defaultPath(violationType),
        marketplace: input.marketplace,
        asins: allAsins(input.asins, issues),
        noticeText: input.noticeText,
        noticeReceivedAt,
        dueAt,
        fundsHoldUntil,
        assigneeId: input.assigneeId ?? null,
        externalId: input.externalId ?? null,
      }),
    );
    await this.playbooks.copyToCase(tx, caseId, playbook);
    await this.cases.refreshSearchText(tx, { caseId });
    await scheduleCaseReminders(tx, caseId);
    await this.events.record(tx, caseId, 'case.created', { reference, title: input.title, violationType, issues: issues.length });
    await emitWebhookEvent(tx, 'case.created', caseId);
    return this.detailIn(tx, caseId);
  }

  async update(caseId: string, input: UpdateCaseInput) {
    return this.db.transaction(async (tx) => {
      const locked = await this.lock(tx, caseId);
      const { dueAtReason, ...request } = input;
      if (dueAtReason !== undefined && request.dueAt === undefined)
        throw AppError.validation([{ field: 'dueAtReason', message: 'only with a new dueAt' }]);
      if (request.assigneeId) await this.assertAssignee(tx, request.assigneeId);
      const issues = issuesForUpdate(locked.issues, request);
      const { issues: _sent, ...fields } = request;
      const changes = {
        ...fields,
        ...(issues ? { issues, violationType: issues[0].violationType } : {}),
        ...(issues && request.issues ? { asins: allAsins(request.asins ?? locked.asins, issues) } : {}),
      };
      if (await externalIdUnique(this.cases.update(tx, caseId, changes))) {
        if (request.title !== undefined || changes.asins !== undefined) await this.cases.refreshSearchText(tx, { caseId });
        await this.events.record(tx, caseId, 'case.updated', { fields: Object.keys(request) });
        if (request.dueAt !== undefined && !sameTime(locked.due_at, request.dueAt)) {
          await this.events.record(tx, caseId, 'case.due_changed', {
            from: new Date(locked.due_at).toISOString(),
            to: new Date(request.dueAt).toISOString(),
            reason: dueAtReason ?? null,
          });
        }
        await scheduleCaseReminders(tx, caseId);
      }
      return this.detailIn(tx, caseId);
    });
  }

  /** One page of cases: by last change (newest first) or by due date (soonest first) unless `order` says otherwise. */
  async list(query: CaseListQuery) {
    const sortColumn = query.sort === 'dueAt' ? 'due_at' : 'updated_at';
    const order = query.order ?? (query.sort === 'dueAt' ? 'asc' : 'desc');
    const queues = this.queueCaller();
    const [rows, counts] = await Promise.all([
      this.cases.list(query, sortColumn, order, timeCursor.decode(query.cursor), queues),
      query.counts ? this.cases.counts(query.dayEnd ? new Date(query.dayEnd) : endOfUtcDay(), queues) : undefined,
    ]);
    const page = toPage(rows, query.limit, caseSummaryView, (r) =>
      timeCursor.encode(sortColumn === 'due_at' ? r.due_at : r.updated_at, r.id),
    );
    return counts ? { ...page, counts } : page;
  }

  /** Who the queues are for: a staff member's own cases; only reviewers and above review. */
  private queueCaller(): QueueCaller {
    const actor = TenantContext.require().actor;
    const workflowActor = currentWorkflowActor();
    return {
      userId: actor.kind === 'user' ? actor.id : null,
      reviews: actor.kind === 'user' && workflowActor.kind === 'staff' && hasRoleAtLeast(workflowActor.role, 'reviewer'),
    };
  }

  private async assertAssignee(tx: TenantTransaction, userId: string): Promise<void> {
    if (!(await this.cases.isActiveUser(tx, userId)))
      throw AppError.validation([{ field: 'assigneeId', message: 'no such active user in this agency' }]);
  }
}

const sameTime = (a: Date | string, b: string) => new Date(a).getTime() === new Date(b).getTime();

/** The CRM-owned fields of an upsert that differ from the case (none: nothing is written, no event recorded). */
function crmChanges(current: CrmOwnedCase, input: UpsertCaseInput): CaseChanges {
  const changes: CaseChanges = {};
  if (input.title !== current.title) changes.title = input.title;
  if (input.violationType !== current.violation_type) changes.violationType = input.violationType;
  if (input.marketplace !== current.marketplace) changes.marketplace = input.marketplace;
  if (input.asins !== undefined && input.asins.join(',') !== current.asins.join(',')) changes.asins = input.asins;
  if (input.noticeText !== undefined && input.noticeText !== current.notice_text) changes.noticeText = input.noticeText;
  if (!sameTime(current.notice_received_at, input.noticeReceivedAt)) changes.noticeReceivedAt = input.noticeReceivedAt;
  if (input.dueAt !== undefined && !sameTime(current.due_at, input.dueAt)) changes.dueAt = input.dueAt;
  return changes;
}
