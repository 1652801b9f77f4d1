import { Injectable } from '@nestjs/common';
import { sql, TenantContext, TenantDb, type InlineSql, type TenantTransaction } from '@poa/db';
import { availableActions, defaultDueAt, formatCaseReference, type CaseStatus } from '@poa/domain';
import { emitWebhookEvent } from '@poa/jobs';
import { containsPattern, isUniqueViolation } from '../common/sql-patterns';
import { timeCursor, toPage } from '../common/pagination';
import { AppError } from '../core/errors';
import { CaseEventsService } from './case-events.service';
import { ACTIVE_STATUS_LIST, CASE_LIST_COLUMNS, caseDetailSql, caseDetailView, CaseDetailRow, CaseRow, caseSummaryView } from './case-views';
import type { CaseListQuery, CreateCaseInput, UpdateCaseInput } from './cases.schemas';
import { refreshSearchText } from './search-text';
import { currentWorkflowActor } from './workflow-actor';

/** The few columns the write paths check after locking a case row. */
export interface LockedCase {
  id: string;
  client_id: string;
  status: CaseStatus;
  round: number;
  latest_version: number;
  approved_version_id: string | null;
  asins: string[];
  violation_type: string;
}

const externalIdTaken = () => new AppError('CONFLICT', 'Another case has this externalId', [{ field: 'externalId', message: 'already used by another case' }]);

@Injectable()
export class CasesService {
  constructor(
    private readonly db: TenantDb,
    private readonly events: CaseEventsService,
  ) {}

  /** Locks the case row for the rest of the transaction: concurrent writers to one case queue up here. */
  static async lock(tx: TenantTransaction, caseId: string): Promise<LockedCase> {
    const [row] = await tx.query<LockedCase>(
      `SELECT id, client_id, status, round, latest_version, approved_version_id, asins, violation_type FROM cases WHERE id = $1 FOR UPDATE`,
      [caseId],
    );
    if (!row) throw AppError.notFound('Case');
    return row;
  }

  /** 404 unless the case exists in this tenant (for nested resources read outside a transaction). */
  async assertExists(caseId: string): Promise<void> {
    const [row] = await this.db.read(sql.prepared(`SELECT 1 FROM cases WHERE id = $1::uuid`, [caseId]));
    if (!row) throw AppError.notFound('Case');
  }

  async get(caseId: string) {
    return this.detail(caseId, (statement) => this.db.read<CaseDetailRow>(statement));
  }

  /** The case as GET answers it, read inside the caller's transaction (after a change). */
  async detailIn(tx: TenantTransaction, caseId: string) {
    return this.detail(caseId, (statement) => tx.query<CaseDetailRow>(statement.text));
  }

  private async detail(caseId: string, run: (statement: InlineSql) => Promise<CaseDetailRow[]>) {
    const [row] = await run(caseDetailSql(caseId));
    if (!row) throw AppError.notFound('Case');
    return caseDetailView(row, this.actionsFor(row.status, row.latest_version > 0));
  }

  private actionsFor(status: CaseStatus, hasDraft: boolean) {
    const actor = TenantContext.require().actor;
    if (actor.kind === 'api_key' && !actor.scopes?.includes('cases:write')) return [];
    return availableActions(status, currentWorkflowActor(), { hasDraft });
  }

  async create(input: CreateCaseInput) {
    const noticeReceivedAt = new Date(input.noticeReceivedAt);
    const dueAt = input.dueAt ? new Date(input.dueAt) : defaultDueAt(input.violationType, noticeReceivedAt);
    return this.db.transaction(async (tx) => {
      // FOR SHARE: a concurrent delete of the client waits for this case (and then archives instead).
      const [client] = await tx.query<{ archived_at: Date | null }>(`SELECT archived_at FROM clients WHERE id = $1 FOR SHARE`, [input.clientId]);
      if (!client) throw AppError.validation([{ field: 'clientId', message: 'no such client' }]);
      if (client.archived_at) throw AppError.validation([{ field: 'clientId', message: 'the client is archived' }]);
      if (input.assigneeId) await this.assertAssignee(tx, input.assigneeId);

      const year = new Date().getUTCFullYear();
      // The counter row is locked by the upsert until commit: concurrent creations (on any replica) get consecutive numbers.
      const [counter] = await tx.query<{ last_value: number }>(
        `INSERT INTO case_counters (tenant_id, year, last_value) VALUES (current_setting('app.tenant_id')::uuid, $1, 1)
         ON CONFLICT (tenant_id, year) DO UPDATE SET last_value = case_counters.last_value + 1 RETURNING last_value`,
        [year],
      );
      const reference = formatCaseReference(year, counter.last_value);
      let created: { id: string };
      try {
        [created] = await tx.query<{ id: string }>(
          `INSERT INTO cases (tenant_id, client_id, reference, title, violation_type, marketplace, asins, notice_text, notice_received_at, due_at, assignee_id, external_id)
           VALUES (current_setting('app.tenant_id')::uuid, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
          [input.clientId, reference, input.title, input.violationType, input.marketplace, input.asins, input.noticeText, noticeReceivedAt, dueAt, input.assigneeId ?? null, input.externalId ?? null],
        );
      } catch (error) {
        if (isUniqueViolation(error)) throw externalIdTaken();
        throw error;
      }
      await tx.query(`INSERT INTO case_rounds (tenant_id, case_id, round) VALUES (current_setting('app.tenant_id')::uuid, $1, 1)`, [created.id]);
      await refreshSearchText(tx, { caseId: created.id });
      await this.events.record(tx, created.id, 'case.created', { reference, title: input.title, violationType: input.violationType });
      await emitWebhookEvent(tx, 'case.created', created.id);
      return this.detailIn(tx, created.id);
    });
  }

  async update(caseId: string, input: UpdateCaseInput) {
    return this.db.transaction(async (tx) => {
      await CasesService.lock(tx, caseId);
      if (input.assigneeId) await this.assertAssignee(tx, input.assigneeId);
      const sets: string[] = [];
      const params: unknown[] = [caseId];
      const set = (column: string, value: unknown) => {
        params.push(value);
        sets.push(`${column} = $${params.length}`);
      };
      if (input.title !== undefined) set('title', input.title);
      if (input.dueAt !== undefined) set('due_at', new Date(input.dueAt));
      if (input.assigneeId !== undefined) set('assignee_id', input.assigneeId);
      if (input.asins !== undefined) set('asins', input.asins);
      if (input.noticeText !== undefined) set('notice_text', input.noticeText);
      if (input.marketplace !== undefined) set('marketplace', input.marketplace);
      if (input.violationType !== undefined) set('violation_type', input.violationType);
      if (input.externalId !== undefined) set('external_id', input.externalId);
      if (sets.length > 0) {
        try {
          await tx.query(`UPDATE cases SET ${sets.join(', ')}, updated_at = now() WHERE id = $1`, params);
        } catch (error) {
          if (isUniqueViolation(error)) throw externalIdTaken();
          throw error;
        }
        if (input.title !== undefined || input.asins !== undefined) await refreshSearchText(tx, { caseId });
        await this.events.record(tx, caseId, 'case.updated', { fields: Object.keys(input) });
      }
      return this.detailIn(tx, caseId);
    });
  }

  /**
   * Lists one page. Under row-level security a join in the paging query makes the planner sort the whole tenant,
   * so the page of cases is chosen first (ORDER BY + LIMIT on cases alone, keyset cursor) and only then joined.
   */
  async list(query: CaseListQuery) {
    const sortColumn = query.sort === 'dueAt' ? 'due_at' : 'updated_at';
    const order = query.order ?? (query.sort === 'dueAt' ? 'asc' : 'desc');
    const after = timeCursor.decode(query.cursor);
    const conditions: InlineSql[] = [sql`TRUE`];
    if (query.status) conditions.push(sql`c.status = ANY(${query.status}::text[])`);
    if (query.clientId) conditions.push(sql`c.client_id = ${query.clientId}::uuid`);
    if (query.violationType) conditions.push(sql`c.violation_type = ${query.violationType}`);
    if (query.assigneeId) conditions.push(sql`c.assignee_id = ${query.assigneeId}::uuid`);
    if (query.dueBefore) conditions.push(sql`c.due_at < ${query.dueBefore}::timestamptz`);
    if (query.overdue !== undefined) conditions.push(sql`${sql.raw(query.overdue ? '' : 'NOT ')}(c.due_at < now() AND c.status IN (${sql.raw(ACTIVE_STATUS_LIST)}))`);
    if (query.q) conditions.push(sql`c.search_text LIKE ${containsPattern(query.q)}`);
    if (after) {
      const op = order === 'asc' ? '>' : '<';
      conditions.push(sql`(c.${sql.raw(sortColumn)}, c.id) ${sql.raw(op)} (${after.sortValue}::timestamptz, ${after.id}::uuid)`);
    }
    const direction = order === 'asc' ? 'ASC' : 'DESC';
    const rows = await this.db.read<CaseRow>(sql`
      WITH page AS MATERIALIZED (
        SELECT ${sql.raw(CASE_LIST_COLUMNS)} FROM cases c
        WHERE ${sql.raw(sql.join(conditions, ' AND '))}
        ORDER BY c.${sql.raw(sortColumn)} ${sql.raw(direction)}, c.id ${sql.raw(direction)}
        LIMIT ${query.limit + 1})
      SELECT page.*, cl.name AS client_name, cl.seller_id AS client_seller_id, u.name AS assignee_name
      FROM page JOIN clients cl ON cl.id = page.client_id LEFT JOIN users u ON u.id = page.assignee_id
      ORDER BY page.${sql.raw(sortColumn)} ${sql.raw(direction)}, page.id ${sql.raw(direction)}`);
    return toPage(rows, query.limit, caseSummaryView, (r) => timeCursor.encode(sortColumn === 'due_at' ? r.due_at : r.updated_at, r.id));
  }

  private async assertAssignee(tx: TenantTransaction, userId: string): Promise<void> {
    const [user] = await tx.query(`SELECT 1 FROM users WHERE id = $1 AND status = 'active'`, [userId]);
    if (!user) throw AppError.validation([{ field: 'assigneeId', message: 'no such active user in this agency' }]);
  }
}
