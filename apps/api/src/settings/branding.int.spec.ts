import { addStaff, signupAgency, startTestApi, type TestApi } from '../../test/harness';

const LOGO = `data:image/png;base64,${Buffer.from('89504e470d0a1a0a', 'hex').toString('base64')}`;

describe('agency branding', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('admins change name, colour, logo, letterhead and paper size; others may read but not change', async () => {
    const owner = await signupAgency(api.http, 'Brand Agency');
    const writer = await addStaff(api.http, owner.token, 'writer');
    const initial = await api.http.get('/api/v1/tenant', writer.token);
    expect(initial.body.branding).toMatchObject({ paperSize: 'A4' });
    expect((await api.http.patch('/api/v1/tenant', { paperSize: 'Letter' }, writer.token)).status).toBe(403);

    const updated = await api.http.patch(
      '/api/v1/tenant',
      { name: 'Brand Agency Ltd', primaryColor: '#aa3300', logoDataUri: LOGO, letterhead: '1 Main St', paperSize: 'Letter' },
      owner.token,
    );
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      name: 'Brand Agency Ltd',
      branding: { primaryColor: '#aa3300', logoDataUri: LOGO, letterhead: '1 Main St', paperSize: 'Letter' },
    });

    const bad = await api.http.patch(
      '/api/v1/tenant',
      { primaryColor: 'red', logoDataUri: 'http://169.254.169.254/logo.png', paperSize: 'A3' },
      owner.token,
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['logoDataUri', 'paperSize', 'primaryColor']);

    const preview = await api.http.get('/api/v1/tenant/branding/preview', writer.token);
    expect(preview.status).toBe(200);
    expect(preview.headers.get('content-type')).toContain('text/html');
    expect(preview.body).toContain('Brand Agency Ltd');
    expect(preview.body).toContain('#aa3300');
  });

  it('lays the preview out with unsaved values for admins, saving nothing; the sheet has the paper size; no font host', async () => {
    const owner = await signupAgency(api.http, 'Draft Agency');
    const writer = await addStaff(api.http, owner.token, 'writer');
    const draft = { name: 'Draft Agency <Unsaved>', primaryColor: '#123abc', letterhead: '9 Dock Road', paperSize: 'Letter' };
    const preview = await api.http.post('/api/v1/tenant/branding/preview', draft, owner.token);
    expect(preview.status).toBe(200);
    expect(preview.headers.get('content-type')).toContain('text/html');
    expect(preview.body).toContain('Draft Agency &lt;Unsaved&gt;');
    expect(preview.body).toContain('#123abc');
    expect(preview.body).toContain('9 Dock Road');
    expect(preview.body).toContain('width: 8.5in; min-height: 11in');
    expect(preview.body).not.toContain('.invalid');
    expect(preview.body).not.toMatch(/<link\b/);

    // Fields left out are the saved ones; nothing was saved.
    const saved = await api.http.post('/api/v1/tenant/branding/preview', {}, owner.token);
    expect(saved.body).toContain('width: 210mm; min-height: 297mm');
    expect(saved.body).not.toContain('#123abc');
    expect((await api.http.get('/api/v1/tenant', owner.token)).body).toMatchObject({ name: 'Draft Agency', branding: { paperSize: 'A4' } });

    const bad = await api.http.post('/api/v1/tenant/branding/preview', { primaryColor: '#12' }, owner.token);
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'primaryColor' }] });
    expect((await api.http.post('/api/v1/tenant/branding/preview', draft, writer.token)).status).toBe(403);
  });
});
