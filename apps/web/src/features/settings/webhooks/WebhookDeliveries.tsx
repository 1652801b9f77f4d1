import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { formatDateTime } from '../../../lib/format';
import { SelectField } from '../../../ui/Field';
import { DataTable } from '../../../ui/DataTable';
import { ErrorAlert } from '../../../ui/states';
import { describeAttempt, webhookState, type Delivery } from './webhook-events';
import { useRedeliver, useSendTestEvent, useWebhook, useWebhookDeliveries } from './webhooks.queries';

type DeliveryStatus = Delivery['status'];
const STATUSES: readonly DeliveryStatus[] = ['pending', 'succeeded', 'failed'];
const FOLLOW_MS = 30_000;

/** The delivery log of one endpoint, newest first: every attempt, and a way to send one again. */
export function WebhookDeliveries() {
  const { id = '' } = useParams();
  const [status, setStatus] = useState<DeliveryStatus | ''>('');
  // A redelivery leaves the status as it is until the worker has sent it: follow the log for a while.
  const [followUntil, setFollowUntil] = useState(0);
  const webhook = useWebhook(id);
  const deliveries = useWebhookDeliveries(id, status, followUntil);
  const follow = () => setFollowUntil(Date.now() + FOLLOW_MS);
  const sendTest = useSendTestEvent(id, follow);
  const testDelivery = sendTest.data
    ? (deliveries.data?.pages.flatMap((page) => page.data).find((d) => d.id === sendTest.data.id) ?? sendTest.data)
    : null;

  return (
    <section className="card" aria-labelledby="deliveries-title">
      <p className="muted" style={{ margin: 0 }}>
        <Link to="/settings/webhooks">Webhooks</Link>
      </p>
      <div className="page-header">
        <h2 id="deliveries-title" style={{ margin: 0 }}>
          Deliveries{' '}
          {webhook.data && (
            <span className="mono" style={{ overflowWrap: 'anywhere' }}>
              to {webhook.data.url}
            </span>
          )}
        </h2>
        {webhook.data && <span className={`pill pill-${webhookState(webhook.data)}`}>{webhookState(webhook.data)}</span>}
      </div>
      <ErrorAlert error={webhook.error} />
      <div className="test-event">
        <button
          type="button"
          className="btn"
          disabled={sendTest.isPending || webhook.data?.enabled === false}
          onClick={() => sendTest.mutate()}
        >
          {sendTest.isPending ? 'Sending…' : 'Send test event'}
        </button>
        <p className="muted" role="status" data-testid="test-event-result">
          {testDelivery
            ? testEventOutcome(testDelivery)
            : webhook.data?.enabled === false
              ? 'Enable the endpoint to send a test event.'
              : 'Sends a signed webhook.test event to this endpoint; it is listed below with its attempts.'}
        </p>
        <ErrorAlert error={sendTest.error} />
      </div>
      <div className="filters">
        <SelectField label="Status" value={status} onChange={(e) => setStatus(e.target.value as DeliveryStatus | '')}>
          <option value="">All</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </SelectField>
      </div>
      <DataTable
        query={deliveries}
        label="Deliveries"
        className="table-cards"
        empty="No deliveries yet: they appear when a subscribed event happens."
        columns={['Time', 'Event', 'Status', 'Attempts', { header: 'Actions', srOnly: true }]}
        row={(delivery) => <DeliveryRow delivery={delivery} onQueued={() => setFollowUntil(Date.now() + FOLLOW_MS)} />}
      />
    </section>
  );
}

/** What became of the test event, in a sentence: queued, delivered, or failed (and whether it is tried again). */
function testEventOutcome(delivery: Delivery): string {
  const last = delivery.attempts.at(-1);
  if (delivery.status === 'succeeded' && last) return `Test event delivered: ${describeAttempt(last)}.`;
  if (!last) return 'Test event queued: waiting for the worker to send it…';
  const retry = delivery.status === 'pending' && delivery.nextAttemptAt ? ` Next try ${formatDateTime(delivery.nextAttemptAt)}.` : '';
  return `Test event failed: ${describeAttempt(last)}.${retry}`;
}

function DeliveryRow({ delivery, onQueued }: { delivery: Delivery; onQueued: () => void }) {
  const redeliver = useRedeliver(delivery, onQueued);
  return (
    <tr data-delivery-status={delivery.status}>
      <td data-label="Time">{formatDateTime(delivery.createdAt)}</td>
      <td data-label="Event" className="mono">
        {delivery.eventType}
      </td>
      <td data-label="Status">
        <span className={`pill pill-${delivery.status}`}>{delivery.status}</span>
        {delivery.status === 'pending' && delivery.nextAttemptAt && (
          <div className="muted">next try {formatDateTime(delivery.nextAttemptAt)}</div>
        )}
      </td>
      <td data-label="Attempts">
        {delivery.attempts.length === 0 ? (
          <span className="muted">none yet</span>
        ) : (
          <ol className="attempts" aria-label={`${delivery.attempts.length} attempts`}>
            {delivery.attempts.map((attempt, index) => (
              <li key={index} className={attempt.statusCode !== null && attempt.statusCode < 300 ? undefined : 'field-error'}>
                <span className="muted">{formatDateTime(attempt.at)}</span> {describeAttempt(attempt)}
              </li>
            ))}
          </ol>
        )}
      </td>
      <td className="actions">
        <button type="button" className="btn btn-small" disabled={redeliver.isPending} onClick={() => redeliver.mutate()}>
          {redeliver.isPending ? 'Queuing…' : 'Redeliver'}
        </button>
        {redeliver.isSuccess && (
          <div className="muted" role="status">
            Queued
          </div>
        )}
        <ErrorAlert error={redeliver.error} />
      </td>
    </tr>
  );
}
