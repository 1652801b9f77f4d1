import { useMemo, useState } from 'react';
import { formatDateTime } from '../../lib/format';
import { QueryView } from '../../ui/states';
import { linksOf, useDevMail, useDevMails } from './dev-mail.queries';
import { parseEml } from './eml';
import { EmailHtml } from './EmailHtml';
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
            <table className="table table-cards">
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
                    <td data-label="Date">{formatDateTime(mail.date)}</td>
                    <td data-label="To">{mail.to}</td>
                    <td data-label="Subject">
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
          <QueryView query={raw}>{(eml) => <MailView eml={eml} />}</QueryView>
        </div>
      )}
    </section>
  );
}

/** One e-mail as its recipient sees it: the HTML part (no scripts, no remote requests), the text part, its links. */
function MailView({ eml }: { eml: string }) {
  const mail = useMemo(() => parseEml(eml), [eml]);
  return (
    <div className="stack mail-view">
      <dl className="facts">
        {(['from', 'to', 'subject', 'date'] as const).map((name) =>
          mail.headers[name] ? (
            <div key={name} style={{ display: 'contents' }}>
              <dt>{name[0].toUpperCase() + name.slice(1)}</dt>
              <dd>{mail.headers[name]}</dd>
            </div>
          ) : null,
        )}
      </dl>
      {mail.html !== null && (
        <section aria-label="HTML version">
          <h2>HTML</h2>
          <EmailHtml html={mail.html} label="HTML version of the e-mail" />
        </section>
      )}
      {mail.text !== null && (
        <section aria-label="Text version">
          <h2>Text</h2>
          <pre className="notice-text" tabIndex={0}>
            {mail.text}
          </pre>
        </section>
      )}
      <section aria-label="Links">
        <h2>Links</h2>
        <ul>
          {linksOf(eml).map((link) => (
            <li key={link}>
              <a href={link}>{link}</a>
            </li>
          ))}
        </ul>
      </section>
      <details>
        <summary>Raw message</summary>
        <pre className="notice-text" tabIndex={0}>
          {eml}
        </pre>
      </details>
    </div>
  );
}
