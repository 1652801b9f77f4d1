import {
  defaultDueAt,
  defaultPath,
  MARKETPLACES,
  parseNoticeIssues,
  RESOLUTION_PATH_LABELS,
  RESOLUTION_PATHS,
  isMarketplaceCode,
  isViolationType,
  violationLabel,
  type NoticeParse,
} from '@poa/domain';
import { useMemo, useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { fieldError } from '../../api/errors';
import type { CreateCaseBody } from '../../api/types';
import { useCan } from '../auth/session';
import { useClientOptions } from '../clients/clients.queries';
import { useUsers } from '../settings/team/users.queries';
import { usePlaybooks } from '../settings/playbooks/playbooks.queries';
import { splitAsins } from './asins';
import { useCreateCase } from './cases.queries';
import { emptyIssueRow, issueRowsOfNotice, issuesBody, type IssueRow } from './issues';
import { IssuesFields } from './IssuesFields';
import { toLocalInputValue } from '../../lib/format';
import { SelectField, TextAreaField, TextField } from '../../ui/Field';
import { ErrorAlert } from '../../ui/states';
import { QuickClientForm } from '../clients/QuickClientForm';
import { usePageTitle } from '../../lib/page-title';

type Touched = Partial<Record<'asins' | 'marketplace' | 'issues' | 'path' | 'dueAt' | 'title', boolean>>;

export default function NewCasePage() {
  const canWrite = useCan('writer');
  usePageTitle('New case');
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const clients = useClientOptions();
  const users = useUsers();

  const [clientId, setClientId] = useState(params.get('clientId') ?? '');
  const [noticeText, setNoticeText] = useState('');
  const [asins, setAsins] = useState('');
  const [marketplace, setMarketplace] = useState('');
  const [issues, setIssues] = useState<IssueRow[]>(() => [emptyIssueRow()]);
  const [path, setPath] = useState('');
  const [title, setTitle] = useState('');
  const [receivedAt, setReceivedAt] = useState(() => toLocalInputValue(new Date()));
  const [dueAt, setDueAt] = useState('');
  const [assigneeId, setAssigneeId] = useState('');
  const [touched, setTouched] = useState<Touched>({});
  const [parsed, setParsed] = useState<NoticeParse | null>(null);
  const touch = (field: keyof Touched) => setTouched((t) => ({ ...t, [field]: true }));
  const violationType = issues[0]?.violationType ?? '';
  const effectivePath = touched.path ? path : isViolationType(violationType) ? defaultPath(violationType) : '';

  const playbooks = usePlaybooks();
  const suggestedDue = useMemo(() => {
    if (!receivedAt) return '';
    const received = new Date(receivedAt);
    // The notice's own deadline ("within 72 hours") counts from when it arrived.
    const fromNotice = noticeText.trim() ? parseNoticeIssues(noticeText, received).dueAt : null;
    if (fromNotice) return toLocalInputValue(new Date(fromNotice));
    if (!isViolationType(violationType)) return '';
    // Otherwise the agency's playbook for the type says how long (the built-in default until it has loaded).
    const hours = playbooks.data?.data.find((p) => p.violationType === violationType)?.deadlineHours;
    return toLocalInputValue(hours ? new Date(received.getTime() + hours * 3600_000) : defaultDueAt(violationType, received));
  }, [receivedAt, violationType, noticeText, playbooks.data]);
  const effectiveDue = touched.dueAt ? dueAt : suggestedDue;

  /** Pre-fills from the pasted notice whatever the writer has not set by hand. */
  const onNoticeChange = (text: string) => {
    setNoticeText(text);
    const found = text.trim() ? parseNoticeIssues(text, receivedAt ? new Date(receivedAt) : new Date()) : null;
    setParsed(found);
    if (!found) return;
    if (!touched.asins) setAsins([...new Set(found.issues.flatMap((i) => i.asins))].join(', '));
    if (!touched.marketplace && found.marketplace) setMarketplace(found.marketplace);
    if (!touched.issues && found.issues.length > 0) {
      setIssues(issueRowsOfNotice(found.issues));
      if (!touched.title) setTitle(found.issues.map((i) => violationLabel(i.violationType)).join(' + '));
    }
  };

  const create = useCreateCase((created) => void navigate(`/cases/${created.id}`));

  if (!canWrite) return <p role="alert">Viewers cannot open cases.</p>;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({
      clientId,
      title: title.trim(),
      issues: issuesBody(issues),
      ...(effectivePath ? { path: effectivePath as CreateCaseBody['path'] } : {}),
      marketplace: marketplace as CreateCaseBody['marketplace'],
      asins: splitAsins(asins),
      noticeText,
      noticeReceivedAt: new Date(receivedAt).toISOString(),
      ...(effectiveDue ? { dueAt: new Date(effectiveDue).toISOString() } : {}),
      ...(assigneeId ? { assigneeId } : {}),
    });
  };
  const ready =
    clientId &&
    title.trim() &&
    issues.length > 0 &&
    issues.every((i) => isViolationType(i.violationType)) &&
    isMarketplaceCode(marketplace) &&
    receivedAt;

  return (
    <section>
      <div className="page-header">
        <h1>New case</h1>
        <Link to="/cases">Back to cases</Link>
      </div>
      <div className="grid-2">
        <form className="card" onSubmit={submit} aria-label="New case">
          <ErrorAlert error={create.error} />
          <SelectField
            label="Client"
            required
            value={clientId}
            onChange={(e) => setClientId(e.target.value)}
            error={fieldError(create.error, 'clientId')}
          >
            <option value="">{clients.isPending ? 'Loading clients…' : 'Choose a client'}</option>
            {clients.data?.data.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
                {c.sellerId ? ` (${c.sellerId})` : ''}
              </option>
            ))}
          </SelectField>
          <TextAreaField
            label="Amazon's notice"
            rows={10}
            value={noticeText}
            onChange={(e) => onNoticeChange(e.target.value)}
            hint="Paste the whole message from Seller Central: ASINs, marketplace and each issue it names are filled in for you to confirm."
            error={fieldError(create.error, 'noticeText')}
          />
          {parsed && <ParsedSummary parsed={parsed} />}
          <TextField
            label="ASINs"
            name="asins"
            value={asins}
            onChange={(e) => {
              touch('asins');
              setAsins(e.target.value);
            }}
            hint="Separated by commas or spaces; the ASINs of the issues are added"
            error={fieldError(create.error, 'asins')}
          />
          <SelectField
            label="Marketplace"
            required
            value={marketplace}
            onChange={(e) => {
              touch('marketplace');
              setMarketplace(e.target.value);
            }}
            error={fieldError(create.error, 'marketplace')}
          >
            <option value="">Choose</option>
            {MARKETPLACES.map((m) => (
              <option key={m.code} value={m.code}>
                {m.code} · {m.name}
              </option>
            ))}
          </SelectField>
          <IssuesFields
            rows={issues}
            error={create.error}
            onChange={(rows) => {
              touch('issues');
              setIssues(rows);
            }}
          />
          <SelectField
            label="Path"
            name="path"
            value={effectivePath}
            onChange={(e) => {
              touch('path');
              setPath(e.target.value);
            }}
            hint={touched.path ? undefined : 'Defaults from the first issue: how Amazon usually resolves it'}
            error={fieldError(create.error, 'path')}
          >
            {!effectivePath && <option value="">From the first issue</option>}
            {RESOLUTION_PATHS.map((p) => (
              <option key={p} value={p}>
                {RESOLUTION_PATH_LABELS[p]}
              </option>
            ))}
          </SelectField>
          <TextField
            label="Title"
            required
            value={title}
            onChange={(e) => {
              touch('title');
              setTitle(e.target.value);
            }}
            error={fieldError(create.error, 'title')}
          />
          <div className="row">
            <TextField
              label="Notice received"
              type="datetime-local"
              required
              value={receivedAt}
              onChange={(e) => setReceivedAt(e.target.value)}
              error={fieldError(create.error, 'noticeReceivedAt')}
            />
            <TextField
              label="Due"
              type="datetime-local"
              value={effectiveDue}
              onChange={(e) => {
                touch('dueAt');
                setDueAt(e.target.value);
              }}
              hint={touched.dueAt ? undefined : "From the notice's deadline, or the violation type's"}
              error={fieldError(create.error, 'dueAt')}
            />
          </div>
          <SelectField label="Assignee" value={assigneeId} onChange={(e) => setAssigneeId(e.target.value)}>
            <option value="">Unassigned</option>
            {users.data?.data
              .filter((u) => u.status === 'active')
              .map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
          </SelectField>
          <button type="submit" className="btn btn-primary" disabled={!ready || create.isPending}>
            {create.isPending ? 'Creating…' : 'Create case'}
          </button>
        </form>
        <aside className="card">
          <h2>New client</h2>
          <p className="muted">Not in the list? Add the seller here.</p>
          <QuickClientForm onCreated={(client) => setClientId(client.id)} />
        </aside>
      </div>
    </section>
  );
}

const SCOPE_WORDS = { selling_privileges: 'selling privileges removed', listing: 'listings removed', account: 'account at risk' } as const;

function ParsedSummary({ parsed }: { parsed: NoticeParse }) {
  const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
  const found = [
    parsed.issues.length > 0
      ? `${count(parsed.issues.length, 'issue')} (${parsed.issues.map((i) => violationLabel(i.violationType)).join(', ')})`
      : 'violation type unclear',
    count(new Set(parsed.issues.flatMap((i) => i.asins)).size, 'ASIN'),
    count(new Set(parsed.issues.flatMap((i) => i.orderIds)).size, 'order id'),
    parsed.marketplace ? `marketplace ${parsed.marketplace}` : 'no marketplace',
    parsed.scope ? SCOPE_WORDS[parsed.scope] : null,
    parsed.section3 ? 'Section 3' : null,
    parsed.documentWindowDays ? `invoices from the last ${parsed.documentWindowDays} days` : null,
    parsed.fundsHoldDays ? `funds held up to ${parsed.fundsHoldDays} days` : null,
    parsed.complaint?.rightsOwner ? `rights owner ${parsed.complaint.rightsOwner}` : null,
    parsed.complaint?.complaintId ? `complaint ${parsed.complaint.complaintId}` : null,
  ].filter(Boolean);
  return (
    <div className="alert alert-warning" role="status" aria-live="polite" data-testid="notice-found">
      <p>Found in the notice: {found.join(' · ')}. Check the fields below.</p>
    </div>
  );
}
