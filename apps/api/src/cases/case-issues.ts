import { randomUUID } from 'node:crypto';
import type { ViolationType } from '@poa/domain';
import { AppError } from '../core/errors';
import type { IssueInput } from './cases.schemas';

/** An issue as stored in `cases.issues`. */
export interface CaseIssue {
  id: string;
  violationType: ViolationType;
  asins: string[];
  orderIds: string[];
  note: string;
}

/**
 * The issues of a new case: those given, or one of `violationType` with the case's ASINs. `violationType`, when both
 * are given, must be the first issue's.
 */
export function issuesForCreate(input: { violationType?: ViolationType; issues?: IssueInput[]; asins: string[] }): CaseIssue[] {
  if (!input.issues) {
    if (!input.violationType) throw AppError.validation([{ field: 'violationType', message: 'required unless issues are given' }]);
    return [{ id: randomUUID(), violationType: input.violationType, asins: input.asins, orderIds: [], note: '' }];
  }
  const unknownIds = input.issues.flatMap((issue, i) =>
    issue.id ? [{ field: `issues.${i}.id`, message: 'not an issue of this case' }] : [],
  );
  if (unknownIds.length > 0) throw AppError.validation(unknownIds);
  assertFirstType(input.violationType, input.issues);
  return input.issues.map((issue) => ({ ...issue, id: randomUUID() }));
}

/** The issues after an update: an issue keeps its id when sent with it; a lone violationType changes the first issue. */
export function issuesForUpdate(
  existing: CaseIssue[],
  input: { violationType?: ViolationType; issues?: IssueInput[] },
): CaseIssue[] | undefined {
  if (!input.issues) {
    if (!input.violationType || existing.length === 0) return undefined;
    return existing.map((issue, i) => (i === 0 ? { ...issue, violationType: input.violationType! } : issue));
  }
  const known = new Set(existing.map((issue) => issue.id));
  const seen = new Set<string>();
  const problems = input.issues.flatMap((issue, i) => {
    if (!issue.id) return [];
    if (!known.has(issue.id)) return [{ field: `issues.${i}.id`, message: 'not an issue of this case' }];
    if (seen.has(issue.id)) return [{ field: `issues.${i}.id`, message: 'given twice' }];
    seen.add(issue.id);
    return [];
  });
  if (problems.length > 0) throw AppError.validation(problems);
  assertFirstType(input.violationType, input.issues);
  return input.issues.map((issue) => ({ ...issue, id: issue.id ?? randomUUID() }));
}

function assertFirstType(violationType: ViolationType | undefined, issues: IssueInput[]): void {
  if (violationType && violationType !== issues[0].violationType)
    throw AppError.validation([{ field: 'violationType', message: 'must equal the first issue’s violationType (or be left out)' }]);
}

/** The case's ASINs: its own and every issue's, in order, once each. */
export function allAsins(asins: string[], issues: CaseIssue[]): string[] {
  return [...new Set([...asins, ...issues.flatMap((issue) => issue.asins)])];
}
