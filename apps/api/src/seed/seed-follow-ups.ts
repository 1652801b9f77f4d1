import type { TenantDb } from '@poa/db';
import { addCadence, type Cadence } from '@poa/domain';
import { createHash } from 'node:crypto';
import { planFollowUps } from '../follow-ups/plan-follow-ups';

const DAY_MS = 86_400_000;

const DONE_NOTES = [
  '',
  'All clear.',
  'Checked against the brand authorisation list: all match.',
  'Invoices filed in the shared drive.',
  'No exceptions this time.',
  '',
];
const PROBLEM_NOTES = [
  'One supplier invoice was missing; requested it and paused the reorder until it arrived.',
  'A listing used a restricted claim ("FDA approved"); removed the wording the same day.',
  'Two units arrived without the brand label; set them aside and asked the supplier.',
  'The weekly export failed; ran it by hand the next morning.',
];

/** A deterministic number in [0, 1) from a text (the same demo every time). */
const chance = (text: string) => createHash('sha256').update(text).digest().readUInt32BE(0) / 2 ** 32;

/**
 * Gives the agency's approved plans a few months of safety-net history: a follow-up per preventive measure of each
 * approved version (the approval already made them for cases approved through the workflow), backdated to `months`
 * ago, with check-ins on their cadence (about one in twelve a problem, by the seller or the agency) and a few left
 * overdue. Works over whatever approved cases exist; follow-ups that already have check-ins are left alone.
 */
export async function seedFollowUps(db: TenantDb, tenantId: string, opts: { now?: Date; months?: number } = {}): Promise<number> {
  const now = opts.now ?? new Date();
  const start = new Date(now.getTime() - (opts.months ?? 4) * 30 * DAY_MS);
  return db.transaction(
    async (tx) => {
      const approved = await tx.query<{
        case_id: string;
        client_id: string;
        version_id: string;
        measures: Parameters<typeof planFollowUps>[0];
      }>(
        `SELECT c.id AS case_id, c.client_id, v.id AS version_id, coalesce(v.sections->'preventiveMeasures', '[]'::jsonb) AS measures
         FROM cases c JOIN draft_versions v ON v.id = c.approved_version_id
         WHERE NOT EXISTS (SELECT 1 FROM follow_ups f WHERE f.case_id = c.id)`,
      );
      for (const c of approved) {
        for (const p of planFollowUps(c.measures, start)) {
          await tx.query(
            `INSERT INTO follow_ups (tenant_id, case_id, client_id, draft_version_id, measure, frequency, owner, cadence, cadence_source, next_due_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (case_id, measure) DO NOTHING`,
            [
              tenantId,
              c.case_id,
              c.client_id,
              c.version_id,
              p.measure,
              p.frequency,
              p.owner,
              JSON.stringify(p.cadence),
              p.cadenceSource,
              p.nextDueAt,
            ],
          );
        }
      }

      const followUps = await tx.query<{ id: string; case_id: string; cadence: Cadence; contact: string | null; staff: string | null }>(
        `SELECT f.id, f.case_id, f.cadence,
                (SELECT name FROM contacts ct WHERE ct.client_id = f.client_id ORDER BY ct.created_at LIMIT 1) AS contact,
                (SELECT u.name FROM cases c JOIN users u ON u.id = c.assignee_id WHERE c.id = f.case_id) AS staff
         FROM follow_ups f
         WHERE f.ended_at IS NULL AND NOT EXISTS (SELECT 1 FROM follow_up_check_ins ci WHERE ci.follow_up_id = f.id)
         ORDER BY f.id`,
      );
      let checkIns = 0;
      for (const f of followUps) {
        // Events are checked when they happen: about every three weeks in the demo.
        const period: Cadence = f.cadence === 'event' ? { every: 3, unit: 'week' } : f.cadence;
        // A quarter of the periodic follow-ups are behind: their last check was skipped.
        const behind = f.cadence !== 'event' && chance(`${f.id}-behind`) < 0.25;
        const rows: { at: Date; result: string; note: string; byContact: boolean }[] = [];
        let last: Date | null = null;
        for (let at = addCadence(start, period)!; at.getTime() < now.getTime(); at = addCadence(at, period)!) {
          const key = `${f.id}-${at.getTime()}`;
          const checkedAt = new Date(at.getTime() + Math.floor(chance(`${key}-h`) * 8) * 3600_000);
          if (checkedAt.getTime() >= now.getTime()) break;
          const next = addCadence(at, period)!;
          if (behind && next.getTime() >= now.getTime()) break;
          const problem = chance(`${key}-p`) < 1 / 12;
          const notes = problem ? PROBLEM_NOTES : DONE_NOTES;
          rows.push({
            at: checkedAt,
            result: problem ? 'problem' : 'done',
            note: notes[Math.floor(chance(`${key}-n`) * notes.length)],
            byContact: chance(`${key}-who`) < 0.7,
          });
          last = checkedAt;
        }
        for (const r of rows) {
          const byContact = r.byContact && f.contact !== null;
          await tx.query(
            `INSERT INTO follow_up_check_ins (tenant_id, follow_up_id, case_id, result, note, checked_at, actor_type, actor_name)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
            [
              tenantId,
              f.id,
              f.case_id,
              r.result,
              r.note,
              r.at,
              byContact ? 'contact' : 'user',
              byContact ? f.contact : (f.staff ?? 'Agency'),
            ],
          );
        }
        checkIns += rows.length;
        const nextDueAt = f.cadence === 'event' ? null : addCadence(last ?? start, f.cadence);
        await tx.query(
          `UPDATE follow_ups SET created_at = least(created_at, $2), next_due_at = $3,
             reminded_due_at = CASE WHEN $3::timestamptz <= now() THEN $3::timestamptz END
           WHERE id = $1`,
          [f.id, start, nextDueAt],
        );
      }
      return checkIns;
    },
    { tenantId },
  );
}
