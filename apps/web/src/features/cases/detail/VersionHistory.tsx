import { diffDrafts } from '@poa/domain';
import { useState } from 'react';
import { DiffView } from '../editor/DiffView';
import { sectionsOf } from '../editor/draft-body';
import { formatDateTime } from '../../../lib/format';
import { SelectField } from '../../../ui/Field';
import { useDraftVersion, useDraftVersions, useRestoreDraft } from '../drafts.queries';
import { useSubmissions } from '../submissions.queries';
import type { Draft } from '../../../api/types';
import { ErrorAlert, Loading, QueryView } from '../../../ui/states';

/** Saves what is typed and answers the version a restore builds on; then reopens the editor on the restored version. */
interface Restore {
  before: () => Promise<number>;
  after: (draft: Draft) => void;
}

/**
 * Every saved version, and a readable diff between any two: by default from what Amazon read last to the latest. An
 * earlier version can be restored as a new one (`restore`, given when the draft is editable).
 */
export function VersionHistory({ caseId, latestVersion, restore }: { caseId: string; latestVersion: number; restore?: Restore }) {
  const submissions = useSubmissions(caseId);
  if (submissions.isPending) return <Loading />;
  const last = submissions.data?.data.find((s) => s.version < latestVersion);
  return (
    <VersionCompare
      caseId={caseId}
      latestVersion={latestVersion}
      submitted={submissions.data?.data ?? []}
      defaultFrom={last?.version}
      restore={restore}
    />
  );
}

function VersionCompare({
  caseId,
  latestVersion,
  submitted,
  defaultFrom,
  restore,
}: {
  caseId: string;
  latestVersion: number;
  submitted: { version: number; round: number }[];
  defaultFrom?: number;
  restore?: Restore;
}) {
  const versions = useDraftVersions(caseId, latestVersion);
  const restoring = useRestoreDraft(caseId, (draft) => restore?.after(draft));
  const [from, setFrom] = useState(defaultFrom ?? Math.max(1, latestVersion - 1));
  const [to, setTo] = useState(latestVersion);
  const optionLabel = (v: number) => {
    const sent = submitted.find((s) => s.version === v);
    return sent ? `v${v} · sent to Amazon (round ${sent.round})` : `v${v}`;
  };

  return (
    <div className="grid-2">
      <section className="card" aria-labelledby="diff-title">
        <h2 id="diff-title">Compare versions</h2>
        {latestVersion === 0 ? (
          <p className="muted">No version saved yet.</p>
        ) : (
          <>
            <div className="row">
              <SelectField label="From" value={from} onChange={(e) => setFrom(Number(e.target.value))}>
                {range(latestVersion).map((v) => (
                  <option key={v} value={v}>
                    {optionLabel(v)}
                  </option>
                ))}
              </SelectField>
              <SelectField label="To" value={to} onChange={(e) => setTo(Number(e.target.value))}>
                {range(latestVersion).map((v) => (
                  <option key={v} value={v}>
                    {optionLabel(v)}
                  </option>
                ))}
              </SelectField>
            </div>
            <VersionDiff caseId={caseId} from={from} to={to} />
          </>
        )}
      </section>
      <section className="card" aria-labelledby="versions-title">
        <h2 id="versions-title">Versions</h2>
        <p className="muted">A version holds one editing session; restoring one saves its content as a new version.</p>
        <ErrorAlert error={restoring.error} />
        <QueryView query={versions} isEmpty={(list) => list.data.length === 0} empty="No version saved yet.">
          {(list) => (
            <ol className="timeline" reversed>
              {[...list.data].reverse().map((v) => (
                <li key={v.id} className="version-row">
                  <span>
                    <strong>v{v.version}</strong>
                    {v.name ? <> · “{v.name}”</> : null} · round {v.round} · {v.author.name} · {formatDateTime(v.updatedAt)}
                  </span>
                  {restore && v.version !== latestVersion && (
                    <button
                      type="button"
                      className="btn btn-small"
                      disabled={restoring.isPending}
                      onClick={async () => restoring.mutate({ version: v.version, baseVersion: await restore.before() })}
                    >
                      Restore v{v.version}
                    </button>
                  )}
                </li>
              ))}
            </ol>
          )}
        </QueryView>
      </section>
    </div>
  );
}

function VersionDiff({ caseId, from, to }: { caseId: string; from: number; to: number }) {
  const a = useDraftVersion(caseId, from);
  const b = useDraftVersion(caseId, to);
  if (a.error || b.error) return <ErrorAlert error={a.error ?? b.error} />;
  if (!a.data || !b.data) return <Loading />;
  return <DiffView diff={diffDrafts(sectionsOf(a.data), sectionsOf(b.data))} fromLabel={`v${from}`} toLabel={`v${to}`} />;
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i + 1);
}
