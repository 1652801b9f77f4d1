import { diffDrafts, type DraftSections } from '@poa/domain';
import { DiffView } from './DiffView';
import { DraftPreview } from './DraftPreview';

interface ConflictPanelProps {
  latestVersion: number;
  theirs: DraftSections | undefined;
  theirsAuthor?: string;
  mine: DraftSections;
  loadingError?: unknown;
  onKeepTheirs: () => void;
  onKeepMine: () => void;
  busy?: boolean;
}

/** Someone saved version N while we edited: show both sides and let the writer choose. */
export function ConflictPanel({
  latestVersion,
  theirs,
  theirsAuthor,
  mine,
  loadingError,
  onKeepTheirs,
  onKeepMine,
  busy,
}: ConflictPanelProps) {
  return (
    <section className="card conflict" role="alert" aria-labelledby="conflict-title">
      <h2 id="conflict-title">Version {latestVersion} was saved while you were editing</h2>
      <p>
        {theirsAuthor ? `${theirsAuthor} saved` : 'Someone saved'} version {latestVersion}. Your changes are not lost: compare both sides,
        then keep theirs or save yours as version {latestVersion + 1}.
      </p>
      {loadingError ? <p className="field-error">Their version could not be loaded.</p> : null}
      <div className="btn-group" style={{ margin: '0.75rem 0' }}>
        <button type="button" className="btn" onClick={onKeepTheirs} disabled={!theirs || busy}>
          Keep theirs (discard mine)
        </button>
        <button type="button" className="btn btn-primary" onClick={onKeepMine} disabled={busy}>
          Keep mine (save on top of v{latestVersion})
        </button>
      </div>
      {theirs ? (
        <>
          <div className="conflict-sides">
            <div>
              <h3>Theirs · v{latestVersion}</h3>
              <DraftPreview draft={theirs} />
            </div>
            <div>
              <h3>Yours · unsaved</h3>
              <DraftPreview draft={mine} />
            </div>
          </div>
          <details>
            <summary>What yours changes compared with theirs</summary>
            <DiffView diff={diffDrafts(theirs, mine)} fromLabel={`v${latestVersion}`} toLabel="yours" />
          </details>
        </>
      ) : (
        !loadingError && <p className="muted">Loading their version…</p>
      )}
    </section>
  );
}
