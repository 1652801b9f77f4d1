import type { CaseDetail } from '../../../api/types';
import { formatDateTime } from '../../../lib/format';

/** The client's change request, shown at the top of the case until the next version is sent to the client. */
export function ChangeRequestBanner({ request }: { request: NonNullable<CaseDetail['changeRequest']> }) {
  const who = request.requestedBy.type === 'contact' ? request.requestedBy.name : `${request.requestedBy.name}, for the client`;
  return (
    <section className="alert alert-warning change-request" aria-labelledby="change-request-title">
      <div>
        <h2 id="change-request-title">The client asked for changes</h2>
        <blockquote className="prose">{request.comment}</blockquote>
        <p className="muted-strong">
          {who} · <time dateTime={request.requestedAt}>{formatDateTime(request.requestedAt)}</time>
          {request.version ? ` · on version ${request.version}` : ''}
          {request.note ? ` · ${request.note}` : ''}
        </p>
        <p>This stays here until the next version is sent to the client.</p>
      </div>
    </section>
  );
}
