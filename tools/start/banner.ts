import type { DemoLogin } from './seed-output';

export interface BannerInput {
  url: string;
  logins: DemoLogin[];
  dataDir: string;
  /** DEV_MAILBOX is on: the dashboard shows the agency's e-mails at /dev/mail. */
  devMailbox?: boolean;
}

/** The lines printed once the product is ready. */
export function renderBanner({ url, logins, dataDir, devMailbox }: BannerInput): string {
  const base = url.replace(/\/+$/, '');
  const roleWidth = Math.max(4, ...logins.map((login) => login.role.length));
  const emailWidth = Math.max(5, ...logins.map((login) => login.email.length));
  const rule = '-'.repeat(64);
  return [
    rule,
    'POA Desk is running',
    `  App:        ${base}`,
    `  Portal:     ${base}/portal`,
    `  API docs:   ${base}/api/docs`,
    ...(devMailbox ? [`  Mailbox:    ${base}/dev/mail (e-mails of your agency, for its owners and admins)`] : []),
    '',
    logins.length > 0 ? 'Demo logins:' : 'Demo logins: none (the seed printed no logins)',
    ...logins.map((login) => `  ${login.role.padEnd(roleWidth)}  ${login.email.padEnd(emailWidth)}  ${login.password}`),
    '',
    `Data lives in ${dataDir} (kept between runs). Stop with Ctrl-C.`,
    rule,
  ].join('\n');
}
