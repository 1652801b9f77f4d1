import type { PortalCase } from './api';

type Draft = NonNullable<PortalCase['draft']>;

/** The draft in the order and with the headings of the PDF. */
export function DraftDocument({ draft, reference, title }: { draft: Draft; reference: string; title: string }) {
  return (
    <article className="document" aria-label={`Plan of Action, version ${draft.version}`}>
      <header>
        <p className="muted">
          {reference} · version {draft.version}
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
              {x.completedAt ? <span className="muted"> (completed {x.completedAt})</span> : null}
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
                    <dd>{x.startDate}</dd>
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
                {d.fileName ? <strong>{d.fileName}: </strong> : null}
                {d.description}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}
