import { attachmentUrl, type PortalCase } from './api';
import { formatDate } from './format';

type Draft = NonNullable<PortalCase['draft']>;

/** The draft in the order and with the headings of the PDF. */
const STATE_NAMES: Record<Draft['state'], string> = {
  under_review: 'for your review',
  approved: 'as you approved it',
  changes_requested: 'as you saw it when you asked for changes',
};

export function DraftDocument({ draft, reference, title, caseId }: { draft: Draft; reference: string; title: string; caseId: string }) {
  return (
    <article className="document" aria-label={`Plan of Action ${STATE_NAMES[draft.state]}`}>
      <header>
        <p className="muted">
          {reference} · {STATE_NAMES[draft.state]} · {formatDate(draft.createdAt)}
        </p>
        <h2>Plan of Action: {title}</h2>
      </header>
      {draft.summary ? (
        <section>
          <h3>Summary</h3>
          <p className="prose">{draft.summary}</p>
        </section>
      ) : null}
      <section>
        <h3>Root causes</h3>
        <ol>
          {draft.rootCauses.map((x, i) => (
            <li key={i} className="prose">
              {x.text}
            </li>
          ))}
        </ol>
      </section>
      <section>
        <h3>Corrective actions taken</h3>
        <ol>
          {draft.correctiveActions.map((x, i) => (
            <li key={i}>
              <span className="prose">{x.text}</span>
              {x.completedAt ? <span className="muted"> (completed {formatDate(x.completedAt)})</span> : null}
            </li>
          ))}
        </ol>
      </section>
      <section>
        <h3>Preventive measures</h3>
        <ol>
          {draft.preventiveMeasures.map((x, i) => (
            <li key={i}>
              <span className="prose">{x.text}</span>
              <dl className="facts">
                {x.owner ? (
                  <>
                    <dt>Owner</dt>
                    <dd>{x.owner}</dd>
                  </>
                ) : null}
                {x.startDate ? (
                  <>
                    <dt>Start</dt>
                    <dd>{formatDate(x.startDate)}</dd>
                  </>
                ) : null}
                {x.frequency ? (
                  <>
                    <dt>Frequency</dt>
                    <dd>{x.frequency}</dd>
                  </>
                ) : null}
              </dl>
            </li>
          ))}
        </ol>
      </section>
      {draft.supportingDocuments.length ? (
        <section>
          <h3>Supporting documents</h3>
          <ul>
            {draft.supportingDocuments.map((d, i) => (
              <li key={i}>
                {d.attachmentId && d.fileName ? (
                  <>
                    <a href={attachmentUrl(caseId, d.attachmentId)} download={d.fileName}>
                      {d.fileName}
                    </a>
                    :{' '}
                  </>
                ) : d.fileName ? (
                  <strong>{d.fileName}: </strong>
                ) : null}
                {d.description}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}
