/** The agency's look in every email: its name and colour (logos stay out: many mail apps block embedded images). */
export interface EmailBranding {
  agencyName: string;
  primaryColor: string;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const safeColor = (c: string) => (/^#[0-9a-f]{3,8}$/i.test(c) ? c : '#1f4e79');

/** Plain text as HTML paragraphs, with bare URLs made into links. */
export function textToHtml(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((paragraph) => {
      const html = escapeHtml(paragraph).replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`);
      return `<p style="margin:0 0 14px">${html.replace(/\n/g, '<br>')}</p>`;
    })
    .join('');
}

/** The branded HTML part: a coloured header with the agency's name around the body. */
export function brandedHtml(branding: EmailBranding, subject: string, bodyHtml: string): string {
  const color = safeColor(branding.primaryColor);
  const name = escapeHtml(branding.agencyName);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:0;background:#f4f5f7;font-family:Arial,Helvetica,sans-serif;color:#1d2433">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center" style="padding:16px">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:560px;background:#ffffff;border-radius:6px;overflow:hidden">
<tr><td style="background:${color};color:#ffffff;padding:14px 20px;font-size:18px;font-weight:bold" data-agency-color="${color}">${name}</td></tr>
<tr><td style="padding:20px;font-size:15px;line-height:1.5">${bodyHtml}</td></tr>
<tr><td style="padding:12px 20px;font-size:12px;color:#5b6475;border-top:1px solid #e5e7eb">Sent by ${name} through POA Desk.</td></tr>
</table></td></tr></table></body></html>`;
}
