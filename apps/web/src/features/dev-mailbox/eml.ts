/** What the development mailbox shows of an .eml file: its headers, text part and HTML part, decoded. */
export interface ParsedMail {
  headers: Record<string, string>;
  text: string | null;
  html: string | null;
}

interface Part {
  headers: Record<string, string>;
  body: string;
}

function splitPart(raw: string): Part {
  const normalized = raw.replace(/\r\n/g, '\n');
  const end = normalized.indexOf('\n\n');
  const head = end < 0 ? normalized : normalized.slice(0, end);
  const body = end < 0 ? '' : normalized.slice(end + 2);
  const headers: Record<string, string> = {};
  // Folded header lines continue with whitespace.
  for (const line of head.replace(/\n[ \t]+/g, ' ').split('\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { headers, body };
}

function bytesToText(bytes: number[], charset: string): string {
  try {
    return new TextDecoder(charset || 'utf-8').decode(new Uint8Array(bytes));
  } catch {
    return new TextDecoder('utf-8').decode(new Uint8Array(bytes));
  }
}

function decodeBody(part: Part): string {
  const encoding = (part.headers['content-transfer-encoding'] ?? '').toLowerCase();
  const charset = /charset="?([^";]+)"?/i.exec(part.headers['content-type'] ?? '')?.[1] ?? 'utf-8';
  if (encoding === 'base64') {
    const binary = atob(part.body.replace(/\s+/g, ''));
    return bytesToText(
      [...binary].map((c) => c.charCodeAt(0)),
      charset,
    );
  }
  if (encoding === 'quoted-printable') {
    const text = part.body.replace(/=\n/g, '');
    const bytes: number[] = [];
    for (let i = 0; i < text.length; i++) {
      const hex = text[i] === '=' ? text.slice(i + 1, i + 3) : '';
      if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
        bytes.push(parseInt(hex, 16));
        i += 2;
      } else bytes.push(...new TextEncoder().encode(text[i]));
    }
    return bytesToText(bytes, charset);
  }
  return part.body;
}

/** Decodes an RFC 2047 header ("=?UTF-8?Q?...?=" or "=?UTF-8?B?...?="). */
function decodeHeader(value: string): string {
  return value.replace(/=\?([^?]+)\?([QBqb])\?([^?]*)\?=/g, (_, charset: string, kind: string, data: string) => {
    if (kind.toUpperCase() === 'B')
      return bytesToText(
        [...atob(data)].map((c) => c.charCodeAt(0)),
        charset,
      );
    return decodeBody({
      headers: { 'content-transfer-encoding': 'quoted-printable', 'content-type': `text/plain; charset=${charset}` },
      body: data.replace(/_/g, ' '),
    });
  });
}

function collect(part: Part, into: ParsedMail): void {
  const type = (part.headers['content-type'] ?? 'text/plain').toLowerCase();
  const boundary = /boundary="?([^";]+)"?/i.exec(part.headers['content-type'] ?? '')?.[1];
  if (type.startsWith('multipart/') && boundary) {
    const sections = part.body.split(`--${boundary}`).slice(1);
    for (const section of sections) {
      if (section.startsWith('--')) break;
      collect(splitPart(section.replace(/^\n/, '').replace(/\n$/, '')), into);
    }
    return;
  }
  if (type.startsWith('text/html')) into.html ??= decodeBody(part);
  else if (type.startsWith('text/plain')) into.text ??= decodeBody(part);
}

export function parseEml(eml: string): ParsedMail {
  const top = splitPart(eml);
  const headers = Object.fromEntries(Object.entries(top.headers).map(([name, value]) => [name, decodeHeader(value)]));
  const mail: ParsedMail = { headers, text: null, html: null };
  collect(top, mail);
  return mail;
}
