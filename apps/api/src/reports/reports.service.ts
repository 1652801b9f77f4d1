import { Injectable } from '@nestjs/common';
import { AppError } from '../core/errors';
import { findingRows, outcomeRow, outcomeRows, outcomesCsv } from './outcome-stats';
import { ReportsRepository, type DecisionPeriod } from './reports.repository';
import type { FindingsQuery, OutcomesQuery } from './reports.schemas';
import { findingsOfSubmittedVersion } from './submitted-findings';

const DAY_MS = 86_400_000;

/** `from` and `to` are whole UTC days, both included. */
export function decisionPeriod(query: { from?: string; to?: string }): DecisionPeriod {
  const from = query.from ? new Date(`${query.from}T00:00:00.000Z`) : null;
  const to = query.to ? new Date(new Date(`${query.to}T00:00:00.000Z`).getTime() + DAY_MS) : null;
  if (from && to && from.getTime() >= to.getTime()) {
    throw AppError.validation([{ field: 'to', message: 'must be the same day as from or later' }]);
  }
  return { from, to };
}

/** What the agency's decided cases say: win rates by group, and what each checker finding costs. */
@Injectable()
export class ReportsService {
  constructor(private readonly reports: ReportsRepository) {}

  async outcomes(query: OutcomesQuery) {
    const rows = await this.reports.decidedCases(decisionPeriod(query));
    return { data: outcomeRows(rows, query.groupBy), total: outcomeRow('all', 'All decided cases', rows) };
  }

  async outcomesCsv(query: OutcomesQuery): Promise<string> {
    return outcomesCsv((await this.outcomes(query)).data);
  }

  async findings(query: FindingsQuery) {
    const rows = await this.reports.decidedSubmissions(decisionPeriod(query));
    const cases = rows.map((row) => ({ outcome: row.outcome, rules: findingsOfSubmittedVersion(row) }));
    return { data: findingRows(cases), decided: cases.length };
  }
}
