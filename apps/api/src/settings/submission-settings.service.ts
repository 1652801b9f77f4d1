import { Injectable } from '@nestjs/common';
import { TenantDb, type TenantTransaction } from '@poa/db';
import { SUBMISSION_FIELD_KEYS, type SubmissionFieldKey } from '@poa/domain';
import { AppError } from '../core/errors';
import { AuditService } from '../identity/audit/audit.service';
import { SubmissionSettingsRepository, type SubmissionSettingsRow } from './submission-settings.repository';
import type { SubmissionSettingsInput } from './submission-settings.schemas';

export type SubmissionLimitsView = Record<SubmissionFieldKey, number | null>;

/** Every field with its limit (null: none), whatever the stored object holds. */
export function limitsOf(stored: { limits?: Record<string, unknown> } | null | undefined): SubmissionLimitsView {
  const limits = stored?.limits ?? {};
  return Object.fromEntries(
    SUBMISSION_FIELD_KEYS.map((key) => {
      const value = limits[key];
      return [key, typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : null];
    }),
  ) as SubmissionLimitsView;
}

const view = (row: SubmissionSettingsRow | undefined) => ({ limits: limitsOf(row?.submission_settings) });

/** The agency's Seller Central field limits: the submission pack and the checker measure each field against them. */
@Injectable()
export class SubmissionSettingsService {
  constructor(
    private readonly db: TenantDb,
    private readonly settings: SubmissionSettingsRepository,
    private readonly audit: AuditService,
  ) {}

  async get() {
    const row = await this.settings.current();
    if (!row) throw AppError.notFound('Agency');
    return view(row);
  }

  async limitsIn(tx: TenantTransaction): Promise<SubmissionLimitsView> {
    return limitsOf((await this.settings.currentIn(tx))?.submission_settings);
  }

  /** Replaces the limits: a field left out has none. */
  async update(input: SubmissionSettingsInput) {
    const limits = limitsOf({ limits: input.limits });
    return this.db.transaction(async (tx) => {
      const row = await this.settings.setLimits(tx, limits);
      await this.audit.record(tx, { type: 'settings.submission_changed', metadata: { limits } });
      return view(row);
    });
  }
}
