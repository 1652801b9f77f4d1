import { ACTION_LABELS, STATUS_LABELS, isCaseAction, isCaseStatus } from '@poa/domain';
import type { CaseEvent } from '../../../api/types';
import { useCaseEvents } from '../cases.queries';
import { formatDateTime } from '../../../lib/format';
import { QueryView } from '../../../ui/states';
import { CHANNEL_LABELS } from './channels';

/** Everything that happened to the case, oldest first. */
export function TimelinePanel({ caseId }: { caseId: string }) {
  const events = useCaseEvents(caseId);
  return (
    <section className="card" aria-labelledby="timeline-title">
      <h2 id="timeline-title">Timeline</h2>
      <QueryView query={events} isEmpty={(page) => page.data.length === 0} empty="Nothing has happened yet.">
        {(page) => (
          <ol className="timeline">
            {page.data.map((event) => (
              <li key={event.id}>
                <span className="muted">{formatDateTime(event.createdAt)}</span> · <strong>{event.actor.name ?? event.actor.type}</strong>{' '}
                {describeEvent(event)}
              </li>
            ))}
          </ol>
        )}
      </QueryView>
    </section>
  );
}

export function describeEvent(event: CaseEvent): string {
  const data = event.data;
  switch (event.type) {
    case 'case.created':
      return `opened the case ${String(data.reference ?? '')}`;
    case 'case.updated':
      return `updated ${Array.isArray(data.fields) ? data.fields.join(', ') : 'the case'}`;
    case 'draft.version_created':
      return `saved version ${String(data.version)}`;
    case 'case.transitioned': {
      const action = isCaseAction(data.action) ? ACTION_LABELS[data.action] : String(data.action);
      const to = isCaseStatus(data.to) ? STATUS_LABELS[data.to] : String(data.to);
      return `${action.toLowerCase()} → ${to}`;
    }
    case 'comment.added':
      return `commented (${String(data.visibility)})`;
    case 'approval.recorded':
      return 'recorded the client approval';
    case 'submission.recorded':
      return `submitted version ${String(data.version)} to Amazon (round ${String(data.round)}, ${CHANNEL_LABELS[String(data.channel)] ?? String(data.channel)})`;
    case 'attachment.uploaded':
      return `uploaded ${String(data.fileName ?? 'a file')}`;
    case 'case.resolution_updated':
      if (data.part === 'retraction') return `updated the retraction: ${String(data.status).replace(/_/g, ' ')}`;
      if (data.part === 'listing_fixes')
        return `updated the listing changes (${String(data.confirmed)} of ${String(data.items)} confirmed)`;
      return `updated the compliance documents (${String(data.provided)} of ${String(data.items)} uploaded)`;
    default:
      return event.type;
  }
}
