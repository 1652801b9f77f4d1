import { QueryView } from '../../../ui/states';
import { useBrandingPreview } from './branding.queries';

/**
 * The sample POA exactly as the PDF renderer lays it out with the saved branding. The HTML comes from the API
 * with the auth header, so it is shown through srcdoc; sandbox="" keeps any script in it from running.
 */
export function BrandingPreview() {
  const preview = useBrandingPreview();
  return (
    <section className="card" aria-labelledby="branding-preview-title">
      <div className="page-header" style={{ marginBottom: '0.5rem' }}>
        <h2 id="branding-preview-title" style={{ margin: 0 }}>
          PDF preview
        </h2>
        {preview.isFetching && !preview.isPending && (
          <span className="muted" role="status">
            Refreshing…
          </span>
        )}
      </div>
      <p className="muted">A sample Plan of Action laid out with the saved branding; it refreshes after each save.</p>
      <QueryView query={preview}>
        {(html) => (
          <iframe title="PDF layout preview" className="branding-preview" sandbox="" srcDoc={html} data-testid="branding-preview" />
        )}
      </QueryView>
    </section>
  );
}
