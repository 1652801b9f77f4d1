import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { fetchWithRefresh } from '../api/client';
import { ApiError } from '../api/errors';
import { tokenStore } from '../api/token-store';
import { useTenantKey } from '../auth/session';
import { formatDateTime } from '../lib/format';
import { QueryView } from '../ui/states';

interface DevMail {
  file: string;
  to: string;
  subject: string;
  date: string;
}

/** GET /api/v1/dev/mail[/file] (only with DEV_MAILBOX=true, and not in the OpenAPI document, so not in the SDK). */
async function devMail(path: string): Promise<Response> {
  const response = await fetchWithRefresh(new Request(`/api/v1/dev/mail${path}`, { headers: { authorization: `Bearer ${tokenStore.accessToken ?? ''}` } }));
  if (!response.ok) {
    const error = ApiError.from(response.status, await response.json().catch(() => null));
    if (response.status === 404 && path === '') throw new ApiError(404, error.code, 'The development mailbox is off: start the product with DEV_MAILBOX=true (never in production).', null);
    throw error;
  }
  return response;
}

/** The links of an .eml, with quoted-printable soft line breaks and =3D escapes undone. */
function linksOf(eml: string): string[] {
  const text = eml.replace(/=\r?\n/g, '').replace(/=3D/gi, '=');
  return [...new Set(text.match(/https?:\/\/[^\s"'<>]+/g) ?? [])];
}

/** /dev/mail: the .eml files the worker wrote for this agency (owners and admins), to follow log-in links locally. */
export default function DevMailboxPage() {
  const key = useTenantKey();
  const [open, setOpen] = useState<string | null>(null);
  const mails = useQuery({ queryKey: key('dev-mail'), queryFn: async () => ((await (await devMail('')).json()) as { data: DevMail[] }).data });
  const raw = useQuery({ queryKey: key('dev-mail', open), enabled: open !== null, queryFn: async () => (await devMail(`/${encodeURIComponent(open!)}`)).text() });

  return (
    <section className="stack-lg">
      <h1>Development mailbox</h1>
      <div className="card">
        <QueryView query={mails} isEmpty={(data) => data.length === 0} empty="No e-mails yet.">
          {(data) => (
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">To</th>
                  <th scope="col">Subject</th>
                </tr>
              </thead>
              <tbody>
                {data.map((mail) => (
                  <tr key={mail.file}>
                    <td>{formatDateTime(mail.date)}</td>
                    <td>{mail.to}</td>
                    <td>
                      <button type="button" className="btn btn-ghost btn-small" onClick={() => setOpen(mail.file)}>
                        {mail.subject || '(no subject)'}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </QueryView>
      </div>
      {open && (
        <div className="card" aria-label="E-mail">
          <QueryView query={raw}>
            {(eml) => (
              <>
                <ul>
                  {linksOf(eml).map((link) => (
                    <li key={link}>
                      <a href={link}>{link}</a>
                    </li>
                  ))}
                </ul>
                <pre className="notice-text">{eml}</pre>
              </>
            )}
          </QueryView>
        </div>
      )}
    </section>
  );
}
