import { CASE_STATUSES, STATUS_LABELS, VIOLATION_TYPES, isCaseStatus, isViolationType } from '@poa/domain';
import { useEffect, useState, type RefObject } from 'react';
import { useClientOptions } from '../../clients/clients.queries';
import { useUsers } from '../../settings/team/users.queries';
import type { CaseFilters } from './case-filters';
import { SelectField, TextField } from '../../../ui/Field';

export function CaseFiltersBar({
  filters,
  onChange,
  searchRef,
}: {
  filters: CaseFilters;
  onChange: (filters: CaseFilters) => void;
  searchRef?: RefObject<HTMLInputElement | null>;
}) {
  const clients = useClientOptions();
  const users = useUsers();
  const [q, setQ] = useState(filters.q);

  // The search box updates the URL after a short pause, not on every keystroke.
  useEffect(() => {
    if (q === filters.q) return;
    const timer = setTimeout(() => onChange({ ...filters, q }), 300);
    return () => clearTimeout(timer);
  }, [q, filters, onChange]);
  useEffect(() => setQ(filters.q), [filters.q]);

  const status = filters.statuses.length === 1 ? filters.statuses[0] : '';

  return (
    <form
      className="filters card"
      role="search"
      aria-label="Filter cases"
      onSubmit={(e) => {
        e.preventDefault();
        onChange({ ...filters, q });
      }}
    >
      <div className="field grow">
        <TextField
          label="Search"
          ref={searchRef}
          aria-keyshortcuts="/"
          type="search"
          placeholder="Reference, title, client, seller id, ASIN"
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
      </div>
      <SelectField
        label="Status"
        value={status}
        onChange={(e) => onChange({ ...filters, statuses: isCaseStatus(e.target.value) ? [e.target.value] : [] })}
      >
        <option value="">{filters.statuses.length > 1 ? `${filters.statuses.length} statuses` : 'Any status'}</option>
        {CASE_STATUSES.map((s) => (
          <option key={s} value={s}>
            {STATUS_LABELS[s]}
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Violation"
        value={filters.violationType ?? ''}
        onChange={(e) => onChange({ ...filters, violationType: isViolationType(e.target.value) ? e.target.value : undefined })}
      >
        <option value="">Any violation</option>
        {VIOLATION_TYPES.map((v) => (
          <option key={v.key} value={v.key}>
            {v.label}
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Client"
        value={filters.clientId ?? ''}
        onChange={(e) => onChange({ ...filters, clientId: e.target.value || undefined })}
      >
        <option value="">Any client</option>
        {clients.data?.data.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Assignee"
        value={filters.assigneeId ?? ''}
        onChange={(e) => onChange({ ...filters, assigneeId: e.target.value || undefined })}
      >
        <option value="">Anyone</option>
        {users.data?.data.map((u) => (
          <option key={u.id} value={u.id}>
            {u.name}
          </option>
        ))}
      </SelectField>
      <fieldset className="checkboxes" style={{ margin: 0 }}>
        <legend className="sr-only">Deadline</legend>
        <label>
          <input type="checkbox" checked={filters.overdue} onChange={(e) => onChange({ ...filters, overdue: e.target.checked })} /> Overdue
        </label>
        <label>
          <input type="checkbox" checked={filters.dueToday} onChange={(e) => onChange({ ...filters, dueToday: e.target.checked })} /> Due
          today
        </label>
      </fieldset>
    </form>
  );
}
