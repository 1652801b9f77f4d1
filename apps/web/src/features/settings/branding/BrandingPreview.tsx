import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { QueryView } from '../../../ui/states';
import type { BrandingPatch, PaperSize } from './branding-form';
import { useBrandingPreview } from './branding.queries';
import { withPreviewFonts } from './preview-fonts';

/** The sheet as the preview draws it (CSS px at 96 per inch) plus the 16 px of desk around it. */
const SHEET_PX: Record<PaperSize, { width: number; height: number }> = {
  A4: { width: (210 / 25.4) * 96, height: (297 / 25.4) * 96 },
  Letter: { width: 8.5 * 96, height: 11 * 96 },
};
const DESK_PX = 32;
/** How long the form must rest before the preview is laid out again. */
const SETTLE_MS = 300;

/** `value`, once it has not changed for `ms`. */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * The sample POA as the PDF renderer lays it out, in the PDF's fonts: for an admin with the values being edited
 * (`draft`, unsaved), for everyone else with the saved branding. The page is drawn at its real size and scaled to
 * the card, like a PDF viewer's "fit width". The HTML comes from the API with the auth header, so it is shown
 * through srcdoc; the sandbox runs no script in it (allow-same-origin only lets it load the app's own font files).
 */
export function BrandingPreview({ draft = null, paperSize }: { draft?: BrandingPatch | null; paperSize: PaperSize }) {
  const settledDraft = useSettled(draft, SETTLE_MS);
  const preview = useBrandingPreview(settledDraft);
  const html = useMemo(() => (preview.data === undefined ? undefined : withPreviewFonts(preview.data)), [preview.data]);
  const box = useRef<HTMLDivElement>(null);
  const [boxWidth, setBoxWidth] = useState(0);
  // The card's inner width, measured again whenever it or the paper changes (a width of 0, while hidden, is ignored).
  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    const measure = () => {
      if (element.clientWidth > 0) setBoxWidth(element.clientWidth);
    };
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    measure();
    return () => observer.disconnect();
  }, [paperSize]);

  const sheet = SHEET_PX[paperSize];
  const frameWidth = Math.ceil(sheet.width + DESK_PX);
  const frameHeight = Math.ceil(sheet.height + DESK_PX);
  const scale = boxWidth > 0 ? Math.min(1, boxWidth / frameWidth) : 1;
  const pending = draft !== settledDraft || preview.isFetching;

  return (
    <section className="card" aria-labelledby="branding-preview-title">
      <div className="page-header" style={{ marginBottom: '0.5rem' }}>
        <h2 id="branding-preview-title" style={{ margin: 0 }}>
          PDF preview
        </h2>
        <span className="muted" role="status">
          {pending && !preview.isPending ? 'Updating…' : ''}
        </span>
      </div>
      <p className="muted">
        {draft
          ? 'A sample Plan of Action with the values in the form, in the PDF’s fonts and page size. It follows your changes before you save them.'
          : 'A sample Plan of Action laid out with the saved branding, in the PDF’s fonts and page size.'}
      </p>
      <div ref={box} className="branding-preview-box" style={{ height: frameHeight * scale }}>
        <QueryView query={{ ...preview, data: html }}>
          {(html) => (
            <iframe
              title="PDF layout preview"
              className="branding-preview"
              sandbox="allow-same-origin"
              srcDoc={html}
              data-testid="branding-preview"
              data-paper-size={paperSize}
              style={{ width: frameWidth, height: frameHeight, transform: `scale(${scale})` }}
            />
          )}
        </QueryView>
      </div>
    </section>
  );
}
