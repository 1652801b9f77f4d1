import { diffDrafts } from '@poa/domain';
import { useState } from 'react';
import { DiffView } from '../editor/DiffView';
import { sectionsOf } from '../editor/draft-body';
import { formatDateTime } from '../../../lib/format';
import { SelectField } from '../../../ui/Field';
import { useDraftVersion, useDraftVersions } from '../drafts.queries';
import { useSubmissions } from '../submissions.queries';
import { ErrorAlert, Loading, QueryView } from '../../../ui/states';

/** Every saved version, and a readable diff between any two: by default from what Amazon read last to the latest. */
export function VersionHistory({ caseId, latestVersion }: { caseId: string; latestVersion: number }) {
  const submissions = useSubmissions(caseId);
  if (submissions.isPending) return <Loading />;
  const last = submissions.data?.data.find((s) => s.version < latestVersion);
  return (
    <VersionCompare caseId={caseId} latestVersion={latestVersion} submitted={submissions.data?.data ?? []} defaultFrom={last?.version} />
  );
}

function VersionCompare({
  caseId,
  latestVersion,
  submitted,
  defaultFrom,
}: {
  caseId: string;
  latestVersion: number;
  submitted: { version: number; round: number }[];
  defaultFrom?: number;
}) {
  const versions = useDraftVersions(caseId, latestVersion);
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
        <QueryView query={versions} isEmpty={(list) => list.data.length === 0} empty="No version saved yet.">
          {(list) => (
            <ol className="timeline" reversed>
              {[...list.data].reverse().map((v) => (
                <li key={v.id}>
                  <strong>v{v.version}</strong> · round {v.round} · {v.author.name} · {formatDateTime(v.createdAt)}
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
