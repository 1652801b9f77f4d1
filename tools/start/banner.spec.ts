import { renderBanner } from './banner';

describe('renderBanner', () => {
  it('shows the app, portal and API docs URLs and every demo login', () => {
    const text = renderBanner({
      url: 'http://127.0.0.1:3000/',
      dataDir: '/repo/.data',
      logins: [
        { email: 'owner@acme.test', password: 'demo-owner', role: 'owner' },
        { email: 'writer@acme.test', password: 'demo-writer', role: 'writer' },
      ],
    });
    expect(text).toContain('App:        http://127.0.0.1:3000\n');
    expect(text).toContain('Portal:     http://127.0.0.1:3000/portal');
    expect(text).toContain('API docs:   http://127.0.0.1:3000/api/docs');
    expect(text).toMatch(/owner\s+owner@acme\.test\s+demo-owner/);
    expect(text).toMatch(/writer\s+writer@acme\.test\s+demo-writer/);
    expect(text).toContain('/repo/.data');
    expect(text).not.toContain('Mailbox:');
  });

  it('shows the development mailbox when it is on', () => {
    expect(renderBanner({ url: 'http://x:1', dataDir: '.data', logins: [], devMailbox: true })).toContain(
      'Mailbox:    http://x:1/dev/mail',
    );
  });

  it('says so when the seed printed no logins', () => {
    expect(renderBanner({ url: 'http://x:1', dataDir: '.data', logins: [] })).toContain('Demo logins: none');
  });
});
