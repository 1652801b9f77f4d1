import { parseEml } from './eml';

const EML = [
  'From: POA Desk <no-reply@poadesk.test>',
  'To: jane@seller.test',
  'Subject: =?UTF-8?Q?Your_plan_is_ready_=E2=80=93_POA-2026-0001?=',
  'MIME-Version: 1.0',
  'Content-Type: multipart/alternative;',
  ' boundary="--_NmP-abc"',
  '',
  '----_NmP-abc',
  'Content-Type: text/plain; charset=utf-8',
  'Content-Transfer-Encoding: quoted-printable',
  '',
  'Open https://example.test/portal?token=3Dabc and review the plan =E2=80=93 th=',
  'anks.',
  '----_NmP-abc',
  'Content-Type: text/html; charset=utf-8',
  'Content-Transfer-Encoding: base64',
  '',
  Buffer.from('<p>Open <a href="https://example.test/portal">the plan</a> – thanks.</p>').toString('base64'),
  '----_NmP-abc--',
  '',
].join('\r\n');

describe('parseEml', () => {
  it('decodes the headers, the text part and the HTML part', () => {
    const mail = parseEml(EML);
    expect(mail.headers.subject).toBe('Your plan is ready – POA-2026-0001');
    expect(mail.headers.to).toBe('jane@seller.test');
    expect(mail.text).toBe('Open https://example.test/portal?token=abc and review the plan – thanks.');
    expect(mail.html).toBe('<p>Open <a href="https://example.test/portal">the plan</a> – thanks.</p>');
  });

  it('reads a single-part message', () => {
    expect(parseEml('Subject: Hi\nContent-Type: text/plain\n\nHello').text).toBe('Hello');
  });
});
