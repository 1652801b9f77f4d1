import { ApiKey, AuditEvent, RefreshToken, Tenant, User } from './identity';
import {
  Approval,
  Attachment,
  Case,
  CaseEvidence,
  PlaybookRow,
  CaseCounter,
  CaseEvent,
  CaseRound,
  Client,
  Comment,
  Contact,
  DraftVersion,
  Submission,
} from './cases';
import { OutboxMessage, PdfRender, PortalLoginToken, Webhook, WebhookDelivery } from './delivery';
import { FollowUp, FollowUpCheckIn, SafetyNetReport } from './follow-ups';
import { Notification, Reminder } from './reminders';
import { TenantExport } from './tenant-export';

export * from './common';
export * from './identity';
export * from './cases';
export * from './delivery';
export * from './reminders';
export * from './follow-ups';
export * from './tenant-export';

export const ENTITIES = [
  Tenant,
  User,
  RefreshToken,
  ApiKey,
  AuditEvent,
  Client,
  Contact,
  CaseCounter,
  Case,
  CaseRound,
  DraftVersion,
  Approval,
  Submission,
  Comment,
  CaseEvent,
  Attachment,
  CaseEvidence,
  PlaybookRow,
  PdfRender,
  OutboxMessage,
  PortalLoginToken,
  Webhook,
  WebhookDelivery,
  Reminder,
  Notification,
  TenantExport,
  FollowUp,
  FollowUpCheckIn,
  SafetyNetReport,
];
