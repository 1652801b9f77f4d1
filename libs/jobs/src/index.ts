/**
 * What the backend apps leave for each other in the transaction of a change: jobs in the outbox (payload schemas,
 * job ids, `enqueue`), webhook events and their deliveries, and the timeline events of a case. Shared by the API
 * (which writes them) and the worker (which runs the jobs, and writes follow-ups and pdf.ready itself).
 */
export * from './payloads';
export * from './job-ids';
export * from './outbox';
export * from './case-events';
export * from './mail-folder';
export * from './webhooks';
export * from './webhook-target';
export * from './reminders';
