import { Injectable } from '@nestjs/common';
import { columnsOf, FollowUp, FollowUpCheckIn, SafetyNetReport, sql, TenantDb, type TenantTransaction } from '@poa/db';
import { DUE_WINDOW_MS, type FollowUpStatus } from '@poa/domain';

const FOLLOW_UP = columnsOf(FollowUp, [
  'id',
  'caseId',
  'clientId',
  'measure',
  'frequency',
  'owner',
  'cadence',
  'cadenceSource',
  'nextDueAt',
  'endedAt',
]);
const CHECK_IN = columnsOf(FollowUpCheckIn, ['id', 'result', 'note', 'attachmentId', 'checkedAt', 'actorType', 'actorName']);
const REPORT = columnsOf(SafetyNetReport, ['id', 'status', 'storageKey', 'contentSha256', 'error']);

export type CheckInRow = typeof CHECK_IN.$row;
export type FollowUpRow = typeof FOLLOW_UP.$row & {
  case_reference: string;
  client_name: string;
  /** The latest check-in as JSON (checked_at as text), or null. */
  last_check_in: (Omit<CheckInRow, 'checked_at'> & { checked_at: string }) | null;
};
export type SafetyNetReportRow = typeof REPORT.$row;

/** A follow-up to be: one preventive measure of the approved version. */
export interface PlannedFollowUp {
  measure: string;
  frequency: string;
  owner: string;
  cadence: unknown;
  cadenceSource: 'parsed' | 'default';
  nextDueAt: Date | null;
}

/** Events sort after every dated follow-up; the cursor carries this instant for them. */
export const NO_DUE_DATE = '9999-12-31T00:00:00.000Z';
// Milliseconds: the cursor carries a JavaScript instant, and a due time written by SQL may hold microseconds.
const SORT_KEY = `date_trunc('milliseconds', coalesce(f.next_due_at, '${NO_DUE_DATE}'::timestamptz))`;

const SELECT_FOLLOW_UP = `
  SELECT ${FOLLOW_UP.as('f')}, c.reference AS case_reference, cl.name AS client_name,
    (SELECT to_jsonb(l) FROM (
       SELECT ${CHECK_IN.columns} FROM follow_up_check_ins ci WHERE ci.follow_up_id = f.id ORDER BY ci.checked_at DESC, ci.id DESC LIMIT 1
     ) l) AS last_check_in
  FROM follow_ups f JOIN cases c ON c.id = f.case_id JOIN clients cl ON cl.id = f.client_id`;

@Injectable()
export class FollowUpsRepository {
  constructor(private readonly db: TenantDb) {}

  /** The approved version's preventive measures (the case row is locked by the caller). */
  async approvedMeasures(tx: TenantTransaction, draftVersionId: string) {
    const [row] = await tx.query<{ case_id: string; client_id: string; measures: { text?: string; owner?: string; frequency?: string }[] }>(
      `SELECT v.case_id, c.client_id, coalesce(v.sections->'preventiveMeasures', '[]'::jsonb) AS measures
       FROM draft_versions v JOIN cases c ON c.id = v.case_id WHERE v.id = $1`,
      [draftVersionId],
    );
    return row;
  }

  /**
   * One follow-up per measure text: a measure approved again keeps its row, cadence (unless its frequency text
   * changed and nobody edited the cadence) and check-ins; measures the version no longer has end.
   */
  async upsertForCase(
    tx: TenantTransaction,
    c: { caseId: string; clientId: string; draftVersionId: string },
    planned: PlannedFollowUp[],
  ): Promise<void> {
    if (planned.length > 0) {
      await tx.query(
        `INSERT INTO follow_ups (tenant_id, case_id, client_id, draft_version_id, measure, frequency, owner, cadence, cadence_source, next_due_at)
         SELECT current_setting('app.tenant_id')::uuid, $1, $2, $3, p.m, p.f, p.o, p.c, p.s, p.n
         FROM unnest($4::text[], $5::text[], $6::text[], $7::jsonb[], $8::text[], $9::timestamptz[]) AS p(m, f, o, c, s, n)
         ON CONFLICT (case_id, measure) DO UPDATE SET
           draft_version_id = EXCLUDED.draft_version_id,
           ended_at = NULL,
           updated_at = now(),
           cadence = CASE WHEN follow_ups.cadence_source <> 'edited' AND follow_ups.frequency <> EXCLUDED.frequency THEN EXCLUDED.cadence ELSE follow_ups.cadence END,
           cadence_source = CASE WHEN follow_ups.cadence_source <> 'edited' AND follow_ups.frequency <> EXCLUDED.frequency THEN EXCLUDED.cadence_source ELSE follow_ups.cadence_source END,
           next_due_at = CASE WHEN follow_ups.cadence_source <> 'edited' AND follow_ups.frequency <> EXCLUDED.frequency THEN EXCLUDED.next_due_at
                              WHEN follow_ups.ended_at IS NOT NULL THEN EXCLUDED.next_due_at ELSE follow_ups.next_due_at END,
           frequency = EXCLUDED.frequency`,
        [
          c.caseId,
          c.clientId,
          c.draftVersionId,
          planned.map((p) => p.measure),
          planned.map((p) => p.frequency),
          planned.map((p) => p.owner),
          planned.map((p) => JSON.stringify(p.cadence)),
          planned.map((p) => p.cadenceSource),
          planned.map((p) => p.nextDueAt?.toISOString() ?? null),
        ],
      );
    }
    await tx.query(
      `UPDATE follow_ups SET ended_at = now(), updated_at = now() WHERE case_id = $1 AND ended_at IS NULL AND NOT (measure = ANY($2::text[]))`,
      [c.caseId, planned.map((p) => p.measure)],
    );
  }

  /** One page (plus one row) of active follow-ups, next due first (events last). */
  page(
    filter: { clientId?: string; status?: FollowUpStatus; now: Date },
    limit: number,
    after: { sortValue: string; id: string } | null,
  ): Promise<FollowUpRow[]> {
    const now = filter.now.toISOString();
    const soon = new Date(filter.now.getTime() + DUE_WINDOW_MS).toISOString();
    const conditions = [sql`f.ended_at IS NULL`];
    if (filter.clientId) conditions.push(sql`f.client_id = ${filter.clientId}`);
    if (filter.status === 'overdue') conditions.push(sql`f.next_due_at <= ${now}::timestamptz`);
    if (filter.status === 'due') conditions.push(sql`f.next_due_at > ${now}::timestamptz AND f.next_due_at <= ${soon}::timestamptz`);
    if (filter.status === 'ok') conditions.push(sql`(f.next_due_at IS NULL OR f.next_due_at > ${soon}::timestamptz)`);
    if (after) conditions.push(sql`(${sql.raw(SORT_KEY)}, f.id) > (${after.sortValue}::timestamptz, ${after.id}::uuid)`);
    return this.db.read<FollowUpRow>(
      sql`${sql.raw(SELECT_FOLLOW_UP)} WHERE ${sql.raw(sql.join(conditions, ' AND '))}
          ORDER BY ${sql.raw(SORT_KEY)}, f.id LIMIT ${limit + 1}`,
    );
  }

  async get(tx: TenantTransaction, id: string, opts: { clientId?: string; lock?: boolean } = {}): Promise<FollowUpRow | undefined> {
    if (opts.lock) {
      const [locked] = await tx.query<{ id: string }>(`SELECT id FROM follow_ups WHERE id = $1 FOR UPDATE`, [id]);
      if (!locked) return undefined;
    }
    const [row] = await tx.query<FollowUpRow>(`${SELECT_FOLLOW_UP} WHERE f.id = $1 AND ($2::uuid IS NULL OR f.client_id = $2)`, [
      id,
      opts.clientId ?? null,
    ]);
    return row;
  }

  async update(tx: TenantTransaction, id: string, patch: { cadence?: unknown; owner?: string; nextDueAt?: Date | null }) {
    await tx.query(
      `UPDATE follow_ups SET updated_at = now(),
         cadence = CASE WHEN $2::boolean THEN $3::jsonb ELSE cadence END,
         cadence_source = CASE WHEN $2::boolean THEN 'edited' ELSE cadence_source END,
         next_due_at = CASE WHEN $2::boolean THEN $4::timestamptz ELSE next_due_at END,
         owner = coalesce($5, owner)
       WHERE id = $1`,
      [id, patch.cadence !== undefined, JSON.stringify(patch.cadence ?? null), patch.nextDueAt?.toISOString() ?? null, patch.owner ?? null],
    );
  }

  async attachmentOfCase(tx: TenantTransaction, attachmentId: string, caseId: string): Promise<boolean> {
    const rows = await tx.query(`SELECT 1 FROM attachments WHERE id = $1 AND case_id = $2`, [attachmentId, caseId]);
    return rows.length > 0;
  }

  async insertCheckIn(
    tx: TenantTransaction,
    c: { followUpId: string; caseId: string; result: string; note: string; attachmentId: string | null; checkedAt: Date },
    actor: { type: string; id: string | null; name: string },
  ): Promise<string> {
    const [row] = await tx.query<{ id: string }>(
      `INSERT INTO follow_up_check_ins (tenant_id, follow_up_id, case_id, result, note, attachment_id, checked_at, actor_type, actor_id, actor_name)
       VALUES (current_setting('app.tenant_id')::uuid, $1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [c.followUpId, c.caseId, c.result, c.note, c.attachmentId, c.checkedAt.toISOString(), actor.type, actor.id, actor.name],
    );
    return row.id;
  }

  async moveNextDue(tx: TenantTransaction, id: string, nextDueAt: Date | null): Promise<void> {
    await tx.query(`UPDATE follow_ups SET next_due_at = $2, updated_at = now() WHERE id = $1`, [id, nextDueAt?.toISOString() ?? null]);
  }

  checkIns(followUpId: string, limit: number, after: { sortValue: string; id: string } | null): Promise<CheckInRow[]> {
    const cursor = after ? sql`AND (checked_at, id) < (${after.sortValue}::timestamptz, ${after.id}::uuid)` : sql``;
    return this.db.read<CheckInRow>(
      sql`SELECT ${sql.raw(CHECK_IN.columns)} FROM follow_up_check_ins WHERE follow_up_id = ${followUpId} ${sql.raw(cursor)}
          ORDER BY checked_at DESC, id DESC LIMIT ${limit + 1}`,
    );
  }

  /** Who hears of a problem: the case's assignee when active, else the agency's active owners and admins. */
  async problemRecipients(tx: TenantTransaction, caseId: string) {
    return tx.query<{ id: string; email: string; email_preferences: Record<string, boolean> | null }>(
      `WITH assignee AS (
         SELECT u.id, u.email, u.email_preferences FROM cases c JOIN users u ON u.id = c.assignee_id AND u.status = 'active' WHERE c.id = $1
       )
       SELECT * FROM assignee
       UNION ALL
       SELECT u.id, u.email, u.email_preferences FROM users u
       WHERE NOT EXISTS (SELECT 1 FROM assignee) AND u.status = 'active' AND u.role IN ('owner', 'admin')`,
      [caseId],
    );
  }

  async insertNotification(tx: TenantTransaction, n: { userId: string; caseId: string; title: string; body: string }): Promise<void> {
    await tx.query(
      `INSERT INTO notifications (tenant_id, user_id, kind, case_id, title, body)
       VALUES (current_setting('app.tenant_id')::uuid, $1, 'follow_up_problem', $2, $3, $4)`,
      [n.userId, n.caseId, n.title, n.body],
    );
  }

  async clientName(clientId: string): Promise<string | undefined> {
    const [row] = await this.db.read<{ name: string }>(sql`SELECT name FROM clients WHERE id = ${clientId}`);
    return row?.name;
  }

  /** Every follow-up of the client that was active at some point of the range, with its check-ins in the range. */
  async safetyNetLog(clientId: string, from: Date, toExclusive: Date) {
    return this.db.read<{
      id: string;
      measure: string;
      owner: string;
      cadence: unknown;
      case_reference: string;
      check_ins: { checked_at: string; result: string; note: string }[];
    }>(
      sql`SELECT f.id, f.measure, f.owner, f.cadence, c.reference AS case_reference,
            coalesce((SELECT jsonb_agg(jsonb_build_object('checked_at', ci.checked_at, 'result', ci.result, 'note', ci.note)
                                       ORDER BY ci.checked_at, ci.id)
                      FROM follow_up_check_ins ci
                      WHERE ci.follow_up_id = f.id AND ci.checked_at >= ${from.toISOString()}::timestamptz
                        AND ci.checked_at < ${toExclusive.toISOString()}::timestamptz), '[]'::jsonb) AS check_ins
          FROM follow_ups f JOIN cases c ON c.id = f.case_id
          WHERE f.client_id = ${clientId} AND f.created_at < ${toExclusive.toISOString()}::timestamptz
            AND (f.ended_at IS NULL OR f.ended_at >= ${from.toISOString()}::timestamptz)
          ORDER BY c.reference, f.created_at, f.measure`,
    );
  }

  async report(clientId: string, contentSha256: string): Promise<SafetyNetReportRow | undefined> {
    const [row] = await this.db.read<SafetyNetReportRow>(
      sql`SELECT ${sql.raw(REPORT.columns)} FROM safety_net_reports WHERE client_id = ${clientId} AND content_sha256 = ${contentSha256}`,
    );
    return row;
  }

  /** The report row for this content, inserted when new (then `created` is true and the caller queues the render). */
  async insertReport(tx: TenantTransaction, clientId: string, contentSha256: string, html: string) {
    const rows = await tx.query<{ id: string }>(
      `INSERT INTO safety_net_reports (tenant_id, client_id, content_sha256, html) VALUES (current_setting('app.tenant_id')::uuid, $1, $2, $3)
       ON CONFLICT (client_id, content_sha256) DO NOTHING RETURNING id`,
      [clientId, contentSha256, html],
    );
    return rows[0]?.id;
  }

  async requeueReport(tx: TenantTransaction, id: string): Promise<void> {
    await tx.query(`UPDATE safety_net_reports SET status = 'queued', storage_key = NULL WHERE id = $1`, [id]);
  }

  transaction<T>(fn: (tx: TenantTransaction) => Promise<T>): Promise<T> {
    return this.db.transaction(fn);
  }
}
