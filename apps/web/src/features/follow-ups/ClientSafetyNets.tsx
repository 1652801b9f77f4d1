import { useId, useState } from 'react';
import { ErrorAlert, QueryView } from '../../ui/states';
import { FollowUpList } from './FollowUpList';
import { useFollowUps, useSafetyNetDownload } from './follow-ups.queries';

const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

/** A client's safety nets and the log to attach to a future appeal (PDF or CSV for a date range). */
export function ClientSafetyNets({ clientId }: { clientId: string }) {
  const followUps = useFollowUps({ clientId });
  const download = useSafetyNetDownload(clientId);
  const [from, setFrom] = useState(day(-90));
  const [to, setTo] = useState(day(0));
  const id = useId();
  return (
    <section className="card" aria-labelledby={`${id}-title`} style={{ marginTop: '1.25rem' }}>
      <h2 id={`${id}-title`}>Safety nets</h2>
      <QueryView
        query={followUps}
        isEmpty={(page) => page.data.length === 0}
        empty="No safety nets yet: they start when the client approves a plan."
      >
        {(page) => <FollowUpList followUps={page.data} />}
      </QueryView>
      <form
        className="safety-net-download"
        aria-label="Safety-net log"
        onSubmit={(e) => {
          e.preventDefault();
          download.mutate({ format: 'pdf', from, to });
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-from`}>From</label>
          <input id={`${id}-from`} type="date" value={from} max={to} onChange={(e) => setFrom(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`}>To</label>
          <input id={`${id}-to`} type="date" value={to} min={from} onChange={(e) => setTo(e.target.value)} />
        </div>
        <div className="btn-group">
          <button type="submit" className="btn btn-small" disabled={download.isPending}>
            {download.isPending && download.variables?.format === 'pdf' ? 'Preparing PDF…' : 'Download log (PDF)'}
          </button>
          <button
            type="button"
            className="btn btn-small btn-ghost"
            disabled={download.isPending}
            onClick={() => download.mutate({ format: 'csv', from, to })}
          >
            CSV
          </button>
        </div>
      </form>
      <ErrorAlert error={download.error} />
    </section>
  );
}
