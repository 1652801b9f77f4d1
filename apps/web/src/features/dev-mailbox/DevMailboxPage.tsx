import { useState } from 'react';
import { formatDateTime } from '../../lib/format';
import { QueryView } from '../../ui/states';
import { linksOf, useDevMail, useDevMails } from './dev-mail.queries';
import { usePageTitle } from '../../lib/page-title';

/** /dev/mail: the .eml files the worker wrote for this agency (owners and admins), to follow log-in links locally. */
export default function DevMailboxPage() {
  const [open, setOpen] = useState<string | null>(null);
  const mails = useDevMails();
  const raw = useDevMail(open);
  usePageTitle('Development mailbox');

  return (
    <section className="stack-lg">
      <h1>Development mailbox</h1>
      <div className="card table-frame">
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
