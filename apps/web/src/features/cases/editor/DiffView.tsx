import { DRAFT_LIST_SECTION_KEYS, type DraftDiff, type ItemChange, type WordPart } from '@poa/domain';
import { SECTION_LABELS } from './labels';

const FIELD_LABELS: Record<string, string> = {
  text: '',
  completedAt: 'Completed',
  owner: 'Owner',
  startDate: 'Starts',
  frequency: 'Frequency',
  attachmentId: 'File',
  description: 'Proves',
};

/** A section-by-section diff: added text in green, removed text struck through in red. */
export function DiffView({ diff, fromLabel, toLabel }: { diff: DraftDiff; fromLabel: string; toLabel: string }) {
  const changedSections = Object.values(diff.sectionChanged).filter((s) => s.changed).length;
  return (
    <div className="diff" aria-label={`Changes from ${fromLabel} to ${toLabel}`}>
      <p className="muted">
        {changedSections === 0
          ? `No differences between ${fromLabel} and ${toLabel}.`
          : `${changedSections} section${changedSections === 1 ? '' : 's'} changed from ${fromLabel} to ${toLabel}.`}
      </p>
      <section>
        <h3>
          {SECTION_LABELS.summary} {diff.sectionChanged.summary.changed ? '' : <span className="muted">(unchanged)</span>}
        </h3>
        <p style={{ whiteSpace: 'pre-wrap' }}>
          <Words parts={diff.summary} />
        </p>
      </section>
      {DRAFT_LIST_SECTION_KEYS.map((key) => {
        const counts = diff.sectionChanged[key];
        const changes = diff[key] as ItemChange<object>[];
        return (
          <section key={key}>
            <h3>
              {SECTION_LABELS[key]}{' '}
              <span className="muted">{counts.changed ? `(+${counts.added} −${counts.removed} ~${counts.modified})` : '(unchanged)'}</span>
            </h3>
            {changes.length === 0 && <p className="muted">(none)</p>}
            {changes.map((change, i) => (
              <ItemChangeView key={i} change={change} />
            ))}
          </section>
        );
      })}
    </div>
  );
}

function ItemChangeView({ change }: { change: ItemChange<object> }) {
  const label = { added: 'Added', removed: 'Removed', changed: 'Changed', unchanged: 'Unchanged' }[change.kind];
  if (change.kind === 'changed' && change.fields) {
    const fields = change.fields as Record<string, WordPart[] | undefined>;
    return (
      <div className="diff-item changed">
        <span className="sr-only">{label}: </span>
        {Object.entries(fields).map(([field, parts]) =>
          parts && (parts.length > 0 || field === 'text') ? (
            <div key={field}>
              {FIELD_LABELS[field] ? <span className="muted">{FIELD_LABELS[field]}: </span> : null}
              <Words parts={parts} />
            </div>
          ) : null,
        )}
      </div>
    );
  }
  const item = (change.kind === 'removed' ? change.from : change.to) as Record<string, unknown> | undefined;
  const text = item
    ? Object.entries(item)
        .filter(([, v]) => typeof v === 'string' && v !== '')
        .map(([k, v]) => (FIELD_LABELS[k] ? `${FIELD_LABELS[k]}: ${String(v)}` : String(v)))
        .join(' · ')
    : '';
  return (
    <div className={`diff-item ${change.kind}`}>
      {change.kind !== 'unchanged' && <strong>{label}: </strong>}
      {change.kind === 'removed' ? (
        <del className="diff-removed">{text}</del>
      ) : change.kind === 'added' ? (
        <ins className="diff-added">{text}</ins>
      ) : (
        <span className="muted">{text}</span>
      )}
    </div>
  );
}

function Words({ parts }: { parts: WordPart[] }) {
  if (parts.length === 0) return <span className="muted">(empty)</span>;
  return (
    <>
      {parts.map((part, i) =>
        part.added ? (
          <ins key={i} className="diff-added">
            {part.value}
          </ins>
        ) : part.removed ? (
          <del key={i} className="diff-removed">
            {part.value}
          </del>
        ) : (
          <span key={i}>{part.value}</span>
        ),
      )}
    </>
  );
}
