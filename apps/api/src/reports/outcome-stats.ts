import { isViolationType, violationLabel } from '@poa/domain';
import type { DecidedCaseRow } from './reports.repository';
import type { FindingRow, OutcomeGroupBy, OutcomeRow } from './reports.schemas';

const DAY_MS = 86_400_000;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The middle value (the mean of the two middle ones for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const round = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;

export function winRate(reinstated: number, decided: number): number | null {
  return decided === 0 ? null : round(reinstated / decided, 4);
}

interface Group {
  key: string;
  label: string;
  order: number | string;
}

function groupOf(row: DecidedCaseRow, by: OutcomeGroupBy): Group {
  switch (by) {
    case 'violationType':
      return {
        key: row.violation_type,
        label: isViolationType(row.violation_type) ? violationLabel(row.violation_type) : row.violation_type,
        order: row.violation_type,
      };
    case 'writer':
      return row.assignee_id
        ? { key: row.assignee_id, label: row.writer_name ?? 'Former member', order: row.writer_name ?? '' }
        : { key: 'unassigned', label: 'Unassigned', order: '\uffff' };
    case 'month': {
      const key = row.decided_at.toISOString().slice(0, 7);
      return { key, label: `${MONTHS[row.decided_at.getUTCMonth()]} ${row.decided_at.getUTCFullYear()}`, order: key };
    }
    case 'round':
      return { key: String(row.rounds), label: row.rounds === 1 ? '1 submission' : `${row.rounds} submissions`, order: row.rounds };
    case 'path':
      return { key: row.path, label: row.path.replace(/_/g, ' ').replace(/^\w/, (c) => c.toUpperCase()), order: row.path };
  }
}

export function outcomeRow(group: string, label: string, rows: readonly DecidedCaseRow[]): OutcomeRow {
  const reinstated = rows.filter((r) => r.outcome === 'reinstated').length;
  const days = median(rows.map((r) => (r.decided_at.getTime() - r.notice_received_at.getTime()) / DAY_MS));
  return {
    group,
    label,
    decided: rows.length,
    reinstated,
    denied: rows.length - reinstated,
    winRate: winRate(reinstated, rows.length),
    medianDaysToDecision: days === null ? null : round(days, 1),
    medianRounds: median(rows.map((r) => r.rounds)),
  };
}

/**
 * The outcome report: one row per group, months and rounds in their order, violation types, paths and writers by
 * most decided first.
 */
export function outcomeRows(rows: readonly DecidedCaseRow[], by: OutcomeGroupBy): OutcomeRow[] {
  const groups = new Map<string, { group: Group; rows: DecidedCaseRow[] }>();
  for (const row of rows) {
    const group = groupOf(row, by);
    const entry = groups.get(group.key) ?? { group, rows: [] };
    entry.rows.push(row);
    groups.set(group.key, entry);
  }
  const chronological = by === 'month' || by === 'round';
  return [...groups.values()]
    .sort((a, b) => {
      if (!chronological && a.rows.length !== b.rows.length) return b.rows.length - a.rows.length;
      const [x, y] = [a.group.order, b.group.order];
      return typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    })
    .map(({ group, rows }) => outcomeRow(group.key, group.label, rows));
}

/** Per rule: decided cases whose submitted version had the finding, against those that did not. */
export function findingRows(cases: readonly { outcome: string; rules: ReadonlySet<string> }[]): FindingRow[] {
  const rules = new Set(cases.flatMap((c) => [...c.rules]));
  const side = (list: readonly { outcome: string }[]) => {
    const reinstated = list.filter((c) => c.outcome === 'reinstated').length;
    return { decided: list.length, reinstated, winRate: winRate(reinstated, list.length) };
  };
  return [...rules]
    .map((rule) => {
      const withFinding = side(cases.filter((c) => c.rules.has(rule)));
      const withoutFinding = side(cases.filter((c) => !c.rules.has(rule)));
      const winRateDifference =
        withFinding.winRate === null || withoutFinding.winRate === null ? null : round(withoutFinding.winRate - withFinding.winRate, 4);
      return { rule, withFinding, withoutFinding, winRateDifference };
    })
    .sort((a, b) => b.withFinding.decided - a.withFinding.decided || a.rule.localeCompare(b.rule));
}

const CSV_COLUMNS = ['group', 'label', 'decided', 'reinstated', 'denied', 'winRate', 'medianDaysToDecision', 'medianRounds'] as const;

function csvCell(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  // A cell starting with = + - @ is a formula to a spreadsheet: prefixed with ' so it stays text.
  const safe = /^[=+\-@\t\r]/.test(text) && typeof value === 'string' ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The report as CSV: a header row, then one line per group (CRLF, as RFC 4180 has it). */
export function outcomesCsv(rows: readonly OutcomeRow[]): string {
  const lines = [CSV_COLUMNS.join(','), ...rows.map((row) => CSV_COLUMNS.map((column) => csvCell(row[column])).join(','))];
  return lines.join('\r\n') + '\r\n';
}
