import type { AppConfig } from '@poa/config';
import { tenantMailDir } from '@poa/jobs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';

export interface OutgoingMail {
  from: { name: string; address: string };
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Used in the .eml file name. */
  id: string;
  /** The agency the message belongs to: the .eml goes to its folder (see tenantMailDir). */
  tenantId: string;
}

export interface MailSender {
  readonly kind: 'smtp' | 'eml';
  send(mail: OutgoingMail): Promise<{ location: string }>;
  close(): void;
}

/** The address part of MAIL_FROM ("POA Desk <no-reply@x>" or a bare address). */
export function fromAddress(mailFrom: string): string {
  return /<([^>]+)>/.exec(mailFrom)?.[1] ?? mailFrom.trim();
}

/**
 * SMTP when SMTP_URL is set; otherwise every message is written as an RFC 822 .eml file under DATA_DIR/mail/<tenantId>
 * (nodemailer's stream transport builds the same bytes SMTP would carry): nothing is ever silently dropped.
 */
export function createMailSender(config: Pick<AppConfig, 'SMTP_URL' | 'DATA_DIR'>): MailSender {
  if (config.SMTP_URL) {
    const transport: Transporter = nodemailer.createTransport(config.SMTP_URL);
    return {
      kind: 'smtp',
      async send(mail) {
        const info = await transport.sendMail({ from: mail.from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html });
        return { location: `smtp:${info.messageId}` };
      },
      close: () => transport.close(),
    };
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    kind: 'eml',
    async send(mail) {
      const info = await transport.sendMail({ from: mail.from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html });
      const dir = tenantMailDir(config, mail.tenantId);
      await mkdir(dir, { recursive: true });
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      const name = `${stamp}-${mail.id.replace(/[^\w-]/g, '_')}.eml`;
      const file = join(dir, name);
      // Written under another name, then renamed: the mailbox lists *.eml, and must never see a file half written.
      const partial = join(dir, `.${name}.partial`);
      await writeFile(partial, info.message as Buffer);
      await rename(partial, file);
      return { location: file };
    },
    close: () => transport.close(),
  };
}
