import { useMemo, useState, type ChangeEvent, type FormEvent } from 'react';
import { fieldError } from '../../../api/errors';
import { useSaveBranding, useTenant } from './branding.queries';
import { useCan } from '../../auth/session';
import { readAsDataUri } from './read-data-uri';
import { ColorField } from '../../../ui/ColorField';
import { TextAreaField, TextField } from '../../../ui/Field';
import { ErrorAlert } from '../../../ui/states';
import { BrandingPreview } from './BrandingPreview';
import {
  brandingPatch,
  formOf,
  isHexColor,
  logoProblem,
  LOGO_TYPES,
  PAPER_SIZES,
  type BrandingForm,
  type BrandingPatch,
  type Tenant,
} from './branding-form';

const PAPER_LABELS = { A4: 'A4 (210 × 297 mm)', Letter: 'US Letter (8.5 × 11 in)' } as const;

/** Agency name, logo, colour, letterhead and paper size of the PDFs: admins edit, everyone else reads. */
export function BrandingSettings() {
  const tenant = useTenant().data;
  const canManage = useCan('admin');
  return (
    <div className="branding-layout">
      {canManage ? (
        <BrandingEditor tenant={tenant} />
      ) : (
        <>
          <BrandingFacts tenant={tenant} />
          <BrandingPreview paperSize={tenant.branding.paperSize} />
        </>
      )}
    </div>
  );
}

function BrandingEditor({ tenant }: { tenant: Tenant }) {
  const [form, setForm] = useState<BrandingForm>(() => formOf(tenant));
  const [logoError, setLogoError] = useState<string | null>(null);
  const patch = brandingPatch(tenant, form);
  const changed = Object.keys(patch).length > 0;
  const update = (fields: Partial<BrandingForm>) => setForm((f) => ({ ...f, ...fields }));

  const save = useSaveBranding((saved) => setForm(formOf(saved)));
  const previewDraft = usePreviewDraft(form, tenant);

  const onLogo = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = ''; // choosing the same file again still fires a change
    if (!file) return;
    const problem = logoProblem(file);
    setLogoError(problem);
    if (problem) return;
    try {
      update({ logoDataUri: await readAsDataUri(file) });
    } catch (error) {
      setLogoError(error instanceof Error ? error.message : 'The file could not be read');
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(patch);
  };
  const error = save.error;
  const logoFieldError = logoError ?? fieldError(error, 'logoDataUri');

  return (
    <>
      <form className="card" onSubmit={submit} aria-labelledby="branding-title">
        <h2 id="branding-title">Branding</h2>
        <p className="muted">How your PDFs look. New PDFs use the saved branding; PDFs already rendered stay as they are.</p>
        <ErrorAlert error={error} />
        <TextField
          label="Agency name"
          required
          maxLength={200}
          value={form.name}
          onChange={(e) => update({ name: e.target.value })}
          error={fieldError(error, 'name')}
        />
        <div className="field">
          <label htmlFor="branding-logo">Logo</label>
          {form.logoDataUri ? (
            <div className="btn-group" style={{ alignItems: 'center' }}>
              <img src={form.logoDataUri} alt="Logo preview" className="logo-preview" />
              <button type="button" className="btn btn-small" onClick={() => update({ logoDataUri: null })}>
                Remove logo
              </button>
            </div>
          ) : (
            <span className="muted">No logo</span>
          )}
          <input
            id="branding-logo"
            type="file"
            accept={LOGO_TYPES.join(',')}
            aria-invalid={logoFieldError ? true : undefined}
            aria-describedby="branding-logo-hint"
            onChange={(e) => void onLogo(e)}
          />
          <small className="muted" id="branding-logo-hint">
            PNG, JPEG, GIF or SVG, up to about 290 KB.
          </small>
          {logoFieldError && (
            <small className="field-error" role="alert">
              {logoFieldError}
            </small>
          )}
        </div>
        <ColorField
          label="Primary colour"
          value={form.primaryColor}
          onChange={(primaryColor) => update({ primaryColor })}
          error={fieldError(error, 'primaryColor')}
        />
        <fieldset className="checkboxes">
          <legend>Paper size</legend>
          {PAPER_SIZES.map((size) => (
            <label key={size}>
              <input
                type="radio"
                name="paper-size"
                value={size}
                checked={form.paperSize === size}
                onChange={() => update({ paperSize: size })}
              />{' '}
              {PAPER_LABELS[size]}
            </label>
          ))}
          {fieldError(error, 'paperSize') && <small className="field-error">{fieldError(error, 'paperSize')}</small>}
        </fieldset>
        <TextAreaField
          label="Letterhead"
          maxLength={500}
          value={form.letterhead}
          onChange={(e) => update({ letterhead: e.target.value })}
          hint="Address, phone, website… printed under the agency name."
          error={fieldError(error, 'letterhead')}
        />
        <div className="btn-group">
          <button type="submit" className="btn btn-primary" disabled={!changed || save.isPending}>
            {save.isPending ? 'Saving…' : 'Save branding'}
          </button>
          {changed && (
            <button type="button" className="btn" onClick={() => setForm(formOf(tenant))}>
              Discard changes
            </button>
          )}
        </div>
        {save.isSuccess && !changed && (
          <p className="alert alert-success" role="status" style={{ marginTop: '0.75rem' }}>
            Branding saved.
          </p>
        )}
      </form>
      <BrandingPreview draft={previewDraft} paperSize={form.paperSize} />
    </>
  );
}

/** The form as a preview request; a value the API would refuse (a colour half typed, no name) shows the saved one. */
function usePreviewDraft(form: BrandingForm, tenant: Tenant): BrandingPatch {
  const name = form.name.trim() || tenant.name;
  const primaryColor = isHexColor(form.primaryColor) ? form.primaryColor.trim() : tenant.branding.primaryColor;
  const letterhead = form.letterhead.trim() ? form.letterhead : null;
  const { logoDataUri, paperSize } = form;
  return useMemo(
    () => ({ name, primaryColor, logoDataUri, letterhead, paperSize }),
    [name, primaryColor, logoDataUri, letterhead, paperSize],
  );
}

function BrandingFacts({ tenant }: { tenant: Tenant }) {
  const { branding } = tenant;
  return (
    <div className="card">
      <h2>Branding</h2>
      <p className="muted">Logo, colour, letterhead and paper size of your PDFs. Only admins and owners change them.</p>
      <dl className="facts">
        <dt>Agency name</dt>
        <dd>{tenant.name}</dd>
        <dt>Primary colour</dt>
        <dd>
          <span className="swatch" style={{ background: branding.primaryColor }} aria-hidden="true" /> {branding.primaryColor}
        </dd>
        <dt>Paper size</dt>
        <dd>{PAPER_LABELS[branding.paperSize]}</dd>
        <dt>Letterhead</dt>
        <dd style={{ whiteSpace: 'pre-wrap' }}>{branding.letterhead ?? '—'}</dd>
        <dt>Logo</dt>
        <dd>{branding.logoDataUri ? <img src={branding.logoDataUri} alt="Agency logo" className="logo-preview" /> : '—'}</dd>
      </dl>
    </div>
  );
}
