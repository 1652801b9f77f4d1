import type { CaseDetail } from '../../../api/types';
import { formatDateTime } from '../../../lib/format';

/** What the PDF will print: who approved which exact content, when and from where. */
export function ApprovalProof({ approval }: { approval: NonNullable<CaseDetail['approval']> }) {
  return (
    <section className="card" aria-labelledby="approval-title">
      <h2 id="approval-title">Client approval</h2>
      <dl className="facts">
        <dt>Version</dt>
        <dd>v{approval.version}</dd>
        <dt>Approved by</dt>
        <dd>
          {approval.contact.name} &lt;{approval.contact.email}&gt;
        </dd>
        <dt>Typed name</dt>
        <dd data-testid="approval-full-name">{approval.fullName}</dd>
        <dt>When</dt>
        <dd>{formatDateTime(approval.approvedAt)}</dd>
        {approval.recordedBy && (
          <>
            <dt>Recorded by</dt>
            <dd>
              {approval.recordedBy.name} on the client's behalf{approval.note ? ` (${approval.note})` : ''}
            </dd>
          </>
        )}
        {approval.ip && (
          <>
            <dt>IP</dt>
            <dd className="mono">{approval.ip}</dd>
          </>
        )}
        <dt>Content SHA-256</dt>
        <dd className="mono" style={{ wordBreak: 'break-all' }}>
          {approval.contentSha256}
        </dd>
      </dl>
    </section>
  );
}
