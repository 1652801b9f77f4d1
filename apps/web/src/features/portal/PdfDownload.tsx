import { useEffect, useState } from 'react';
import type { PdfStatus } from './api';
import { usePortalPdf } from './portal.queries';

const LABELS: Record<PdfStatus['status'], string> = {
  queued: 'Queued for rendering…',
  rendering: 'Rendering…',
  ready: 'Ready',
  failed: 'Rendering failed: your agency has been told.',
};

/** The PDF of an approved version (the number only addresses it, the contact never reads it): polls its status every 2 s until ready, then offers the download. */
export function PdfDownload({
  caseId,
  version,
  status,
  latest,
  label,
}: {
  caseId: string;
  version: number;
  status: PdfStatus['status'];
  latest: boolean;
  /** The button's name (default "Download the PDF"). */
  label?: string;
}) {
  const fetchPdf = usePortalPdf(caseId, version, latest);
  const [current, setCurrent] = useState(status);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => setCurrent(status), [status]);
  useEffect(() => {
    if (current === 'ready' || current === 'failed') return;
    const timer = setTimeout(async () => {
      try {
        const answer = await fetchPdf();
        setCurrent(answer.ready ? 'ready' : answer.status);
      } catch {
        setError('Could not check the PDF.');
      }
    }, 2000);
    return () => clearTimeout(timer);
  }, [current, fetchPdf]);

  const [preparing, setPreparing] = useState(false);

  async function download(variant?: 'amazon') {
    setError(null);
    try {
      let answer = await fetchPdf(variant);
      // The copy for Amazon is rendered the first time it is asked for: wait for it (a few seconds).
      for (let tries = 0; variant && !answer.ready && answer.status !== 'failed' && tries < 30; tries++) {
        setPreparing(true);
        await new Promise((resolve) => setTimeout(resolve, 1500));
        answer = await fetchPdf(variant);
      }
      setPreparing(false);
      if (!answer.ready)
        return variant ? setError('The PDF for Amazon is not ready yet: try again in a minute.') : setCurrent(answer.status);
      const url = URL.createObjectURL(answer.blob);
      const link = Object.assign(document.createElement('a'), { href: url, download: answer.fileName });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch {
      setPreparing(false);
      setError('Could not download the PDF.');
    }
  }

  return (
    <div className="pdf" data-pdf-status={current}>
      {current === 'ready' ? (
        <>
          <button type="button" onClick={() => void download()}>
            {label ?? 'Download the PDF'}
          </button>{' '}
          <button type="button" onClick={() => void download('amazon')} disabled={preparing}>
            {preparing ? 'Preparing the PDF for Amazon…' : 'PDF for Amazon'}
          </button>
        </>
      ) : (
        <p role="status" aria-live="polite">
          PDF: {LABELS[current]}
        </p>
      )}
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
