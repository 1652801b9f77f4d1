import type { FormEvent, ReactNode } from 'react';
import { ErrorAlert } from '../../../ui/states';
import { useCan } from '../../auth/session';

/** What the form shows of its save mutation. */
export interface SaveState {
  error: unknown;
  isPending: boolean;
  isSuccess: boolean;
}

/**
 * A settings card that admins and owners save and everyone else reads: the title, an explanation, the save error,
 * the fields (disabled for others), the save button (or why there is none) and "Saved." once saved.
 */
export function AdminSettingsForm({
  id,
  title,
  intro,
  maxWidth,
  save,
  saveLabel,
  onSave,
  children,
}: {
  id: string;
  title: string;
  intro: ReactNode;
  maxWidth: string;
  save: SaveState;
  saveLabel: string;
  onSave: () => void;
  children: ReactNode;
}) {
  const canManage = useCan('admin');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSave();
  };
  return (
    <form className="card" onSubmit={submit} aria-labelledby={`${id}-title`} style={{ maxWidth }}>
      <h2 id={`${id}-title`}>{title}</h2>
      <p className="muted">{intro}</p>
      <ErrorAlert error={save.error} />
      <fieldset disabled={!canManage} style={{ border: 0, padding: 0, margin: 0 }}>
        {children}
      </fieldset>
      {canManage ? (
        <button type="submit" className="btn btn-primary" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : saveLabel}
        </button>
      ) : (
        <p className="muted">Only admins and owners change these.</p>
      )}
      {save.isSuccess && !save.isPending && (
        <p role="status" className="muted">
          Saved.
        </p>
      )}
    </form>
  );
}
