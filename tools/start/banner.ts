import type { DemoLogin } from './seed-output';

export interface BannerInput {
  url: string;
  logins: DemoLogin[];
  dataDir: string;
}

/** The lines printed once the product is ready. */
export function renderBanner({ url, logins, dataDir }: BannerInput): string {
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
    '',
    logins.length > 0 ? 'Demo logins:' : 'Demo logins: none (the seed printed no logins)',
    ...logins.map((login) => `  ${login.role.padEnd(roleWidth)}  ${login.email.padEnd(emailWidth)}  ${login.password}`),
    '',
    `Data lives in ${dataDir} (kept between runs). Stop with Ctrl-C.`,
    rule,
  ].join('\n');
}
