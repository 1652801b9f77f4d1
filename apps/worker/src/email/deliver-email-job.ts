import type { AppConfig } from '@poa/config';
import type { TenantDb } from '@poa/db';
import type { EmailJob } from '@poa/jobs';
import { brandedHtml, textToHtml } from './email-layout';
import { EmailRepository } from './email.repository';
import { fromAddress, type MailSender } from './mail-sender';

export type DeliveryResult = { sent: true; location: string } | { sent: false; reason: string };

/**
 * Sends one email job: skips a reminder whose case moved on (status or version changed), adds the agency's
 * branded HTML part (the plain-text part is the job's text) and hands it to SMTP or the .eml folder.
 */
export async function deliverEmailJob(
  db: TenantDb,
  sender: MailSender,
  config: Pick<AppConfig, 'MAIL_FROM'>,
  job: EmailJob,
  id: string,
): Promise<DeliveryResult> {
  const tenant = await new EmailRepository(db).agency(job);
  if (!tenant) return { sent: false, reason: 'the agency no longer exists' };
  if (job.onlyIf && (tenant.case_status !== job.onlyIf.status || tenant.case_version !== job.onlyIf.latestVersion)) {
    return { sent: false, reason: `the case is no longer in ${job.onlyIf.status} at version ${job.onlyIf.latestVersion}` };
  }
  const branding = { agencyName: tenant.name, primaryColor: tenant.primary_color ?? '#1f4e79' };
  const html = brandedHtml(branding, job.subject, job.html ?? textToHtml(job.text));
  const { location } = await sender.send({
    id,
    tenantId: job.tenantId,
    from: { name: tenant.name, address: fromAddress(config.MAIL_FROM) },
    to: job.to,
    subject: job.subject,
    text: job.text,
    html,
  });
  return { sent: true, location };
}
