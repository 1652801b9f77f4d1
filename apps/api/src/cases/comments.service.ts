import { Injectable } from '@nestjs/common';
import { TenantContext, TenantDb, type TenantTransaction } from '@poa/db';
import { emitWebhookEvent } from '@poa/jobs';
import { iso, timeCursor, toPage } from '../common/pagination';
import { AppError } from '../core/errors';
import { CaseEventsService } from './case-events.service';
import { CasesService } from './cases.service';
import { CommentsRepository, type CommentRow } from './comments.repository';
import type { CommentVisibility, CreateCommentInput } from './comments.schemas';

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
    private readonly comments: CommentsRepository,
    private readonly cases: CasesService,
    private readonly events: CaseEventsService,
  ) {}

  async create(caseId: string, input: CreateCommentInput) {
    return this.db.transaction(async (tx) => {
      const locked = await this.cases.lock(tx, caseId);
      const problems: { field: string; message: string }[] = [];
      if (input.parentId) {
        const parentVisibility = await this.comments.parentVisibility(tx, caseId, input.parentId);
        if (!parentVisibility) problems.push({ field: 'parentId', message: 'not a comment of this case' });
        else if (parentVisibility === 'internal' && input.visibility === 'shared') {
          problems.push({ field: 'visibility', message: 'a reply to an internal comment must be internal too' });
        }
      }
      if (input.version !== undefined && input.version > locked.latest_version)
        problems.push({ field: 'version', message: 'no such draft version' });
      if (problems.length > 0) throw AppError.validation(problems);
      return commentView(await this.insert(tx, caseId, input));
    });
  }

  /** Also used by the workflow for the comment that comes with an action. */
  async insert(tx: TenantTransaction, caseId: string, input: CreateCommentInput): Promise<CommentRow> {
    const actor = TenantContext.require().actor;
    const row = await this.comments.insert(tx, caseId, {
      parentId: input.parentId ?? null,
      authorType: actor.kind,
      authorId: actor.id,
      authorName: actor.name,
      body: input.body,
      visibility: input.visibility,
      version: input.version ?? null,
      section: input.section ?? null,
    });
    await this.events.record(tx, caseId, 'comment.added', { commentId: row.id, visibility: row.visibility, parentId: row.parent_id });
    // Internal comments never leave the agency.
    if (row.visibility === 'shared') {
      await emitWebhookEvent(tx, 'comment.created', caseId, {
        comment: {
          id: row.id,
          parentId: row.parent_id,
          body: row.body,
          author: { type: row.author_type, name: row.author_name },
          createdAt: iso(row.created_at),
        },
      });
    }
    return row;
  }

  /** Oldest first, so a thread reads top-down; parentId links replies. */
  async list(caseId: string, query: { limit: number; cursor?: string; visibility?: CommentVisibility }) {
    const after = timeCursor.decode(query.cursor);
    const rows = await this.comments.list(caseId, query, after);
    if (rows.length === 0) throw AppError.notFound('Case');
    const comments = rows.filter((r) => r.id !== null);
    return toPage(comments, query.limit, commentView, (r) => timeCursor.encode(r.created_at, r.id));
  }

  async get(caseId: string, commentId: string) {
    const row = await this.comments.get(caseId, commentId);
    if (!row) throw AppError.notFound('Comment');
    return commentView(row);
  }
}
