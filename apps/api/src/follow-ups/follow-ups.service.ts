import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@poa/config';
import { TenantContext, type TenantTransaction } from '@poa/db';
import {
  addCadence,
  followUpProblemMessage,
  safetyNetIntro,
  safetyNetLine,
  type Cadence,
  type CheckInResult,
  type FollowUpStatus,
} from '@poa/domain';
import { enqueue, QUEUES } from '@poa/jobs';
import { renderSafetyNetHtml } from '@poa/pdf';
import { FileNotFoundError, type FileStorage } from '@poa/storage';
import { timeCursor, toPage } from '../common/pagination';
import { sha256Hex } from '../common/hash';
import { AppError } from '../core/errors';
import type { PdfAnswer } from '../core/send-pdf';
import { APP_CONFIG } from '../core/tokens';
import { FILE_STORAGE } from '../storage/storage.module';
import { checkInView, followUpView } from './follow-up-views';
import { FollowUpsRepository, NO_DUE_DATE, type FollowUpRow } from './follow-ups.repository';
import { planFollowUps } from './plan-follow-ups';
import type { CreateCheckInInput, UpdateFollowUpInput } from './follow-ups.schemas';

const DAY_MS = 24 * 3600_000;

/**
 * The safety-net tracker: each preventive measure of an approved plan becomes a follow-up checked on its cadence, by
 * staff or by the client in the portal; a problem is told to the agency at once; the log prints as the seller's proof.
 */
@Injectable()
export class FollowUpsService {
  constructor(
    private readonly repo: FollowUpsRepository,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * In the approval's transaction: one follow-up per preventive measure of the approved version. Approving again
   * (a later round) keeps existing follow-ups and their check-ins; measures the version dropped end.
   */
  async createFromApproval(tx: TenantTransaction, draftVersionId: string, now: Date = new Date()): Promise<void> {
    const version = await this.repo.approvedMeasures(tx, draftVersionId);
    if (!version) return;
    const planned = planFollowUps(Array.isArray(version.measures) ? version.measures : [], now);
    await this.repo.upsertForCase(tx, { caseId: version.case_id, clientId: version.client_id, draftVersionId }, planned);
  }

  async list(filter: { clientId?: string; status?: FollowUpStatus }, limit: number, cursor: string | undefined) {
    const now = new Date();
    const rows = await this.repo.page({ ...filter, now }, limit, timeCursor.decode(cursor));
    return toPage(rows, limit, followUpView(now), (r) => timeCursor.encode(r.next_due_at ?? NO_DUE_DATE, r.id));
  }

  /** The contact's own client's follow-ups only. */
  listForContact(filter: { status?: FollowUpStatus }, limit: number, cursor: string | undefined) {
    return this.list({ ...filter, clientId: this.contactClientId() }, limit, cursor);
  }

  async get(id: string) {
    const row = await this.repo.transaction((tx) => this.repo.get(tx, id, { clientId: this.contactClientIdOrNull() }));
    if (!row) throw AppError.notFound('Follow-up');
    return followUpView(new Date())(row);
  }

  async update(id: string, input: UpdateFollowUpInput) {
    return this.repo.transaction(async (tx) => {
      const row = await this.activeFollowUp(tx, id);
      const nextDueAt =
        input.cadence !== undefined ? addCadence(new Date(row.last_check_in?.checked_at ?? Date.now()), input.cadence) : undefined;
      await this.repo.update(tx, id, { cadence: input.cadence, owner: input.owner, nextDueAt });
      return followUpView(new Date())((await this.repo.get(tx, id))!);
    });
  }

  async checkIns(id: string, limit: number, cursor: string | undefined) {
    await this.get(id);
    const rows = await this.repo.checkIns(id, limit, timeCursor.decode(cursor));
    return toPage(rows, limit, checkInView, (r) => timeCursor.encode(r.checked_at, r.id));
  }

  /** Records a check, moves the next due time on by the cadence, and tells the agency of a problem at once. */
  async checkIn(id: string, input: CreateCheckInInput, now: Date = new Date()) {
    const scope = TenantContext.require();
    return this.repo.transaction(async (tx) => {
      const row = await this.activeFollowUp(tx, id);
      if (input.attachmentId && !(await this.repo.attachmentOfCase(tx, input.attachmentId, row.case_id))) {
        throw AppError.validation([{ field: 'attachmentId', message: 'not an attachment of this follow-up’s case' }]);
      }
      const actor = scope.actor;
      const checkInId = await this.repo.insertCheckIn(
        tx,
        {
          followUpId: id,
          caseId: row.case_id,
          result: input.result,
          note: input.note,
          attachmentId: input.attachmentId ?? null,
          checkedAt: now,
        },
        { type: actor.kind, id: actor.id, name: actor.name },
      );
      await this.repo.moveNextDue(tx, id, addCadence(now, row.cadence as Cadence));
      if (input.result === 'problem') await this.tellAgency(tx, row, checkInId, input.note, scope.tenantId);
      return followUpView(now)((await this.repo.get(tx, id))!);
    });
  }

  private async tellAgency(tx: TenantTransaction, row: FollowUpRow, checkInId: string, note: string, tenantId: string) {
    const message = followUpProblemMessage({ measure: row.measure, note, clientName: row.client_name, caseReference: row.case_reference });
    const url = `${this.config.PUBLIC_URL.replace(/\/$/, '')}/clients/${row.client_id}`;
    for (const user of await this.repo.problemRecipients(tx, row.case_id)) {
      await this.repo.insertNotification(tx, { userId: user.id, caseId: row.case_id, ...message });
      if (user.email_preferences?.follow_up_problem !== false) {
        await enqueue(tx, {
          queue: QUEUES.email,
          payload: { tenantId, to: user.email, subject: message.title, text: `${message.body}\n\n${url}` },
          occasion: { kind: 'follow-up-problem', checkInId, userId: user.id },
        });
      }
    }
  }

  /** The follow-up, locked; 404 when it is not the caller's (another client's for a contact) or no longer tracked. */
  private async activeFollowUp(tx: TenantTransaction, id: string): Promise<FollowUpRow> {
    const row = await this.repo.get(tx, id, { clientId: this.contactClientIdOrNull(), lock: true });
    if (!row) throw AppError.notFound('Follow-up');
    if (row.ended_at) throw new AppError('CONFLICT', 'This measure is no longer part of the approved plan');
    return row;
  }

  private contactClientIdOrNull(): string | undefined {
    const actor = TenantContext.require().actor;
    return actor.kind === 'contact' ? this.contactClientId() : undefined;
  }

  private contactClientId(): string {
    const clientId = TenantContext.require().actor.clientId;
    if (!clientId) throw AppError.notFound('Client');
    return clientId;
  }

  // --- The safety-net log -------------------------------------------------------------------------------------

  /** The log's rows for the range: [from 00:00, to + 1 day) UTC; `to` defaults to today, `from` to 90 days before. */
  private async log(clientId: string, range: { from?: string; to?: string }) {
    const to = range.to ?? new Date().toISOString().slice(0, 10);
    const from = range.from ?? new Date(Date.parse(to) - 90 * DAY_MS).toISOString().slice(0, 10);
    if (from > to) throw AppError.validation([{ field: 'from', message: 'must not be after to' }]);
    const sellerName = await this.repo.clientName(clientId);
    if (sellerName === undefined) throw AppError.notFound('Client');
    // The day after `to`, within the years PostgreSQL and the API take (to 9999-12-31).
    const toExclusive = new Date(Math.min(Date.parse(to) + DAY_MS, Date.parse('9999-12-31T23:59:59.999Z')));
    const rows = await this.repo.safetyNetLog(clientId, new Date(`${from}T00:00:00.000Z`), toExclusive);
    return { from, to, sellerName, rows };
  }

  async csv(clientId: string, range: { from?: string; to?: string }): Promise<{ body: string; fileName: string }> {
    const { from, to, sellerName, rows } = await this.log(clientId, range);
    const lines = [['case', 'measure', 'owner', 'cadence', 'checked_at', 'result', 'note', 'statement']];
    for (const r of rows) {
      const cadence = r.cadence as Cadence;
      const cadenceText = cadence === 'event' ? 'event' : `every ${cadence.every} ${cadence.unit}`;
      for (const c of r.check_ins) {
        const at = new Date(c.checked_at);
        lines.push([
          r.case_reference,
          r.measure,
          r.owner,
          cadenceText,
          at.toISOString(),
          c.result,
          c.note,
          `${safetyNetIntro(r.measure, cadence, r.owner)} ${safetyNetLine(at, c.result as CheckInResult, c.note)}`,
        ]);
      }
    }
    return {
      body: lines.map((l) => l.map(csvCell).join(',')).join('\r\n') + '\r\n',
      fileName: `safety-net-${slug(sellerName)}-${from}-${to}.csv`,
    };
  }

  /**
   * The log as a PDF. The API has no browser (only the PDF worker runs Chromium), so the printable HTML is stored
   * with its hash and the worker renders it through the outbox: 202 until then. New check-ins change the HTML, so
   * they make a new report; an unchanged log is rendered once.
   */
  async pdf(clientId: string, range: { from?: string; to?: string }): Promise<PdfAnswer<{ status: 'queued'; error: string | null }>> {
    const { from, to, sellerName, rows } = await this.log(clientId, range);
    const scope = TenantContext.require();
    const document = renderSafetyNetHtml({
      sellerName,
      from,
      to,
      measures: rows.map((r) => ({
        intro: safetyNetIntro(r.measure, r.cadence as Cadence, r.owner),
        caseReference: r.case_reference,
        lines: r.check_ins.map((c) => safetyNetLine(new Date(c.checked_at), c.result as CheckInResult, c.note)),
        problems: r.check_ins.filter((c) => c.result === 'problem').length,
      })),
    });
    const contentSha256 = sha256Hex(document.html);
    const fileName = `safety-net-${slug(sellerName)}-${from}-${to}.pdf`;
    const existing = await this.repo.report(clientId, contentSha256);
    if (existing?.status === 'ready' && existing.storage_key) {
      try {
        return { ready: true, file: await this.storage.get(existing.storage_key), fileName, etag: `"${contentSha256}"` };
      } catch (error) {
        if (!(error instanceof FileNotFoundError)) throw error;
      }
    }
    // A new log, a file storage lost, or a render that failed for good (asked for again): queued (again).
    if (!existing || existing.status !== 'queued') {
      await this.repo.transaction(async (tx) => {
        const reportId = existing?.id ?? (await this.repo.insertReport(tx, clientId, contentSha256, document.html));
        if (existing) await this.repo.requeueReport(tx, existing.id);
        if (reportId)
          await enqueue(tx, {
            queue: QUEUES.safetyNetRender,
            payload: { tenantId: scope.tenantId, reportId },
            repeat: existing ? { reason: 'rerender' } : undefined,
          });
      });
    }
    return { ready: false, render: { status: 'queued', error: null } };
  }
}

const csvCell = (value: string) => {
  // A leading =, +, - or @ would be a formula in a spreadsheet.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};
const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60) || 'client';
