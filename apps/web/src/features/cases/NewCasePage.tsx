import {
  defaultDueAt,
  MARKETPLACES,
  parseNotice,
  VIOLATION_TYPES,
  isMarketplaceCode,
  isViolationType,
  violationLabel,
  type ParsedNotice,
} from '@poa/domain';
import { useMemo, useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { fieldError } from '../../api/errors';
import type { CreateCaseBody } from '../../api/types';
import { useCan } from '../auth/session';
import { useClientOptions } from '../clients/clients.queries';
import { useUsers } from '../settings/team/users.queries';
import { splitAsins } from './asins';
import { useCreateCase } from './cases.queries';
import { toLocalInputValue } from '../../lib/format';
import { SelectField, TextAreaField, TextField } from '../../ui/Field';
import { ErrorAlert } from '../../ui/states';
import { QuickClientForm } from '../clients/QuickClientForm';
import { usePageTitle } from '../../lib/page-title';

type Touched = Partial<Record<'asins' | 'marketplace' | 'violationType' | 'dueAt' | 'title', boolean>>;

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
  const [violationType, setViolationType] = useState('');
  const [title, setTitle] = useState('');
  const [receivedAt, setReceivedAt] = useState(() => toLocalInputValue(new Date()));
  const [dueAt, setDueAt] = useState('');
  const [assigneeId, setAssigneeId] = useState('');
  const [touched, setTouched] = useState<Touched>({});
  const [parsed, setParsed] = useState<ParsedNotice | null>(null);
  const touch = (field: keyof Touched) => setTouched((t) => ({ ...t, [field]: true }));

  const suggestedDue = useMemo(() => {
    if (!receivedAt) return '';
    const received = new Date(receivedAt);
    if (parsed?.dueInHours) return toLocalInputValue(new Date(received.getTime() + parsed.dueInHours * 3_600_000));
    return isViolationType(violationType) ? toLocalInputValue(defaultDueAt(violationType, received)) : '';
  }, [receivedAt, violationType, parsed]);
  const effectiveDue = touched.dueAt ? dueAt : suggestedDue;

  /** Pre-fills from the pasted notice whatever the writer has not set by hand. */
  const onNoticeChange = (text: string) => {
    setNoticeText(text);
    const found = text.trim() ? parseNotice(text) : null;
    setParsed(found);
    if (!found) return;
    if (!touched.asins) setAsins(found.asins.join(', '));
    if (!touched.marketplace && found.marketplace) setMarketplace(found.marketplace);
    if (!touched.violationType && found.violationType) {
      setViolationType(found.violationType);
      if (!touched.title) setTitle(violationLabel(found.violationType));
    }
  };

  const create = useCreateCase((created) => void navigate(`/cases/${created.id}`));

  if (!canWrite) return <p role="alert">Viewers cannot open cases.</p>;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({
      clientId,
      title: title.trim(),
      violationType: violationType as CreateCaseBody['violationType'],
      marketplace: marketplace as CreateCaseBody['marketplace'],
      asins: splitAsins(asins),
      noticeText,
      noticeReceivedAt: new Date(receivedAt).toISOString(),
      ...(effectiveDue ? { dueAt: new Date(effectiveDue).toISOString() } : {}),
      ...(assigneeId ? { assigneeId } : {}),
    });
  };
  const ready = clientId && title.trim() && isViolationType(violationType) && isMarketplaceCode(marketplace) && receivedAt;

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
            hint="Paste the whole message from Seller Central: ASINs, marketplace and violation type are filled in for you to confirm."
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
            hint="Separated by commas or spaces"
            error={fieldError(create.error, 'asins')}
          />
          <div className="row">
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
            <SelectField
              label="Violation type"
              required
              value={violationType}
              onChange={(e) => {
                touch('violationType');
                setViolationType(e.target.value);
              }}
              error={fieldError(create.error, 'violationType')}
            >
              <option value="">Choose</option>
              {VIOLATION_TYPES.map((v) => (
                <option key={v.key} value={v.key}>
                  {v.label}
                </option>
              ))}
            </SelectField>
          </div>
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
              hint={touched.dueAt ? undefined : 'Defaults from the violation type'}
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

function ParsedSummary({ parsed }: { parsed: ParsedNotice }) {
  const found = [
    `${parsed.asins.length} ASIN${parsed.asins.length === 1 ? '' : 's'}`,
    `${parsed.orderIds.length} order id${parsed.orderIds.length === 1 ? '' : 's'}`,
    parsed.marketplace ? `marketplace ${parsed.marketplace}` : 'no marketplace',
    parsed.violationType ? `looks like ${violationLabel(parsed.violationType)}` : 'violation type unclear',
    parsed.dueInHours ? `answer within ${parsed.dueInHours} hours` : null,
  ].filter(Boolean);
  return (
    <div className="alert alert-warning" role="status" aria-live="polite">
      <p>
        Found in the notice: {found.join(' · ')}. Check the fields below.
        {parsed.orderIds.length > 0 && <span className="mono"> Orders: {parsed.orderIds.join(', ')}</span>}
      </p>
    </div>
  );
}
