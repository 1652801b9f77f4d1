import { VIOLATION_TYPES } from '@poa/domain';
import { listFieldError } from '../../api/errors';
import { SelectField, TextAreaField, TextField } from '../../ui/Field';
import { emptyIssueRow, type IssueRow } from './issues';

/** The issues of a notice, each with its violation type, ASINs, order ids and a note; one or more. */
export function IssuesFields({ rows, onChange, error }: { rows: IssueRow[]; onChange: (rows: IssueRow[]) => void; error?: unknown }) {
  const update = (index: number, fields: Partial<IssueRow>) => onChange(rows.map((r, i) => (i === index ? { ...r, ...fields } : r)));
  return (
    <fieldset className="issues-fields" aria-label="Issues">
      <legend>Issues in the notice ({rows.length})</legend>
      <p className="muted" style={{ marginTop: 0 }}>
        Amazon wants a root cause for each issue. The first is the main one: it sets the violation type and the path.
      </p>
      {rows.map((row, i) => (
        <div key={row.key} className="issue-row" data-testid="issue-row">
          <div className="page-header" style={{ marginBottom: '0.25rem' }}>
            <strong>Issue {i + 1}</strong>
            {rows.length > 1 && (
              <button type="button" className="btn btn-small" onClick={() => onChange(rows.filter((_, j) => j !== i))}>
                Remove issue {i + 1}
              </button>
            )}
          </div>
          {row.excerpt && <blockquote className="muted issue-excerpt">{row.excerpt}</blockquote>}
          <SelectField
            label={`Issue ${i + 1}: violation type`}
            required
            name={`issues.${i}.violationType`}
            value={row.violationType}
            onChange={(e) => update(i, { violationType: e.target.value })}
            error={listFieldError(error, `issues.${i}.violationType`)}
          >
            <option value="">Choose</option>
            {VIOLATION_TYPES.map((v) => (
              <option key={v.key} value={v.key}>
                {v.label}
              </option>
            ))}
          </SelectField>
          <div className="row">
            <TextField
              label={`Issue ${i + 1}: ASINs`}
              name={`issues.${i}.asins`}
              value={row.asins}
              onChange={(e) => update(i, { asins: e.target.value })}
              error={listFieldError(error, `issues.${i}.asins`)}
            />
            <TextField
              label={`Issue ${i + 1}: order ids`}
              name={`issues.${i}.orderIds`}
              value={row.orderIds}
              onChange={(e) => update(i, { orderIds: e.target.value })}
              error={listFieldError(error, `issues.${i}.orderIds`)}
            />
          </div>
          <TextAreaField
            label={`Issue ${i + 1}: note`}
            name={`issues.${i}.note`}
            rows={2}
            value={row.note}
            onChange={(e) => update(i, { note: e.target.value })}
            error={listFieldError(error, `issues.${i}.note`)}
          />
        </div>
      ))}
      <button type="button" className="btn btn-small" onClick={() => onChange([...rows, emptyIssueRow()])}>
        + Add issue
      </button>
    </fieldset>
  );
}
