import type { DraftSections } from '@poa/domain';
import { SECTION_LABELS } from './labels';

/** A read-only rendering of a version (conflict sides, history). */
export function DraftPreview({ draft, fileName }: { draft: DraftSections; fileName?: (attachmentId: string) => string }) {
  return (
    <div className="draft-preview">
      <h3>{SECTION_LABELS.summary}</h3>
      <p style={{ whiteSpace: 'pre-wrap' }}>{draft.summary || <span className="muted">(empty)</span>}</p>
      <h3>{SECTION_LABELS.rootCauses}</h3>
      <List items={draft.rootCauses.map((r) => r.text)} />
      <h3>{SECTION_LABELS.correctiveActions}</h3>
      <List items={draft.correctiveActions.map((c) => `${c.text}${c.completedAt ? ` (done ${c.completedAt})` : ''}`)} />
      <h3>{SECTION_LABELS.preventiveMeasures}</h3>
      <List
        items={draft.preventiveMeasures.map((p) =>
          [p.text, p.owner && `owner: ${p.owner}`, p.startDate && `from ${p.startDate}`, p.frequency && p.frequency]
            .filter(Boolean)
            .join(' · '),
        )}
      />
      <h3>{SECTION_LABELS.supportingDocuments}</h3>
      <List items={draft.supportingDocuments.map((d) => `${fileName?.(d.attachmentId) ?? d.attachmentId}: ${d.description}`)} />
    </div>
  );
}

function List({ items }: { items: string[] }) {
  if (items.length === 0) return <p className="muted">(none)</p>;
  return (
    <ol>
      {items.map((item, i) => (
        <li key={i}>{item}</li>
      ))}
    </ol>
  );
}
