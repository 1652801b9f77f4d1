import { formatDate } from './format';
import { caseStateLabel } from './labels';
import { usePortalCases, usePortalEvidenceRequests } from './portal.queries';
import { navigate } from './router';

export function CaseListPage() {
  const { cases, failed } = usePortalCases();
  const requests = usePortalEvidenceRequests();
  const error = failed ? 'Could not load your cases.' : null;
  // What waits for the seller's review comes first; the rest keeps the newest-first order of the answer.
  const ordered = cases && [...cases.filter((c) => c.awaitingReview), ...cases.filter((c) => !c.awaitingReview)];

  return (
    <section aria-labelledby="cases-title">
      {requests.length > 0 ? (
        <section className="panel" aria-labelledby="requests-title">
          <h2 id="requests-title">Documents we need from you</h2>
          <ul className="requests">
            {requests.map((r) => (
              <li key={r.caseId}>
                <a
                  href={`/portal/cases/${r.caseId}`}
                  onClick={(e) => {
                    e.preventDefault();
                    navigate(`/portal/cases/${r.caseId}`);
                  }}
                >
                  <strong>{r.reference}</strong> — {r.title}
                </a>{' '}
                <span className="pill pill-action">{r.missing === 1 ? '1 document' : `${r.missing} documents`}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <h1 id="cases-title">Your cases</h1>
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
      {cases === null && !error ? <p role="status">Loading…</p> : null}
      {cases?.length === 0 ? <p>Nothing waits for you at the moment.</p> : null}
      <ul className="case-list">
        {ordered?.map((c) => (
          <li key={c.id}>
            <a
              href={`/portal/cases/${c.id}`}
              onClick={(e) => {
                e.preventDefault();
                navigate(`/portal/cases/${c.id}`);
              }}
            >
              <strong>{c.reference}</strong> — {c.title}
            </a>
            <span className={`pill ${c.awaitingReview ? 'pill-action' : c.workingOnChanges ? 'pill-working' : ''}`}>
              {caseStateLabel(c)}
            </span>
            <span className="muted small">Amazon deadline: {formatDate(c.dueAt)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
