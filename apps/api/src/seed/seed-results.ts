import { randomUUID } from 'node:crypto';
import type { TenantDb, TenantTransaction } from '@poa/db';
import {
  buildSubmission,
  canonicalDraftJson,
  formatCaseReference,
  violationTypeInfo,
  type DraftSections,
  type ViolationType,
} from '@poa/domain';
import { sha256Hex } from '../common/hash';
import { DEMO_CLIENTS, DEMO_STAFF } from './demo-data';
import { RESULT_PLANS, WEAK_LINES, type PlanText } from './results-plans';

const DAY_MS = 86_400_000;

/** One submission of a decided case and what Amazon answered. */
export interface DecidedRound {
  sections: DraftSections;
  submittedAt: Date;
  outcome: 'reinstated' | 'denied' | 'more_info_requested';
  outcomeAt: Date;
  amazonResponse: string;
}

/** A case Amazon has decided, written straight to the tables (the demo seed and tests with known answers). */
export interface DecidedCase {
  clientId: string;
  contact: { id: string; name: string; email: string };
  assignee: { id: string; name: string } | null;
  title: string;
  violationType: string;
  path: string;
  marketplace: string;
  asins: string[];
  orderIds: string[];
  noticeText: string;
  noticeReceivedAt: Date;
  /** In order; the last outcome is the decision (reinstated or denied), the ones before more_info_requested. */
  rounds: DecidedRound[];
}

const iso = (date: Date) => date.toISOString();

/** A row for jsonb_to_recordset. */
type Row = Record<string, unknown>;

/**
 * Inserts decided cases with their rounds, versions, approvals, submissions and timeline in a few bulk statements
 * of the caller's transaction; references continue the tenant's numbering of the notice's year. Returns their ids.
 */
export async function insertDecidedCases(
  tx: TenantTransaction,
  cases: readonly DecidedCase[],
): Promise<{ id: string; reference: string }[]> {
  const ordered = [...cases].sort((a, b) => a.noticeReceivedAt.getTime() - b.noticeReceivedAt.getTime());
  const references: string[] = [];
  const byYear = new Map<number, number>();
  for (const c of ordered) byYear.set(c.noticeReceivedAt.getUTCFullYear(), (byYear.get(c.noticeReceivedAt.getUTCFullYear()) ?? 0) + 1);
  const next = new Map<number, number>();
  for (const [year, count] of byYear) {
    const [row] = await tx.query<{ last_value: number }>(
      `INSERT INTO case_counters (tenant_id, year, last_value) VALUES (current_setting('app.tenant_id')::uuid, $1, $2)
       ON CONFLICT (tenant_id, year) DO UPDATE SET last_value = case_counters.last_value + $2 RETURNING last_value`,
      [year, count],
    );
    next.set(year, row.last_value - count + 1);
  }
  for (const c of ordered) {
    const year = c.noticeReceivedAt.getUTCFullYear();
    const n = next.get(year)!;
    next.set(year, n + 1);
    references.push(formatCaseReference(year, n));
  }

  const caseRows: Row[] = [];
  const roundRows: Row[] = [];
  const versionRows: Row[] = [];
  const approvalRows: Row[] = [];
  const submissionRows: Row[] = [];
  const eventRows: Row[] = [];
  const ids: { id: string; reference: string }[] = [];
  for (const [i, c] of ordered.entries()) {
    const id = randomUUID();
    const issueId = randomUUID();
    const last = c.rounds[c.rounds.length - 1];
    const staff = c.assignee ?? { id: null, name: 'Agency' };
    ids.push({ id, reference: references[i] });
    const at = (date: Date, minutes = 0) => iso(new Date(date.getTime() + minutes * 60_000));
    const event = (type: string, when: string, data: Record<string, unknown>) =>
      eventRows.push({ case_id: id, type, actor_type: 'user', actor_id: staff.id, actor_name: staff.name, data, created_at: when });
    event('case.created', at(c.noticeReceivedAt, 60), {
      reference: references[i],
      title: c.title,
      violationType: c.violationType,
      issues: 1,
    });
    let lastVersionId = '';
    c.rounds.forEach((r, index) => {
      const round = index + 1;
      const versionId = randomUUID();
      lastVersionId = versionId;
      const sections: DraftSections = {
        ...r.sections,
        rootCauses: r.sections.rootCauses.map((item) => ({ ...item, issueId })),
        correctiveActions: r.sections.correctiveActions.map((item) => ({ ...item, issueId })),
      };
      const canonical = canonicalDraftJson(sections);
      const sha = sha256Hex(canonical);
      const written = at(r.submittedAt, -2 * 24 * 60);
      versionRows.push({
        id: versionId,
        case_id: id,
        version: round,
        round,
        sections: JSON.parse(canonical),
        content_sha256: sha,
        author_id: staff.id,
        author_name: staff.name,
        created_at: written,
      });
      event('draft.version_created', written, { version: round, round, draftVersionId: versionId });
      approvalRows.push({
        case_id: id,
        draft_version_id: versionId,
        version: round,
        contact_id: c.contact.id,
        contact_name: c.contact.name,
        contact_email: c.contact.email,
        full_name: c.contact.name,
        approved_at: at(r.submittedAt, -3 * 60),
        content_sha256: sha,
        recorded_by_id: staff.id,
        recorded_by_name: staff.name,
      });
      const submissionId = randomUUID();
      submissionRows.push({
        id: submissionId,
        case_id: id,
        round,
        draft_version_id: versionId,
        version: round,
        sha256: sha,
        submitted_at: iso(r.submittedAt),
        submitted_by_id: staff.id,
        submitted_by_name: staff.name,
        fields: buildSubmission(sections, { asins: c.asins }).fields,
      });
      event('case.transitioned', iso(r.submittedAt), {
        action: 'mark_submitted',
        from: 'approved',
        to: 'submitted',
        round,
        version: round,
      });
      event('submission.recorded', at(r.submittedAt, 0.01), {
        submissionId,
        round,
        version: round,
        channel: 'seller_central_form',
        sha256: sha,
      });
      const to = r.outcome === 'more_info_requested' ? 'drafting' : r.outcome;
      event('case.transitioned', iso(r.outcomeAt), {
        action: 'record_outcome',
        from: 'submitted',
        to,
        round,
        version: round,
        outcome: r.outcome,
      });
      roundRows.push({
        case_id: id,
        round,
        amazon_request: index === 0 ? null : c.rounds[index - 1].amazonResponse,
        outcome: r.outcome,
        amazon_response: r.amazonResponse,
        outcome_at: iso(r.outcomeAt),
      });
    });
    caseRows.push({
      id,
      client_id: c.clientId,
      reference: references[i],
      title: c.title,
      violation_type: c.violationType,
      marketplace: c.marketplace,
      asins: c.asins,
      notice_text: c.noticeText,
      notice_received_at: iso(c.noticeReceivedAt),
      due_at: iso(new Date(c.noticeReceivedAt.getTime() + 17 * DAY_MS)),
      status: last.outcome,
      round: c.rounds.length,
      appeals_used: c.rounds.length,
      assignee_id: c.assignee?.id ?? null,
      latest_version: c.rounds.length,
      approved_version_id: lastVersionId,
      issues: [{ id: issueId, violationType: c.violationType, asins: c.asins, orderIds: c.orderIds, note: '' }],
      path: c.path,
      created_at: at(c.noticeReceivedAt, 60),
      updated_at: iso(last.outcomeAt),
    });
  }

  await tx.query(
    `INSERT INTO cases (id, tenant_id, client_id, reference, title, violation_type, marketplace, asins, notice_text, notice_received_at,
                        due_at, status, round, appeals_used, assignee_id, latest_version, approved_version_id, issues, path, created_at, updated_at)
     SELECT r.id, current_setting('app.tenant_id')::uuid, r.client_id, r.reference, r.title, r.violation_type, r.marketplace, r.asins,
            r.notice_text, r.notice_received_at, r.due_at, r.status, r.round, r.appeals_used, r.assignee_id, r.latest_version,
            r.approved_version_id, r.issues, r.path, r.created_at, r.updated_at
     FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, client_id uuid, reference text, title text, violation_type text, marketplace text,
          asins text[], notice_text text, notice_received_at timestamptz, due_at timestamptz, status text, round int, appeals_used int,
          assignee_id uuid, latest_version int, approved_version_id uuid, issues jsonb, path text, created_at timestamptz, updated_at timestamptz)`,
    [JSON.stringify(caseRows.map((r) => ({ ...r, asins: `{${(r.asins as string[]).join(',')}}` })))],
  );
  await tx.query(
    `UPDATE cases c SET search_text = lower(concat_ws(' ', c.reference, c.title, cl.name, cl.seller_id, array_to_string(c.asins, ' ')))
     FROM clients cl WHERE cl.id = c.client_id AND c.id = ANY($1::uuid[])`,
    [ids.map((x) => x.id)],
  );
  await tx.query(
    `INSERT INTO case_rounds (tenant_id, case_id, round, amazon_request, outcome, amazon_response, outcome_at)
     SELECT current_setting('app.tenant_id')::uuid, r.case_id, r.round, r.amazon_request, r.outcome, r.amazon_response, r.outcome_at
     FROM jsonb_to_recordset($1::jsonb) AS r(case_id uuid, round int, amazon_request text, outcome text, amazon_response text, outcome_at timestamptz)`,
    [JSON.stringify(roundRows)],
  );
  await tx.query(
    `INSERT INTO draft_versions (id, tenant_id, case_id, version, round, sections, content_sha256, author_type, author_id, author_name, created_at, updated_at)
     SELECT r.id, current_setting('app.tenant_id')::uuid, r.case_id, r.version, r.round, r.sections, r.content_sha256, 'user', r.author_id,
            r.author_name, r.created_at, r.created_at
     FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, case_id uuid, version int, round int, sections jsonb, content_sha256 text,
          author_id uuid, author_name text, created_at timestamptz)`,
    [JSON.stringify(versionRows)],
  );
  await tx.query(
    `INSERT INTO approvals (tenant_id, case_id, draft_version_id, version, contact_id, contact_name, contact_email, full_name, approved_at,
                            content_sha256, recorded_by_id, recorded_by_name, note)
     SELECT current_setting('app.tenant_id')::uuid, r.case_id, r.draft_version_id, r.version, r.contact_id, r.contact_name, r.contact_email,
            r.full_name, r.approved_at, r.content_sha256, r.recorded_by_id, r.recorded_by_name, 'Approved by email'
     FROM jsonb_to_recordset($1::jsonb) AS r(case_id uuid, draft_version_id uuid, version int, contact_id uuid, contact_name text,
          contact_email text, full_name text, approved_at timestamptz, content_sha256 text, recorded_by_id uuid, recorded_by_name text)`,
    [JSON.stringify(approvalRows)],
  );
  await tx.query(
    `INSERT INTO submissions (id, tenant_id, case_id, round, draft_version_id, version, sha256, channel, submitted_at, submitted_by_type,
                              submitted_by_id, submitted_by_name, fields)
     SELECT r.id, current_setting('app.tenant_id')::uuid, r.case_id, r.round, r.draft_version_id, r.version, r.sha256, 'seller_central_form',
            r.submitted_at, 'user', r.submitted_by_id, r.submitted_by_name, r.fields
     FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, case_id uuid, round int, draft_version_id uuid, version int, sha256 text,
          submitted_at timestamptz, submitted_by_id uuid, submitted_by_name text, fields jsonb)`,
    [JSON.stringify(submissionRows)],
  );
  await tx.query(
    `INSERT INTO case_events (tenant_id, case_id, type, actor_type, actor_id, actor_name, data, created_at)
     SELECT current_setting('app.tenant_id')::uuid, r.case_id, r.type, r.actor_type, r.actor_id, r.actor_name, r.data, r.created_at
     FROM jsonb_to_recordset($1::jsonb) AS r(case_id uuid, type text, actor_type text, actor_id uuid, actor_name text, data jsonb, created_at timestamptz)`,
    [JSON.stringify(eventRows)],
  );
  return ids;
}

/** A small deterministic generator (mulberry32): the demo is the same on every first start. */
function generator(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(list: readonly T[]) => list[Math.floor(next() * list.length)],
  };
}

type Weakness = 'vague' | 'blame' | 'emotive' | 'no_owner' | 'no_frequency' | 'not_completed';

/** The plan with its case's identifiers and dates, and some weaknesses (which a later round may have fixed). */
function planSections(
  plan: PlanText,
  fill: (text: string) => string,
  day: (offset: number) => string,
  weak: ReadonlySet<Weakness>,
): DraftSections {
  const actions = plan.correctiveActions.map((text, i) => ({
    text: fill(text),
    completedAt: weak.has('not_completed') && i === 0 ? null : day(-3 + i),
  }));
  if (weak.has('vague')) actions.push({ text: WEAK_LINES.vague, completedAt: day(-1) });
  const causes = plan.rootCauses.map((text) => ({ text: fill(text) }));
  if (weak.has('blame')) causes.push({ text: WEAK_LINES.blame });
  return {
    summary: fill(plan.summary) + (weak.has('emotive') ? ` ${WEAK_LINES.emotive}` : ''),
    rootCauses: causes,
    correctiveActions: actions,
    preventiveMeasures: plan.preventiveMeasures.map((m, i) => ({
      text: fill(m.text),
      owner: weak.has('no_owner') && i === 0 ? '' : m.owner,
      startDate: day(-1),
      frequency: weak.has('no_frequency') && i === 0 ? '' : m.frequency,
    })),
    supportingDocuments: [],
  };
}

const PATH_OF: Partial<Record<ViolationType, string>> = {
  intellectual_property: 'retraction',
  restricted_products: 'listing_fix',
  product_safety: 'compliance_documents',
};

const ASIN_CHARS = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';

/**
 * 44 cases Amazon decided over the last six months, across violation types, the demo staff and one to three
 * rounds, reinstated more often when the plan had fewer weaknesses: the results page and the library of plans that
 * won show something true on first start.
 */
export function demoDecidedCases(
  now: Date,
  clients: readonly { id: string; contact: { id: string; name: string; email: string } }[],
  staff: readonly { id: string; name: string }[],
): DecidedCase[] {
  const random = generator(20260611);
  const types = Object.keys(RESULT_PLANS) as ViolationType[];
  const weaknesses: Weakness[] = ['vague', 'blame', 'emotive', 'no_owner', 'no_frequency', 'not_completed'];
  const out: DecidedCase[] = [];
  for (let i = 0; i < 44; i++) {
    const type = i < types.length * 2 ? types[i % types.length] : random.pick(types.slice(0, 5));
    const plans = RESULT_PLANS[type]!;
    const plan = plans[i % plans.length];
    const clientIndex = i % clients.length;
    const client = clients[clientIndex];
    const writer = staff[(i * 7 + Math.floor(i / 3)) % staff.length];
    const asin = 'B0' + Array.from({ length: 8 }, () => random.pick([...ASIN_CHARS])).join('');
    const order = `${random.int(111, 114)}-${random.int(1_000_000, 9_999_999)}-${random.int(1_000_000, 9_999_999)}`;
    const fill = (text: string) => text.replace(/\{asin\}/g, asin).replace(/\{order\}/g, order);
    const rounds = random.next() < 0.55 ? 1 : random.next() < 0.7 ? 2 : 3;
    // The writers differ: the first of the staff list leaves fewer weaknesses.
    const weakCount = Math.min(weaknesses.length, random.int(0, 2) + (writer === staff[0] ? 0 : random.int(0, 1)));
    const weak = new Set<Weakness>();
    while (weak.size < weakCount) weak.add(random.pick(weaknesses));
    const decisionDaysAgo = random.int(2, 178);
    const decidedAt = new Date(now.getTime() - decisionDaysAgo * DAY_MS - random.int(0, 8 * 60) * 60_000);
    // Each round: written, submitted, answered after 2 to 6 days; the notice 3 to 9 days before the first submission.
    const gaps = Array.from({ length: rounds }, () => ({ answer: random.int(2, 6), rewrite: random.int(2, 5) }));
    const roundDates: { submittedAt: Date; outcomeAt: Date }[] = [];
    let cursor = decidedAt.getTime();
    for (let r = rounds - 1; r >= 0; r--) {
      const outcomeAt = new Date(cursor);
      const submittedAt = new Date(cursor - gaps[r].answer * DAY_MS - random.int(1, 6) * 3_600_000);
      roundDates.unshift({ submittedAt, outcomeAt });
      cursor = submittedAt.getTime() - gaps[r].rewrite * DAY_MS;
    }
    const noticeReceivedAt = new Date(roundDates[0].submittedAt.getTime() - random.int(3, 9) * DAY_MS);
    const reinstated = random.next() < 0.85 - 0.22 * weak.size - (rounds === 3 ? 0.1 : 0);
    const info = violationTypeInfo(type);
    const rows: DecidedRound[] = roundDates.map((dates, r) => {
      const final = r === rounds - 1;
      // Amazon's request is answered: each later round drops one weakness.
      const roundWeak = new Set([...weak].slice(0, Math.max(0, weak.size - r)));
      const day = (offset: number) => new Date(dates.submittedAt.getTime() + offset * DAY_MS).toISOString().slice(0, 10);
      return {
        sections: planSections(plan, fill, day, roundWeak),
        submittedAt: dates.submittedAt,
        outcomeAt: dates.outcomeAt,
        outcome: final ? (reinstated ? 'reinstated' : 'denied') : 'more_info_requested',
        amazonResponse: final
          ? reinstated
            ? 'Your selling privileges have been reinstated.'
            : 'We reviewed your plan of action and are unable to reinstate your account at this time.'
          : `Please explain the root cause in more detail and provide supporting documents for ASIN ${asin}.`,
      };
    });
    const clientInfo = DEMO_CLIENTS[clientIndex % DEMO_CLIENTS.length];
    out.push({
      clientId: client.id,
      contact: client.contact,
      assignee: writer,
      title: fill(plan.title).replace(/^./, (c) => c.toUpperCase()),
      violationType: type,
      path: PATH_OF[type] ?? info.path ?? 'poa',
      marketplace: clientInfo.marketplaces[0],
      asins: [asin],
      orderIds: plan.notice.includes('{order}') || JSON.stringify(plan).includes('{order}') ? [order] : [],
      noticeText: fill(plan.notice),
      noticeReceivedAt,
      rounds: rows,
    });
  }
  return out;
}

/** Seeds the decided demo cases in one transaction of the demo agency (its clients and contacts in DEMO_CLIENTS order). */
export async function seedResults(
  db: TenantDb,
  tenantId: string,
  ids: { clientIds: readonly string[]; contactIds: readonly string[]; staffIds: Record<string, string> },
): Promise<void> {
  const clients = ids.clientIds.map((id, i) => ({ id, contact: { id: ids.contactIds[i], ...DEMO_CLIENTS[i].contact } }));
  const staff = DEMO_STAFF.filter((s) => s.role !== 'viewer').map((s) => ({ id: ids.staffIds[s.role], name: s.name }));
  const cases = demoDecidedCases(new Date(), clients, staff);
  await db.transaction((tx) => insertDecidedCases(tx, cases), { tenantId });
}
