import type { NoticeIssue } from '@poa/domain';
import type { CaseIssue, CreateCaseBody } from '../../api/types';
import { splitAsins } from './asins';

/** An issue as the form holds it: lists as typed text. `id` is set for an issue the case already has. */
export interface IssueRow {
  key: string;
  id?: string;
  violationType: string;
  asins: string;
  orderIds: string;
  note: string;
  /** The sentence of the notice the issue was read from. */
  excerpt?: string;
}

type IssueBody = NonNullable<CreateCaseBody['issues']>[number];

let counter = 0;
const nextKey = () => `issue-${++counter}`;

export function emptyIssueRow(violationType = ''): IssueRow {
  return { key: nextKey(), violationType, asins: '', orderIds: '', note: '' };
}

export function issueRowsOfNotice(issues: NoticeIssue[]): IssueRow[] {
  return issues.map((i) => ({
    key: nextKey(),
    violationType: i.violationType,
    asins: i.asins.join(', '),
    orderIds: i.orderIds.join(', '),
    note: '',
    excerpt: i.excerpt,
  }));
}

export function issueRowsOfCase(issues: CaseIssue[]): IssueRow[] {
  return issues.map((i) => ({
    key: i.id,
    id: i.id,
    violationType: i.violationType,
    asins: i.asins.join(', '),
    orderIds: i.orderIds.join(', '),
    note: i.note,
  }));
}

/** "112-1, 112-2 113-3" -> the order ids typed with any separator. */
export function splitOrderIds(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((o) => o.trim())
    .filter(Boolean);
}

export function issuesBody(rows: IssueRow[]): IssueBody[] {
  return rows.map((r) => ({
    ...(r.id ? { id: r.id } : {}),
    violationType: r.violationType as IssueBody['violationType'],
    asins: splitAsins(r.asins),
    orderIds: splitOrderIds(r.orderIds),
    note: r.note.trim(),
  }));
}
