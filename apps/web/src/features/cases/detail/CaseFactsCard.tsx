import { MARKETPLACES, RESOLUTION_PATH_LABELS, STATUS_LABELS } from '@poa/domain';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import type { CaseDetail } from '../../../api/types';
import { useCan } from '../../auth/session';
import { formatDateTime } from '../../../lib/format';
import { safeViolationLabel } from '../list/CaseTable';
import { Countdown } from './Countdown';
import { EditCaseForm } from './EditCaseForm';

/** Who, what, where and when of a case; writers switch it to a form to correct the details. */
export function CaseFactsCard({ detail }: { detail: CaseDetail }) {
  const canWrite = useCan('writer');
  const [editing, setEditing] = useState(false);
  const card = useRef<HTMLElement>(null);
  // Focus follows the switch: into the form's first field on "Edit details", back to the button on Cancel or save.
  const switched = useRef(false);
  useEffect(() => {
    if (!switched.current) return;
    switched.current = false;
    card.current?.querySelector<HTMLElement>(editing ? 'input, select, textarea' : '[data-edit-details]')?.focus();
  }, [editing]);
  const switchTo = (next: boolean) => {
    switched.current = true;
    setEditing(next);
  };
  return (
    <section className="card" aria-label="Case facts" ref={card}>
      {canWrite && !editing && (
        <div className="btn-group" style={{ justifyContent: 'flex-end', marginBottom: '0.5rem' }}>
          <button type="button" className="btn btn-small" data-edit-details onClick={() => switchTo(true)}>
            Edit details
          </button>
        </div>
      )}
      {editing ? <EditCaseForm detail={detail} onDone={() => switchTo(false)} /> : <Facts detail={detail} />}
    </section>
  );
}

function Facts({ detail }: { detail: CaseDetail }) {
  const marketplace = MARKETPLACES.find((m) => m.code === detail.marketplace);
  return (
    <>
      <dl className="facts">
        <dt>Client</dt>
        <dd>
          <Link to={`/clients/${detail.client.id}`}>{detail.client.name}</Link>
          {detail.client.sellerId && <span className="muted"> · seller {detail.client.sellerId}</span>}
        </dd>
        <dt>Issues</dt>
        <dd>
          <ol className="issue-list" data-testid="case-issues">
            {detail.issues.map((issue) => (
              <li key={issue.id}>
                <strong>{safeViolationLabel(issue.violationType)}</strong>
                {issue.asins.length > 0 && <span className="mono"> · {issue.asins.join(', ')}</span>}
                {issue.orderIds.length > 0 && <span className="mono muted"> · orders {issue.orderIds.join(', ')}</span>}
                {issue.note && <span className="muted"> · {issue.note}</span>}
              </li>
            ))}
          </ol>
        </dd>
        <dt>Path</dt>
        <dd data-testid="case-path">{RESOLUTION_PATH_LABELS[detail.path]}</dd>
        <dt>Marketplace</dt>
        <dd>{marketplace ? `${marketplace.name} (${marketplace.domain})` : detail.marketplace}</dd>
        <dt>ASINs</dt>
        <dd className="mono" data-testid="case-asins">
          {detail.asins.length > 0 ? detail.asins.join(', ') : <span className="muted">none</span>}
        </dd>
        <dt>Notice received</dt>
        <dd>{formatDateTime(detail.noticeReceivedAt)}</dd>
        <dt>Due</dt>
        <dd>
          {formatDateTime(detail.dueAt)} · <Countdown dueAt={detail.dueAt} status={detail.status} />
        </dd>
        <dt>Assignee</dt>
        <dd>{detail.assignee?.name ?? <span className="muted">Unassigned</span>}</dd>
        <dt>Round</dt>
        <dd>
          {detail.round} · latest version {detail.latestVersion || '—'}
          {detail.approvedVersion ? ` · approved version ${detail.approvedVersion}` : ''}
        </dd>
      </dl>
      {detail.noticeText && (
        <details style={{ marginTop: '0.75rem' }}>
          <summary>Amazon's notice</summary>
          <div className="notice-text">{detail.noticeText}</div>
        </details>
      )}
      {detail.rounds.length > 1 && <Rounds detail={detail} />}
    </>
  );
}

function Rounds({ detail }: { detail: CaseDetail }) {
  return (
    <details style={{ marginTop: '0.75rem' }}>
      <summary>Rounds ({detail.rounds.length})</summary>
      <ol>
        {detail.rounds.map((r) => (
          <li key={r.round}>
            Round {r.round} from {formatDateTime(r.createdAt)}
            {r.amazonRequest && <> · Amazon asked: {r.amazonRequest}</>}
            {r.outcome && <> · outcome: {STATUS_LABELS[r.outcome]}</>}
          </li>
        ))}
      </ol>
    </details>
  );
}
