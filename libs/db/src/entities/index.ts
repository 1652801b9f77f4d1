import { ApiKey, AuditEvent, RefreshToken, Tenant, User } from './identity';
import { Approval, Attachment, Case, CaseCounter, CaseEvent, CaseRound, Client, Comment, Contact, DraftVersion } from './cases';
import { OutboxMessage, PdfRender, PortalLoginToken, Webhook, WebhookDelivery } from './delivery';
import { Notification, Reminder } from './reminders';

export * from './common';
export * from './identity';
export * from './cases';
export * from './delivery';
export * from './reminders';

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
  Comment,
  CaseEvent,
  Attachment,
  PdfRender,
  OutboxMessage,
  PortalLoginToken,
  Webhook,
  WebhookDelivery,
  Reminder,
  Notification,
];
