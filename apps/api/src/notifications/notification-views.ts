import { NOTIFICATION_KINDS, type NotificationKind } from '@poa/domain';
import { iso } from '../common/pagination';
import type { NotificationRow } from './notifications.repository';

export const notificationView = (r: NotificationRow) => ({
  id: r.id,
  kind: r.kind as NotificationKind,
  caseId: r.case_id,
  title: r.title,
  body: r.body,
  readAt: iso(r.read_at),
  createdAt: iso(r.created_at)!,
});

/** Every kind named: on unless turned off. */
export const preferencesView = (stored: Record<string, boolean>) => ({
  email: Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, stored[k] !== false])) as Record<NotificationKind, boolean>,
});
