import { Injectable } from '@nestjs/common';
import { sql, TenantContext, TenantDb, type TenantTransaction } from '@poa/db';
import { emitWebhookEvent } from '@poa/jobs';
import { iso, timeCursor, toPage } from '../common/pagination';
import { AppError } from '../core/errors';
import { CaseEventsService } from './case-events.service';
import { CasesService } from './cases.service';
import type { CommentVisibility, CreateCommentInput } from './comments.schemas';

interface CommentRow {
  id: string;
  parent_id: string | null;
  body: string;
  visibility: CommentVisibility;
  version: number | null;
  section: string | null;
  author_type: string;
  author_id: string | null;
  author_name: string;
  created_at: Date;
}

const COMMENT_COLUMNS = 'id, parent_id, body, visibility, version, section, author_type, author_id, author_name, created_at';

const commentView = (r: CommentRow) => ({
  id: r.id,
  parentId: r.parent_id,
  body: r.body,
  visibility: r.visibility,
  version: r.version,
  section: r.section,
  author: { type: r.author_type, id: r.author_id, name: r.author_name },
  createdAt: iso(r.created_at)!,
});

/** Threaded comments on a case: internal ones for staff, shared ones also for the client's contacts. */
@Injectable()
export class CommentsService {
  constructor(
    private readonly db: TenantDb,
    private readonly events: CaseEventsService,
  ) {}

  async create(caseId: string, input: CreateCommentInput) {
    return this.db.transaction(async (tx) => {
      const locked = await CasesService.lock(tx, caseId);
      const problems: { field: string; message: string }[] = [];
      if (input.parentId) {
        const [parent] = await tx.query<{ visibility: CommentVisibility }>(`SELECT visibility FROM comments WHERE id = $1 AND case_id = $2`, [input.parentId, caseId]);
        if (!parent) problems.push({ field: 'parentId', message: 'not a comment of this case' });
        else if (parent.visibility === 'internal' && input.visibility === 'shared') {
          problems.push({ field: 'visibility', message: 'a reply to an internal comment must be internal too' });
        }
      }
      if (input.version !== undefined && input.version > locked.latest_version) problems.push({ field: 'version', message: 'no such draft version' });
      if (problems.length > 0) throw AppError.validation(problems);
      return commentView(await this.insert(tx, caseId, input));
    });
  }

  /** Also used by the workflow for the comment that comes with an action. */
  async insert(tx: TenantTransaction, caseId: string, input: CreateCommentInput): Promise<CommentRow> {
    const actor = TenantContext.require().actor;
    const [row] = await tx.query<CommentRow>(
      `INSERT INTO comments (tenant_id, case_id, parent_id, author_type, author_id, author_name, body, visibility, version, section, created_at)
       VALUES (current_setting('app.tenant_id')::uuid, $1, $2, $3, $4, $5, $6, $7, $8, $9, clock_timestamp()) RETURNING ${COMMENT_COLUMNS}`,
      [caseId, input.parentId ?? null, actor.kind, actor.id, actor.name, input.body, input.visibility, input.version ?? null, input.section ?? null],
    );
    await this.events.record(tx, caseId, 'comment.added', { commentId: row.id, visibility: row.visibility, parentId: row.parent_id });
    // Internal comments never leave the agency.
    if (row.visibility === 'shared') {
      await emitWebhookEvent(tx, 'comment.created', caseId, {
        comment: { id: row.id, parentId: row.parent_id, body: row.body, author: { type: row.author_type, name: row.author_name }, createdAt: iso(row.created_at) },
      });
    }
    return row;
  }

  /** Oldest first, so a thread reads top-down; parentId links replies. */
  async list(caseId: string, query: { limit: number; cursor?: string; visibility?: CommentVisibility }) {
    const after = timeCursor.decode(query.cursor);
    const rows = await this.db.read<CommentRow>(sql`
      SELECT ${sql.raw(COMMENT_COLUMNS.split(', ').map((c) => `cm.${c}`).join(', '))}
      FROM cases c LEFT JOIN LATERAL (
        SELECT * FROM comments
        WHERE case_id = c.id
          AND ${query.visibility ? sql.raw(sql`visibility = ${query.visibility}`) : sql.raw('TRUE')}
          AND ${after ? sql.raw(sql`(created_at, id) > (${after.sortValue}::timestamptz, ${after.id}::uuid)`) : sql.raw('TRUE')}
        ORDER BY created_at, id LIMIT ${query.limit + 1}) cm ON TRUE
      WHERE c.id = ${caseId}::uuid
      ORDER BY cm.created_at, cm.id`);
    if (rows.length === 0) throw AppError.notFound('Case');
    const comments = rows.filter((r) => r.id !== null);
    return toPage(comments, query.limit, commentView, (r) => timeCursor.encode(r.created_at, r.id));
  }

  async get(caseId: string, commentId: string) {
    const [row] = await this.db.read<CommentRow>(sql`SELECT ${sql.raw(COMMENT_COLUMNS)} FROM comments WHERE id = ${commentId}::uuid AND case_id = ${caseId}::uuid`);
    if (!row) throw AppError.notFound('Comment');
    return commentView(row);
  }
}
