import type { SubmissionChannel } from '@poa/domain';

/** How a plan went to Amazon, as the workflow form and the timeline name it. */
export const CHANNEL_LABELS: Readonly<Record<SubmissionChannel, string>> & Readonly<Record<string, string | undefined>> = {
  seller_central_form: 'Seller Central appeal form',
  document_upload: 'document uploaded in Seller Central',
  email: 'email',
};
