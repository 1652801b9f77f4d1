import { useSearchParams } from 'react-router-dom';
import { usePageTitle } from '../../lib/page-title';
import { QueryView } from '../../ui/states';
import { FollowUpList } from './FollowUpList';
import { useFollowUps, type FollowUpStatus } from './follow-ups.queries';

const VIEWS: { status: FollowUpStatus | undefined; label: string }[] = [
  { status: 'overdue', label: 'Overdue' },
  { status: 'due', label: 'Due soon' },
  { status: undefined, label: 'All' },
];

/** Safety nets across clients: the preventive measures of approved plans whose checks are late or coming up. */
export default function SafetyNetsPage() {
  usePageTitle('Safety nets');
  const [params, setParams] = useSearchParams();
  const raw = params.get('status');
  const status: FollowUpStatus | undefined = raw === 'all' ? undefined : raw === 'due' ? 'due' : 'overdue';
  const followUps = useFollowUps({ status });
  return (
    <section>
      <div className="page-header">
        <h1>Safety nets</h1>
      </div>
      <p className="muted">Each preventive measure of an approved plan, checked on its cadence by your team or the seller in the portal.</p>
      <div className="tabs" role="tablist" aria-label="Which safety nets">
        {VIEWS.map((v) => (
          <button
            key={v.label}
            type="button"
            role="tab"
            aria-selected={status === v.status}
            onClick={() => setParams(v.status ? { status: v.status } : { status: 'all' })}
          >
            {v.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" aria-label={VIEWS.find((v) => v.status === status)?.label}>
        <QueryView
          query={followUps}
          isEmpty={(page) => page.data.length === 0}
          empty={
            status === 'overdue'
              ? 'No check is overdue.'
              : status === 'due'
                ? 'Nothing falls due in the next three days.'
                : 'No safety nets yet: they start when a client approves a plan.'
          }
        >
          {(page) => <FollowUpList followUps={page.data} showClient />}
        </QueryView>
      </div>
    </section>
  );
}
