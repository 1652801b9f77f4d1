import { MARKETPLACES, RESOLUTION_PATH_LABELS, RESOLUTION_PATHS, isViolationType } from '@poa/domain';
import { useState, type FormEvent } from 'react';
import { fieldError, listFieldError } from '../../../api/errors';
import type { CaseDetail } from '../../../api/types';
import { useUsers } from '../../settings/team/users.queries';
import { useUpdateCase } from '../cases.queries';
import { SelectField, TextAreaField, TextField } from '../../../ui/Field';
import { ErrorAlert } from '../../../ui/states';
import { IssuesFields } from '../IssuesFields';
import { caseChanges, caseEditFormOf, type CaseEditForm } from './case-edit';

/** Edits the facts of a case (the status moves only through the workflow); sends only the changed fields. */
export function EditCaseForm({ detail, onDone }: { detail: CaseDetail; onDone: () => void }) {
  const users = useUsers();
  const [form, setForm] = useState<CaseEditForm>(() => caseEditFormOf(detail));
  const update = (fields: Partial<CaseEditForm>) => setForm((f) => ({ ...f, ...fields }));
  const changes = caseChanges(detail, form);
  const changed = Object.keys(changes).length > 0;

  const save = useUpdateCase(detail.id, onDone);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(changes);
  };
  const error = save.error;
  const assignable = users.data?.data.filter((u) => u.status === 'active' || u.id === detail.assignee?.id) ?? [];

  return (
    <form onSubmit={submit} className="stack" aria-label="Edit case details">
      <ErrorAlert error={error} />
      <TextField
        label="Title"
        required
        maxLength={300}
        value={form.title}
        onChange={(e) => update({ title: e.target.value })}
        error={fieldError(error, 'title')}
      />
      <div className="row">
        <TextField
          label="Due"
          type="datetime-local"
          required
          value={form.dueAt}
          onChange={(e) => update({ dueAt: e.target.value })}
          error={fieldError(error, 'dueAt')}
        />
        <SelectField
          label="Assignee"
          value={form.assigneeId}
          onChange={(e) => update({ assigneeId: e.target.value })}
          error={fieldError(error, 'assigneeId')}
        >
          <option value="">Unassigned</option>
          {assignable.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
          {detail.assignee && !assignable.some((u) => u.id === detail.assignee?.id) && (
            <option value={detail.assignee.id}>{detail.assignee.name}</option>
          )}
        </SelectField>
      </div>
      <TextField
        label="ASINs"
        name="edit-asins"
        value={form.asins}
        onChange={(e) => update({ asins: e.target.value })}
        hint="Separated by commas or spaces"
        error={listFieldError(error, 'asins')}
      />
      <div className="row">
        <SelectField
          label="Marketplace"
          required
          value={form.marketplace}
          onChange={(e) => update({ marketplace: e.target.value })}
          error={fieldError(error, 'marketplace')}
        >
          {MARKETPLACES.map((m) => (
            <option key={m.code} value={m.code}>
              {m.code} · {m.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Path"
          name="edit-path"
          required
          value={form.path}
          onChange={(e) => update({ path: e.target.value })}
          error={fieldError(error, 'path')}
        >
          {RESOLUTION_PATHS.map((p) => (
            <option key={p} value={p}>
              {RESOLUTION_PATH_LABELS[p]}
            </option>
          ))}
        </SelectField>
      </div>
      <IssuesFields rows={form.issues} onChange={(issues) => update({ issues })} error={error} />
      <TextAreaField
        label="Amazon's notice"
        rows={6}
        value={form.noticeText}
        onChange={(e) => update({ noticeText: e.target.value })}
        error={fieldError(error, 'noticeText')}
      />
      <div className="btn-group">
        <button
          type="submit"
          className="btn btn-primary"
          disabled={!changed || !form.title.trim() || !form.issues.every((i) => isViolationType(i.violationType)) || save.isPending}
        >
          {save.isPending ? 'Saving…' : 'Save details'}
        </button>
        <button type="button" className="btn" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
