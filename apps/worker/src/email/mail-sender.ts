import type { AppConfig } from '@poa/config';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';

export interface OutgoingMail {
  from: { name: string; address: string };
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Used in the .eml file name. */
  id: string;
}

export interface MailSender {
  readonly kind: 'smtp' | 'eml';
  send(mail: OutgoingMail): Promise<{ location: string }>;
  close(): void;
}

export const mailDir = (config: Pick<AppConfig, 'DATA_DIR'>) => resolve(config.DATA_DIR, 'mail');

/** The address part of MAIL_FROM ("POA Desk <no-reply@x>" or a bare address). */
export function fromAddress(mailFrom: string): string {
  return /<([^>]+)>/.exec(mailFrom)?.[1] ?? mailFrom.trim();
}

/**
 * SMTP when SMTP_URL is set; otherwise every message is written as an RFC 822 .eml file under DATA_DIR/mail
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
  const dir = mailDir(config);
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    kind: 'eml',
    async send(mail) {
      const info = await transport.sendMail({ from: mail.from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html });
      await mkdir(dir, { recursive: true });
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      const file = join(dir, `${stamp}-${mail.id.replace(/[^\w-]/g, '_')}.eml`);
      await writeFile(file, info.message as Buffer);
      return { location: file };
    },
    close: () => transport.close(),
  };
}
