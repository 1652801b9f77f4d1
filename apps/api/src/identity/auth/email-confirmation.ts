import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@poa/config';
import { TenantDb, type TenantTransaction } from '@poa/db';
import { QUEUES } from '@poa/jobs';
import { AuditService } from '../audit/audit.service';
import { AppError } from '../../core/errors';
import { APP_CONFIG } from '../../core/tokens';
import { addressInUseEmail, confirmAddressEmail } from '../../email/email-texts';
import { OutboxService } from '../../outbox/outbox.service';
import { UsersRepository } from '../users/users.repository';
import { newOpaqueToken, parseOpaqueToken, safeEqualHex } from './tokens.service';

const CONFIRM_TTL_HOURS = 48;

/** The confirmed account that holds an address, in whatever agency. */
export interface AddressHolder {
  tenantId: string;
  name: string;
}

export type AddressAttempt = { kind: 'signup' } | { kind: 'invite'; agencyName: string };

/**
 * Sign-up and invites never say whether an address has an account: both always create an unconfirmed account
 * (the same answer), and only a confirmed account logs in with its password. A free address gets a confirmation
 * link; a taken one gets nothing confirmable, and the holder of the address is told someone tried to use it.
 */
@Injectable()
export class EmailConfirmation {
  constructor(
    private readonly db: TenantDb,
    private readonly users: UsersRepository,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Called in the transaction that created or activated the unconfirmed account `user`: sends it the link, or
   * returns the holder of the address (then call tellHolder once that transaction has committed).
   */
  async requestConfirmation(
    tx: TenantTransaction,
    user: { id: string; email: string; name: string },
    agencyName: string,
  ): Promise<AddressHolder | null> {
    const holder = await this.users.confirmedHolder(tx, user.email);
    if (holder) return { tenantId: holder.tenant_id, name: holder.name };

    const { token, hash } = newOpaqueToken(tx.tenantId, user.id);
    await this.users.setEmailToken(tx, user.id, hash, CONFIRM_TTL_HOURS);
    const url = `${this.publicUrl()}/confirm-email?token=${encodeURIComponent(token)}`;
    await this.outbox.add(tx, {
      queue: QUEUES.email,
      payload: { tenantId: tx.tenantId, to: user.email, ...confirmAddressEmail(user.name, agencyName, url, CONFIRM_TTL_HOURS) },
      occasion: { kind: 'confirm-address' },
    });
    return null;
  }

  /** Emails the holder of an address (in their own agency's outbox) that someone tried to use it. */
  async tellHolder(holder: AddressHolder, email: string, attempt: AddressAttempt): Promise<void> {
    const message = addressInUseEmail(holder.name, attempt, `${this.publicUrl()}/login`);
    await this.db.transaction(
      (tx) =>
        this.outbox.add(tx, {
          queue: QUEUES.email,
          payload: { tenantId: holder.tenantId, to: email, ...message },
          occasion: { kind: 'address-in-use' },
        }),
      {
        tenantId: holder.tenantId,
      },
    );
  }

  /** The e-mailed link: confirms the address once. Forged, used, expired or already confirmed elsewhere: one 400. */
  async confirm(token: string): Promise<void> {
    const parsed = parseOpaqueToken(token);
    const invalid = () => AppError.validation([{ field: 'token', message: 'This confirmation link is invalid, expired or already used' }]);
    if (!parsed) throw invalid();
    await this.db.transaction(
      async (tx) => {
        const user = await this.users.lockForConfirmation(tx, parsed.rowId);
        if (!user?.email_token_hash || !safeEqualHex(user.email_token_hash, parsed.secretHash) || !user.usable) throw invalid();
        try {
          await this.users.confirmEmail(tx, user.id);
        } catch (error) {
          // Another account confirmed the address first.
          if ((error as { code?: string }).code === '23505') throw invalid();
          throw error;
        }
        await this.audit.record(tx, { type: 'user.email_confirmed', actorType: 'user', actorId: user.id, actorLabel: user.email });
      },
      { tenantId: parsed.tenantId },
    );
  }

  private publicUrl(): string {
    return this.config.PUBLIC_URL.replace(/\/$/, '');
  }
}
