import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { fieldError } from '../../../api/errors';
import { formatDateTime } from '../../../lib/format';
import { CopyField } from '../../../ui/CopyField';
import { TextField } from '../../../ui/Field';
import { DataTable } from '../../../ui/DataTable';
import { ErrorAlert } from '../../../ui/states';
import { WEBHOOK_EVENT_LABELS, WEBHOOK_EVENTS, webhookState, type Webhook, type WebhookEvent } from './webhook-events';
import { useCreateWebhook, useDeleteWebhook, useToggleWebhook, useWebhooks } from './webhooks.queries';

/** Endpoints that receive the agency's events, signed with a per-endpoint secret. */
export function WebhooksSettings() {
  const webhooks = useWebhooks();
  return (
    <div className="stack-lg">
      <CreateWebhookForm />
      <div className="card">
        <h2>Webhooks</h2>
        <DataTable
          query={webhooks}
          label="Webhooks"
          empty="No webhooks yet."
          columns={['URL', 'Events', 'State', 'Created', { header: 'Actions', srOnly: true }]}
          row={(webhook) => <WebhookRow webhook={webhook} />}
        />
      </div>
    </div>
  );
}

function WebhookRow({ webhook }: { webhook: Webhook }) {
  const toggle = useToggleWebhook(webhook);
  const remove = useDeleteWebhook(webhook.id);
  const state = webhookState(webhook);
  return (
    <tr className={webhook.enabled ? undefined : 'row-muted'}>
      <td className="mono" style={{ wordBreak: 'break-all' }}>
        {webhook.url}
      </td>
      <td>{webhook.events.join(', ')}</td>
      <td>
        <span className={`pill pill-${state}`}>{state}</span>
        {webhook.failingSince && <div className="muted">failing since {formatDateTime(webhook.failingSince)}</div>}
        {webhook.disabledReason && <div className="muted">{webhook.disabledReason}</div>}
      </td>
      <td>{formatDateTime(webhook.createdAt)}</td>
      <td className="actions">
        <div className="btn-group" style={{ justifyContent: 'flex-end' }}>
          <Link className="btn btn-small" to={`/settings/webhooks/${webhook.id}`} aria-label={`Deliveries of ${webhook.url}`}>
            Deliveries
          </Link>
          <button type="button" className="btn btn-small" disabled={toggle.isPending} onClick={() => toggle.mutate()}>
            {webhook.enabled ? 'Disable' : 'Enable'}
          </button>
          <button
            type="button"
            className="btn btn-small btn-danger"
            disabled={remove.isPending}
            onClick={() => {
              if (window.confirm(`Delete the webhook to ${webhook.url}? Its delivery log goes with it.`)) remove.mutate();
            }}
          >
            Delete
          </button>
        </div>
        <ErrorAlert error={toggle.error ?? remove.error} />
      </td>
    </tr>
  );
}

function CreateWebhookForm() {
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<WebhookEvent[]>(['case.created', 'case.status_changed']);
  const create = useCreateWebhook(() => setUrl(''));
  const toggle = (event: WebhookEvent) => setEvents((list) => (list.includes(event) ? list.filter((e) => e !== event) : [...list, event]));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ url: url.trim(), events });
  };
  const urlError = fieldError(create.error, 'url');

  return (
    <form className="card" onSubmit={submit} aria-labelledby="new-webhook-title">
      <h2 id="new-webhook-title">Add a webhook</h2>
      <p className="muted">
        Each event is POSTed as JSON and signed in <span className="mono">X-PoaDesk-Signature</span> with the endpoint's secret. Private,
        link-local and reserved addresses are always refused. Loopback addresses (127.0.0.1, ::1, localhost) are refused in production; only
        a server started for local development with <span className="mono">WEBHOOK_ALLOW_LOOPBACK=true</span> (the local start command's
        default) accepts them. Check an endpoint with &ldquo;Send test event&rdquo; on its deliveries page.
      </p>
      {/* The URL's own error shows next to the field; anything else here. */}
      <ErrorAlert error={urlError ? null : create.error} />
      <TextField
        label="Endpoint URL"
        type="url"
        required
        placeholder="https://example.com/poa-desk/events"
        value={url}
        onChange={(e) => setUrl(e.target.value)}
        error={urlError}
      />
      <fieldset className="checkboxes">
        <legend>Events</legend>
        {WEBHOOK_EVENTS.map((event) => (
          <label key={event} title={WEBHOOK_EVENT_LABELS[event]}>
            <input type="checkbox" checked={events.includes(event)} onChange={() => toggle(event)} /> {event}
          </label>
        ))}
        {fieldError(create.error, 'events') && <small className="field-error">{fieldError(create.error, 'events')}</small>}
      </fieldset>
      <button className="btn btn-primary" type="submit" disabled={create.isPending || !url.trim() || events.length === 0}>
        {create.isPending ? 'Adding…' : 'Add webhook'}
      </button>
      {create.data && (
        <div className="alert alert-success" role="status" style={{ marginTop: '0.75rem' }}>
          <p>Copy the signing secret of {create.data.url} now: it will not be shown again.</p>
          <CopyField label="Signing secret" value={create.data.secret} />
        </div>
      )}
    </form>
  );
}
