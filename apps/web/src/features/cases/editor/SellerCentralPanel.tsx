import { isOverLimit, type SubmissionField, type SubmissionPack } from '@poa/domain';
import { useState } from 'react';

/** "412 / 1,000" (or "412 characters" without a limit), in the error colour past the limit. */
export function FieldCount({ field }: { field: SubmissionField }) {
  const over = isOverLimit(field);
  return (
    <span
      className={over ? 'char-count char-count-over' : 'char-count'}
      data-over-limit={over || undefined}
      title={over ? `${field.characters - field.limit!} characters over the limit of the Seller Central field` : undefined}
    >
      {field.limit === null
        ? `${field.characters.toLocaleString('en')} characters`
        : `${field.characters.toLocaleString('en')} / ${field.limit.toLocaleString('en')}`}
      {over && <span className="sr-only"> (over the limit)</span>}
    </span>
  );
}

/**
 * The draft as Seller Central's appeal form takes it, one field at a time: what is typed in the editor now, laid out by
 * the same formatter as the API's submission pack, with a copy button and a live count per field.
 */
export function SellerCentralPanel({ pack }: { pack: SubmissionPack }) {
  const [copied, setCopied] = useState<string | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const copy = async (field: SubmissionField) => {
    try {
      await navigator.clipboard.writeText(field.text);
      setCopied(field.key);
      setFailed(null);
    } catch {
      setFailed(field.key);
      (document.getElementById(`sc-${field.key}`) as HTMLTextAreaElement | null)?.select();
    }
  };
  return (
    <section className="card" aria-labelledby="seller-central-title">
      <h2 id="seller-central-title">Copy for Seller Central</h2>
      <p className="muted">Paste each field into Amazon&apos;s appeal form; attach the documents listed under additional information.</p>
      <ul className="sc-fields">
        {pack.fields.map((field) => (
          <li key={field.key} data-field={field.key}>
            <div className="sc-field-head">
              <label htmlFor={`sc-${field.key}`}>
                <strong>{field.label}</strong>
              </label>
              <FieldCount field={field} />
              <button
                type="button"
                className="btn btn-small"
                aria-label={`Copy ${field.label}`}
                disabled={!field.text}
                onClick={() => void copy(field)}
              >
                {copied === field.key ? 'Copied' : 'Copy'}
              </button>
            </div>
            <textarea id={`sc-${field.key}`} readOnly rows={4} value={field.text} className="sc-text" />
            {failed === field.key && (
              <p className="field-error" role="alert">
                The browser refused the clipboard: the text is selected, copy it with Ctrl+C.
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
