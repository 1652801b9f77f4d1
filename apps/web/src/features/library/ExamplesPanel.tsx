import type { DraftSections } from '@poa/domain';
import { useState } from 'react';
import type { Draft } from '../../api/types';
import { formatDate } from '../../lib/format';
import { ErrorAlert } from '../../ui/states';
import { useExamples, useStartFromExample } from './library.queries';

interface ExamplesPanelProps {
  caseId: string;
  violationType: string;
  /** Saves what is typed and answers the version the example builds on. */
  beforeStart(): Promise<number>;
  /** The version made from the example: the editor shows it. */
  onStarted(draft: Draft): void;
}

/** Plans of the agency that won for this violation type, anonymised, beside the editor: read one or start from it. */
export function ExamplesPanel({ caseId, violationType, beforeStart, onStarted }: ExamplesPanelProps) {
  const examples = useExamples(violationType);
  const start = useStartFromExample(caseId);
  const [confirming, setConfirming] = useState<string | null>(null);
  const list = examples.data?.data ?? [];
  if (examples.isPending || (list.length === 0 && !examples.error)) return null;

  return (
    <section className="card examples-panel" aria-labelledby="examples-title">
      <details>
        <summary>
          <h2 id="examples-title">Plans that won ({list.length})</h2>
        </summary>
        <p className="muted">
          Plans of this violation type that got sellers reinstated, with names, seller ids, ASINs and order ids replaced. Copied sentences
          are flagged until you rewrite them for this case.
        </p>
        <ErrorAlert error={examples.error ?? start.error} />
        <ul className="examples-list">
          {list.map((example) => (
            <li key={example.id}>
              <details>
                <summary>
                  Reinstated {formatDate(example.decidedAt)}
                  {example.caseReference ? ` (${example.caseReference})` : ''},{' '}
                  {example.rounds === 1 ? '1 submission' : `${example.rounds} submissions`}
                </summary>
                <ExampleText sections={example.sections} />
                {confirming === example.id ? (
                  <div className="btn-group" role="group" aria-label="Start from this example">
                    <span className="muted">The editor will show this plan as a new version; earlier versions stay in the history.</span>
                    <button
                      type="button"
                      className="btn btn-primary btn-small"
                      disabled={start.isPending}
                      onClick={async () => {
                        const baseVersion = await beforeStart();
                        start.mutate(
                          { exampleId: example.id, baseVersion },
                          {
                            onSuccess: (draft) => {
                              setConfirming(null);
                              onStarted(draft);
                            },
                          },
                        );
                      }}
                    >
                      {start.isPending ? 'Starting…' : 'Replace my draft'}
                    </button>
                    <button type="button" className="btn btn-small" onClick={() => setConfirming(null)}>
                      Cancel
                    </button>
                  </div>
                ) : (
                  <button type="button" className="btn btn-small" onClick={() => setConfirming(example.id)}>
                    Start from this example
                  </button>
                )}
              </details>
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}

function ExampleText({
  sections,
}: {
  sections: Pick<DraftSections, 'summary'> & {
    rootCauses: { text: string }[];
    correctiveActions: { text: string }[];
    preventiveMeasures: { text: string; owner: string; frequency: string }[];
  };
}) {
  return (
    <div className="example-text">
      {sections.summary && <p>{sections.summary}</p>}
      <h3>Root causes</h3>
      <ul>
        {sections.rootCauses.map((r, i) => (
          <li key={i}>{r.text}</li>
        ))}
      </ul>
      <h3>Corrective actions</h3>
      <ul>
        {sections.correctiveActions.map((c, i) => (
          <li key={i}>{c.text}</li>
        ))}
      </ul>
      <h3>Preventive measures</h3>
      <ul>
        {sections.preventiveMeasures.map((p, i) => (
          <li key={i}>
            {p.text}
            {p.owner || p.frequency ? <span className="muted"> ({[p.owner, p.frequency].filter(Boolean).join(', ')})</span> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
