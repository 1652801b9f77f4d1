import { useSession } from '../../auth/session';

/** Read-only until the branding API lands. */
export function BrandingSettings() {
  const { branding } = useSession().tenant;
  return (
    <div className="card">
      <h2>Branding</h2>
      <p className="muted">Logo, colour, letterhead and paper size for your PDFs. Editing arrives with the branding API.</p>
      <dl className="facts">
        <dt>Primary colour</dt>
        <dd>
          <span className="swatch" style={{ background: branding.primaryColor }} aria-hidden="true" /> {branding.primaryColor}
        </dd>
        <dt>Paper size</dt>
        <dd>{branding.paperSize}</dd>
        <dt>Letterhead</dt>
        <dd>{branding.letterhead ?? '—'}</dd>
        <dt>Logo</dt>
        <dd>{branding.logoDataUri ? <img src={branding.logoDataUri} alt="Agency logo" className="logo-preview" /> : '—'}</dd>
      </dl>
    </div>
  );
}
