import { Injectable } from '@nestjs/common';
import { columnsOf, Comment, sql, TenantDb, type TenantTransaction } from '@poa/db';
import type { timeCursor } from '../common/pagination';
import type { CommentVisibility } from './comments.schemas';

const COMMENT = columnsOf(Comment, [
  'id',
  'parentId',
  'body',
  'visibility',
  'version',
  'section',
  'authorType',
  'authorId',
  'authorName',
  'createdAt',
]);
export type CommentRow = typeof COMMENT.$row;

export interface NewComment {
  parentId: string | null;
  authorType: string;
  authorId: string | null;
  authorName: string;
  body: string;
  visibility: CommentVisibility;
  version: number | null;
  section: string | null;
}

@Injectable()
export class CommentsRepository {
  constructor(private readonly db: TenantDb) {}

  async parentVisibility(tx: TenantTransaction, caseId: string, parentId: string): Promise<CommentVisibility | undefined> {
    const [parent] = await tx.query<{ visibility: CommentVisibility }>(`SELECT visibility FROM comments WHERE id = $1 AND case_id = $2`, [
      parentId,
      caseId,
    ]);
    return parent?.visibility;
  }

  async insert(tx: TenantTransaction, caseId: string, c: NewComment): Promise<CommentRow> {
    const [row] = await tx.query<CommentRow>(
      `INSERT INTO comments (tenant_id, case_id, parent_id, author_type, author_id, author_name, body, visibility, version, section, created_at)
       VALUES (current_setting('app.tenant_id')::uuid, $1, $2, $3, $4, $5, $6, $7, $8, $9, clock_timestamp()) RETURNING ${COMMENT.columns}`,
      [caseId, c.parentId, c.authorType, c.authorId, c.authorName, c.body, c.visibility, c.version, c.section],
    );
    return row;
  }

  /**
   * One page (plus one row), oldest first. The case is joined so that one statement also tells a missing case
   * (no row at all) from a case without comments (one row of nulls).
   */
  async list(
    caseId: string,
    query: { limit: number; visibility?: CommentVisibility },
    after: ReturnType<typeof timeCursor.decode>,
  ): Promise<CommentRow[]> {
    return this.db.read<CommentRow>(sql`
      SELECT ${sql.raw(COMMENT.as('cm'))}
      FROM cases c LEFT JOIN LATERAL (
        SELECT * FROM comments
        WHERE case_id = c.id
          AND ${query.visibility ? sql.raw(sql`visibility = ${query.visibility}`) : sql.raw('TRUE')}
          AND ${after ? sql.raw(sql`(created_at, id) > (${after.sortValue}::timestamptz, ${after.id}::uuid)`) : sql.raw('TRUE')}
        ORDER BY created_at, id LIMIT ${query.limit + 1}) cm ON TRUE
      WHERE c.id = ${caseId}::uuid
      ORDER BY cm.created_at, cm.id`);
  }

  async get(caseId: string, commentId: string): Promise<CommentRow | undefined> {
    const [row] = await this.db.read<CommentRow>(
      sql`SELECT ${sql.raw(COMMENT.columns)} FROM comments WHERE id = ${commentId}::uuid AND case_id = ${caseId}::uuid`,
    );
    return row;
  }
}
