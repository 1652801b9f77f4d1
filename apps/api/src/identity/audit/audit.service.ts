import { Injectable } from '@nestjs/common';
import { TenantContext, type TenantTransaction } from '@poa/db';
import { iso, timeCursor, toPage } from '../../common/pagination';
import { AuditRepository } from './audit.repository';

export type AuditType =
  | 'auth.signup'
  | 'auth.login.succeeded'
  | 'auth.login.failed'
  | 'auth.logout'
  | 'auth.password_changed'
  | 'auth.refresh_reuse_detected'
  | 'user.invited'
  | 'user.invite_accepted'
  | 'user.email_confirmed'
  | 'user.role_changed'
  | 'user.deactivated'
  | 'api_key.created'
  | 'api_key.revoked'
  | 'settings.branding_changed'
  | 'settings.submission_changed'
  | 'settings.playbook_changed'
  | 'settings.playbook_reset'
  | 'settings.checker_changed'
  | 'case.check_overridden'
  | 'tenant.export_requested'
  | 'tenant.deletion_scheduled'
  | 'tenant.deletion_cancelled';

export interface AuditInput {
  type: AuditType;
  actorType?: string;
  actorId?: string | null;
  actorLabel?: string | null;
  targetType?: string | null;
  targetId?: string | null;
  ip?: string | null;
  metadata?: Record<string, unknown>;
}

/** Append-only security events per tenant (the app role has no reason to update or delete them). */
@Injectable()
export class AuditService {
  constructor(private readonly events: AuditRepository) {}

  /** Records inside the caller's transaction, so the event and the change it describes commit together. */
  async record(tx: TenantTransaction, event: AuditInput): Promise<void> {
    const scope = TenantContext.current();
    await this.events.insert(tx, {
      type: event.type,
      actorType: event.actorType ?? scope?.actor.kind ?? 'system',
      actorId: event.actorId ?? scope?.actor.id ?? null,
      actorLabel: event.actorLabel ?? scope?.actor.name ?? null,
      targetType: event.targetType ?? null,
      targetId: event.targetId ?? null,
      ip: event.ip ?? scope?.ip ?? null,
      metadata: event.metadata ?? {},
    });
  }

  async list(limit: number, cursor?: string) {
    const after = timeCursor.decode(cursor);
    const rows = await this.events.page(limit, after);
    return toPage(
      rows,
      limit,
      (r) => ({
        id: r.id,
        type: r.type,
        actorType: r.actor_type,
        actorId: r.actor_id,
        actorLabel: r.actor_label,
        targetType: r.target_type,
        targetId: r.target_id,
        ip: r.ip,
        metadata: r.metadata,
        createdAt: iso(r.created_at)!,
      }),
      (r) => timeCursor.encode(r.created_at, r.id),
    );
  }
}
