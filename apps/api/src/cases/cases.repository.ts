import { Injectable } from '@nestjs/common';
import { Case, Client, columnsOf, sql, TenantDb, type InlineSql, type RowOf, type TenantTransaction } from '@poa/db';
import { ACTIVE_STATUSES, type CaseOutcome, type CaseStatus, type DraftSections } from '@poa/domain';
import type { timeCursor } from '../common/pagination';
import { containsPattern } from '../common/sql-patterns';
import type { CaseIssue } from './case-issues';
import type { CaseListQuery } from './cases.schemas';

/** Columns of `cases` a list shows (notice_text excluded: it can be long). */
const CASE_LIST = columnsOf(Case, [
  'id',
  'clientId',
  'reference',
  'title',
  'violationType',
  'path',
  'marketplace',
  'asins',
  'noticeReceivedAt',
  'dueAt',
  'status',
  'round',
  'appealsUsed',
  'fundsHoldUntil',
  'assigneeId',
  'externalId',
  'latestVersion',
  'approvedVersionId',
  'createdAt',
  'updatedAt',
]);
/** The few columns the write paths check after locking a case row. */
const LOCKED = columnsOf(Case, [
  'id',
  'clientId',
  'status',
  'round',
  'latestVersion',
  'approvedVersionId',
  'asins',
  'violationType',
  'issues',
  'dueAt',
]);
const CLIENT_STATE = columnsOf(Client, ['archivedAt']);
const CRM_OWNED = columnsOf(Case, [
  'id',
  'clientId',
  'title',
  'violationType',
  'marketplace',
  'asins',
  'noticeText',
  'noticeReceivedAt',
  'dueAt',
  'issues',
]);
export type CrmOwnedCase = Omit<typeof CRM_OWNED.$row, 'issues'> & { issues: CaseIssue[] };

export const ACTIVE_STATUS_LIST = ACTIVE_STATUSES.map((s) => `'${s}'`).join(', ');

/** The list columns aliased `c`, with whether the case is overdue. */
export const CASE_LIST_COLUMNS = `${CASE_LIST.as('c')}, (c.due_at < now() AND c.status IN (${ACTIVE_STATUS_LIST})) AS overdue`;

/** A case as lists show it, with the client and assignee names joined. */
export type CaseRow = typeof CASE_LIST.$row & {
  status: CaseStatus;
  overdue: boolean;
  client_name: string;
  client_seller_id: string | null;
  assignee_name: string | null;
};

export type LockedCase = typeof LOCKED.$row & { status: CaseStatus; issues: CaseIssue[] };

/** The caller the queues are built for. */
export interface QueueCaller {
  userId: string | null;
  /** Reviewers and above have a review queue. */
  reviews: boolean;
}

/** The condition of a queue on `cases c` (a constant FALSE when the caller has none); the user id as a parameter. */
function queueCondition(queue: 'mine' | 'review', caller: QueueCaller, param: (value: unknown) => string): string {
  if (queue === 'mine') {
    return caller.userId ? `(c.assignee_id = ${param(caller.userId)}::uuid AND c.status IN (${ACTIVE_STATUS_LIST}))` : 'FALSE';
  }
  if (!caller.reviews) return 'FALSE';
  return caller.userId
    ? `(c.status = 'internal_review' AND c.assignee_id IS DISTINCT FROM ${param(caller.userId)}::uuid)`
    : `c.status = 'internal_review'`;
}

interface ApprovalJson {
  id: string;
  version: number;
  draft_version_id: string;
  contact_id: string;
  contact_name: string;
  contact_email: string;
  full_name: string;
  approved_at: string;
  ip: string | null;
  user_agent: string | null;
  content_sha256: string;
  recorded_by_id: string | null;
  recorded_by_name: string | null;
  note: string | null;
}

interface RoundJson {
  round: number;
  amazon_request: string | null;
  outcome: CaseOutcome | null;
  amazon_response: string | null;
  outcome_at: string | null;
  created_at: string;
}

interface PdfJson {
  id: string;
  version: number;
  status: 'queued' | 'rendering' | 'ready' | 'failed';
  error: string | null;
  page_count: number | null;
  size: number | null;
  sha256: string | null;
  ready_at: string | null;
}

/** The client's change request of the current round, as `client_change_request` (alias cr) reads it. */
export interface ChangeRequestJson {
  actor_type: string;
  actor_name: string | null;
  created_at: string;
  comment: string | null;
  note: string | null;
  version: number | null;
  /** No version has gone to the client since. */
  pending: boolean;
}

/**
 * The latest change request the client made in the case's current round (LATERAL over `c`, alias `cr`), and whether
 * it is still pending: no later "approve and send to client" (approve_internal) of the round.
 */
export const CHANGE_REQUEST_LATERAL = `LEFT JOIN LATERAL (
    SELECT e.actor_type, e.actor_name, e.created_at, cm.body AS comment, e.data->>'note' AS note, (e.data->>'version')::int AS version,
      NOT EXISTS (SELECT 1 FROM case_events s WHERE s.case_id = c.id AND s.type = 'case.transitioned'
                  AND s.data->>'action' = 'approve_internal' AND s.created_at > e.created_at) AS pending
    FROM case_events e LEFT JOIN comments cm ON cm.id = (e.data->>'commentId')::uuid
    WHERE e.case_id = c.id AND e.type = 'case.transitioned' AND e.data->>'action' = 'client_request_changes'
      AND (e.data->>'round')::int = c.round
    ORDER BY e.created_at DESC, e.id DESC LIMIT 1) cr ON TRUE`;

/** A case with everything its page shows. */
export type CaseDetailRow = CaseRow &
  Pick<RowOf<Case>, 'notice_text'> & {
    issues: CaseIssue[];
    starter_draft: DraftSections | null;
    approved_version: number | null;
    approval: ApprovalJson | null;
    rounds: RoundJson[];
    pdf: PdfJson | null;
    change_request: ChangeRequestJson | null;
  };

/** One case with everything its page shows, in one statement (one round trip). */
function caseDetailSql(caseId: string): InlineSql {
  return sql`
    SELECT ${sql.raw(CASE_LIST_COLUMNS)}, c.notice_text, c.issues, c.starter_draft, cl.name AS client_name, cl.seller_id AS client_seller_id, u.name AS assignee_name,
      (SELECT dv.version FROM draft_versions dv WHERE dv.id = c.approved_version_id) AS approved_version,
      (SELECT row_to_json(a) FROM (
         SELECT id, version, draft_version_id, contact_id, contact_name, contact_email, full_name, approved_at, ip, user_agent,
                content_sha256, recorded_by_id, recorded_by_name, note
         FROM approvals WHERE draft_version_id = c.approved_version_id ORDER BY approved_at DESC, id DESC LIMIT 1) a) AS approval,
      (SELECT COALESCE(json_agg(r ORDER BY r.round), '[]'::json) FROM (
         SELECT round, amazon_request, outcome, amazon_response, outcome_at, created_at FROM case_rounds WHERE case_id = c.id) r) AS rounds,
      (SELECT row_to_json(p) FROM (
         SELECT id, version, status, error, page_count, size, sha256, ready_at
         FROM pdf_renders WHERE draft_version_id = c.approved_version_id AND kind = 'final' AND variant = 'standard') p) AS pdf,
      CASE WHEN cr.pending AND c.status IN ('drafting', 'internal_review') THEN row_to_json(cr) END AS change_request
    FROM cases c
    JOIN clients cl ON cl.id = c.client_id
    LEFT JOIN users u ON u.id = c.assignee_id
    ${sql.raw(CHANGE_REQUEST_LATERAL)}
    WHERE c.id = ${caseId}::uuid`;
}

export interface NewCase {
  clientId: string;
  reference: string;
  title: string;
  violationType: string;
  issues: CaseIssue[];
  path: string;
  marketplace: string;
  asins: string[];
  noticeText: string;
  noticeReceivedAt: Date;
  dueAt: Date;
  fundsHoldUntil: Date | null;
  assigneeId: string | null;
  externalId: string | null;
}

/** The columns an update may set (undefined: unchanged; a CRM upsert sets the notice's receipt time too). */
export interface CaseChanges {
  title?: string;
  noticeReceivedAt?: string;
  dueAt?: string;
  assigneeId?: string | null;
  asins?: string[];
  noticeText?: string;
  marketplace?: string;
  violationType?: string;
  issues?: CaseIssue[];
  path?: string;
  externalId?: string | null;
}

@Injectable()
export class CasesRepository {
  constructor(private readonly db: TenantDb) {}

  /** Locks the case row for the rest of the transaction: concurrent writers to one case queue up here. */
  async lock(tx: TenantTransaction, caseId: string): Promise<LockedCase | undefined> {
    const [row] = await tx.query<LockedCase>(`SELECT ${LOCKED.columns} FROM cases WHERE id = $1 FOR UPDATE`, [caseId]);
    return row;
  }

  async exists(caseId: string): Promise<boolean> {
    const [row] = await this.db.read(sql.prepared(`SELECT 1 FROM cases WHERE id = $1::uuid`, [caseId]));
    return !!row;
  }

  async detail(caseId: string): Promise<CaseDetailRow | undefined> {
    const [row] = await this.db.read<CaseDetailRow>(caseDetailSql(caseId));
    return row;
  }

  /** The case as GET answers it, read inside the caller's transaction (after a change). */
  async detailIn(tx: TenantTransaction, caseId: string): Promise<CaseDetailRow | undefined> {
    const [row] = await tx.query<CaseDetailRow>(caseDetailSql(caseId).text);
    return row;
  }

  /** FOR SHARE: a concurrent delete of the client waits for this case (and then archives instead). */
  async lockClient(tx: TenantTransaction, clientId: string): Promise<typeof CLIENT_STATE.$row | undefined> {
    const [client] = await tx.query<typeof CLIENT_STATE.$row>(`SELECT ${CLIENT_STATE.columns} FROM clients WHERE id = $1 FOR SHARE`, [
      clientId,
    ]);
    return client;
  }

  /** The next case number of the year; the counter row stays locked until commit, so concurrent creations get consecutive numbers. */
  async nextNumber(tx: TenantTransaction, year: number): Promise<number> {
    const [counter] = await tx.query<{ last_value: number }>(
      `INSERT INTO case_counters (tenant_id, year, last_value) VALUES (current_setting('app.tenant_id')::uuid, $1, 1)
         ON CONFLICT (tenant_id, year) DO UPDATE SET last_value = case_counters.last_value + 1 RETURNING last_value`,
      [year],
    );
    return counter.last_value;
  }

  /** Inserts the case and its first round; the new case's id. */
  async insert(tx: TenantTransaction, c: NewCase): Promise<string> {
    const [created] = await tx.query<{ id: string }>(
      `INSERT INTO cases (tenant_id, client_id, reference, title, violation_type, marketplace, asins, notice_text, notice_received_at, due_at,
                          assignee_id, external_id, issues, path, funds_hold_until)
           VALUES (current_setting('app.tenant_id')::uuid, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
      [
        c.clientId,
        c.reference,
        c.title,
        c.violationType,
        c.marketplace,
        c.asins,
        c.noticeText,
        c.noticeReceivedAt,
        c.dueAt,
        c.assigneeId,
        c.externalId,
        JSON.stringify(c.issues),
        c.path,
        c.fundsHoldUntil,
      ],
    );
    await tx.query(`INSERT INTO case_rounds (tenant_id, case_id, round) VALUES (current_setting('app.tenant_id')::uuid, $1, 1)`, [
      created.id,
    ]);
    return created.id;
  }

  /**
   * The case a CRM opened under this externalId, locked. The transaction first takes a lock on the externalId itself,
   * so two first upserts of one ticket queue up and the second finds the first's case (no reference number is spent).
   */
  async lockByExternalId(tx: TenantTransaction, externalId: string): Promise<CrmOwnedCase | undefined> {
    await tx.query(
      `SELECT pg_advisory_xact_lock(hashtextextended('case-external-id:' || current_setting('app.tenant_id') || ':' || $1, 0))`,
      [externalId],
    );
    const [row] = await tx.query<CrmOwnedCase>(`SELECT ${CRM_OWNED.columns} FROM cases WHERE external_id = $1 FOR UPDATE`, [externalId]);
    return row;
  }

  /** Sets the fields given; false (and no statement) when none is. */
  async update(tx: TenantTransaction, caseId: string, input: CaseChanges): Promise<boolean> {
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
    if (input.noticeReceivedAt !== undefined) set('notice_received_at', new Date(input.noticeReceivedAt));
    if (input.marketplace !== undefined) set('marketplace', input.marketplace);
    if (input.violationType !== undefined) set('violation_type', input.violationType);
    if (input.externalId !== undefined) set('external_id', input.externalId);
    if (input.issues !== undefined) set('issues', JSON.stringify(input.issues));
    if (input.path !== undefined) set('path', input.path);
    if (sets.length === 0) return false;
    await tx.query(`UPDATE cases SET ${sets.join(', ')}, updated_at = now() WHERE id = $1`, params);
    return true;
  }

  /**
   * One page (plus one row). Under row-level security a join in the paging query makes the planner sort the whole
   * tenant, so the page of cases is chosen first (ORDER BY + LIMIT on cases alone, keyset cursor) and only then joined.
   */
  async list(
    query: CaseListQuery,
    sortColumn: 'due_at' | 'updated_at',
    order: 'asc' | 'desc',
    after: ReturnType<typeof timeCursor.decode>,
    caller: QueueCaller,
  ): Promise<CaseRow[]> {
    // A prepared statement: the text depends only on which filters are present, so each shape's plan is cached per
    // connection (parsing and planning cost PostgreSQL more than running a search on the index).
    const { values, param } = sql.params();
    const conditions = ['TRUE'];
    if (query.queue) conditions.push(queueCondition(query.queue, caller, param));
    if (query.status) conditions.push(`c.status = ANY(${param(query.status)}::text[])`);
    if (query.clientId) conditions.push(`c.client_id = ${param(query.clientId)}::uuid`);
    if (query.violationType) conditions.push(`c.violation_type = ${param(query.violationType)}`);
    if (query.assigneeId) conditions.push(`c.assignee_id = ${param(query.assigneeId)}::uuid`);
    if (query.dueBefore) conditions.push(`c.due_at < ${param(query.dueBefore)}::timestamptz`);
    if (query.overdue !== undefined)
      conditions.push(`${query.overdue ? '' : 'NOT '}(c.due_at < now() AND c.status IN (${ACTIVE_STATUS_LIST}))`);
    const search = query.q ? containsPattern(query.q) : undefined;
    if (search) conditions.push(`c.search_text LIKE ${param(search)}`);
    if (after) {
      const op = order === 'asc' ? '>' : '<';
      conditions.push(`(c.${sortColumn}, c.id) ${op} (${param(after.sortValue)}::timestamptz, ${param(after.id)}::uuid)`);
    }
    const direction = order === 'asc' ? 'ASC' : 'DESC';
    const text = `
      WITH page AS MATERIALIZED (
        SELECT ${CASE_LIST_COLUMNS} FROM cases c
        WHERE ${conditions.join(' AND ')}
        ORDER BY c.${sortColumn} ${direction}, c.id ${direction}
        LIMIT ${param(query.limit + 1)})
      SELECT page.*, cl.name AS client_name, cl.seller_id AS client_seller_id, u.name AS assignee_name
      FROM page JOIN clients cl ON cl.id = page.client_id LEFT JOIN users u ON u.id = page.assignee_id
      ORDER BY page.${sortColumn} ${direction}, page.id ${direction}`;
    // The search as the case_search policy's pattern too: only a policy's condition can use the search index under
    // RLS (see the CaseSearchUnderRls migration); the WHERE condition above keeps the statement's meaning on its own.
    return this.db.read<CaseRow>(sql.prepared(text, values), { caseSearch: search });
  }

  /**
   * What the list's navigation counts, over the agency's active cases, in one statement. "Due today" and "overdue" do
   * not overlap: a case past its time is overdue only.
   */
  async counts(dayEnd: Date, caller: QueueCaller): Promise<{ dueToday: number; overdue: number; mine: number; review: number }> {
    const { values, param } = sql.params();
    const text = `
      SELECT count(*) FILTER (WHERE c.due_at >= now() AND c.due_at < ${param(dayEnd.toISOString())}::timestamptz)::int AS due_today,
             count(*) FILTER (WHERE c.due_at < now())::int AS overdue,
             count(*) FILTER (WHERE ${queueCondition('mine', caller, param)})::int AS mine,
             count(*) FILTER (WHERE ${queueCondition('review', caller, param)})::int AS review
      FROM cases c WHERE c.status IN (${ACTIVE_STATUS_LIST})`;
    const [row] = await this.db.read<{ due_today: number; overdue: number; mine: number; review: number }>(sql.prepared(text, values));
    return { dueToday: row.due_today, overdue: row.overdue, mine: row.mine, review: row.review };
  }

  async isActiveUser(tx: TenantTransaction, userId: string): Promise<boolean> {
    const [user] = await tx.query(`SELECT 1 FROM users WHERE id = $1 AND status = 'active'`, [userId]);
    return !!user;
  }

  async setStatus(tx: TenantTransaction, caseId: string, status: CaseStatus, round: number): Promise<void> {
    await tx.query(`UPDATE cases SET status = $2, round = $3, updated_at = now() WHERE id = $1`, [caseId, status, round]);
  }

  /** One more round handed to Amazon. */
  async countAppeal(tx: TenantTransaction, caseId: string): Promise<void> {
    await tx.query(`UPDATE cases SET appeals_used = appeals_used + 1 WHERE id = $1`, [caseId]);
  }

  /** Amazon's answer on a round. */
  async recordOutcome(
    tx: TenantTransaction,
    caseId: string,
    round: number,
    outcome: string | undefined,
    amazonResponse: string | null,
  ): Promise<void> {
    await tx.query(`UPDATE case_rounds SET outcome = $3, amazon_response = $4, outcome_at = now() WHERE case_id = $1 AND round = $2`, [
      caseId,
      round,
      outcome,
      amazonResponse,
    ]);
  }

  /** The row of a round; when it already exists (prepared by record_outcome) a newly given request replaces the kept one. */
  async openRound(tx: TenantTransaction, caseId: string, round: number, amazonRequest: string | undefined): Promise<void> {
    await tx.query(
      `INSERT INTO case_rounds (tenant_id, case_id, round, amazon_request) VALUES (current_setting('app.tenant_id')::uuid, $1, $2, $3)
       ON CONFLICT (case_id, round) DO UPDATE SET amazon_request = COALESCE(EXCLUDED.amazon_request, case_rounds.amazon_request)`,
      [caseId, round, amazonRequest ?? null],
    );
  }

  /**
   * cases.search_text: the one lower-cased column search reads (trigram index): reference, title, client name, seller
   * id and ASINs. Recomputed in SQL, for one case or every case of a client, so a case and its client never disagree.
   */
  async refreshSearchText(tx: TenantTransaction, where: { caseId: string } | { clientId: string }): Promise<void> {
    const [column, value] = 'caseId' in where ? ['c.id', where.caseId] : ['c.client_id', where.clientId];
    await tx.query(
      `UPDATE cases c
       SET search_text = lower(concat_ws(' ', c.reference, c.title, cl.name, cl.seller_id, array_to_string(c.asins, ' ')))
       FROM clients cl WHERE cl.id = c.client_id AND ${column} = $1`,
      [value],
    );
  }
}
