import type { CaseDetail, UpdateCaseBody } from '../../../api/types';
import { splitAsins } from '../asins';
import { issueRowsOfCase, issuesBody, type IssueRow } from '../issues';
import { toLocalInputValue } from '../../../lib/format';

export type EditableCase = Pick<
  CaseDetail,
  'title' | 'dueAt' | 'assignee' | 'asins' | 'marketplace' | 'violationType' | 'noticeText' | 'issues' | 'path'
>;

/** The editable facts of a case as form inputs hold them. */
export interface CaseEditForm {
  title: string;
  /** `YYYY-MM-DDTHH:mm`, local time */
  dueAt: string;
  /** '' = unassigned */
  assigneeId: string;
  asins: string;
  marketplace: string;
  issues: IssueRow[];
  path: string;
  noticeText: string;
}

export function caseEditFormOf(detail: EditableCase): CaseEditForm {
  return {
    title: detail.title,
    dueAt: toLocalInputValue(new Date(detail.dueAt)),
    assigneeId: detail.assignee?.id ?? '',
    asins: detail.asins.join(', '),
    marketplace: detail.marketplace,
    issues: issueRowsOfCase(detail.issues),
    path: detail.path,
    noticeText: detail.noticeText,
  };
}

/** Only what changed, so an edit never overwrites a colleague's change to another field. */
export function caseChanges(detail: EditableCase, form: CaseEditForm): UpdateCaseBody {
  const before = caseEditFormOf(detail);
  const body: UpdateCaseBody = {};
  if (form.title.trim() !== before.title) body.title = form.title.trim();
  if (form.dueAt !== before.dueAt && form.dueAt) body.dueAt = new Date(form.dueAt).toISOString();
  if (form.assigneeId !== before.assigneeId) body.assigneeId = form.assigneeId || null;
  const asins = splitAsins(form.asins);
  if (asins.join(',') !== detail.asins.join(',')) body.asins = asins;
  if (form.marketplace !== before.marketplace) body.marketplace = form.marketplace as UpdateCaseBody['marketplace'];
  const issues = issuesBody(form.issues);
  if (JSON.stringify(issues) !== JSON.stringify(issuesBody(before.issues))) body.issues = issues;
  if (form.path !== before.path) body.path = form.path as UpdateCaseBody['path'];
  if (form.noticeText !== before.noticeText) body.noticeText = form.noticeText;
  return body;
}
