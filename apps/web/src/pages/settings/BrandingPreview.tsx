import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';
import { TENANT_KEY } from '../../api/tenant';
import { useTenantKey } from '../../auth/session';
import { QueryView } from '../../ui/states';

/**
 * A srcdoc frame inherits the page's Content-Security-Policy, which allows only <style> elements carrying the
 * page's nonce: the preview's stylesheet, the first <style> of the API's HTML (in its head, before any text of the
 * agency's, which is escaped), gets that nonce. Plain string work: parsing the HTML here would apply the policy
 * to the unmarked element already.
 */
function withPageStyleNonce(html: string): string {
  const nonce = document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.nonce;
  return nonce ? html.replace('<style>', `<style nonce="${nonce}">`) : html;
}

/**
 * The sample POA exactly as the PDF renderer lays it out with the saved branding. The HTML comes from the API
 * with the auth header, so it is shown through srcdoc; sandbox="" keeps any script in it from running.
 */
export function BrandingPreview() {
  const key = useTenantKey();
  const preview = useQuery({
    queryKey: key(TENANT_KEY, 'branding-preview'),
    queryFn: async () => withPageStyleNonce(String(await unwrap(api.GET('/api/v1/tenant/branding/preview', { parseAs: 'text' })))),
  });
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
        {(html) => <iframe title="PDF layout preview" className="branding-preview" sandbox="" srcDoc={html} data-testid="branding-preview" />}
      </QueryView>
    </section>
  );
}
