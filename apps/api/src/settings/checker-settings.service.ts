import { Injectable } from '@nestjs/common';
import { TenantDb, type TenantTransaction } from '@poa/db';
import {
  CHECKER_RULES,
  DEFAULT_RULE_SEVERITIES,
  isCheckerRule,
  RULE_SETTINGS,
  type CheckerRule,
  type CheckerSettings,
  type RuleSetting,
} from '@poa/domain';
import { AppError } from '../core/errors';
import { AuditService } from '../identity/audit/audit.service';
import { CheckerSettingsRepository, type CheckerSettingsRow } from './checker-settings.repository';
import type { CheckerSettingsInput } from './checker-settings.schemas';

/** The stored settings, keeping only known rules and values (a rule renamed or removed later is ignored). */
export function checkerSettingsOf(stored: CheckerSettingsRow['checker_settings'] | null | undefined): Required<CheckerSettings> {
  const rules: Partial<Record<string, RuleSetting>> = {};
  for (const [rule, value] of Object.entries(stored?.rules ?? {}))
    if (isCheckerRule(rule) && (RULE_SETTINGS as readonly string[]).includes(value)) rules[rule] = value as RuleSetting;
  const maxLength = typeof stored?.maxLength === 'number' && stored.maxLength > 0 ? stored.maxLength : null;
  return { rules, maxLength };
}

const view = (row: CheckerSettingsRow | undefined) => {
  const settings = checkerSettingsOf(row?.checker_settings);
  return {
    rules: Object.fromEntries(CHECKER_RULES.map((rule) => [rule, settings.rules[rule] ?? DEFAULT_RULE_SEVERITIES[rule]])) as Record<
      CheckerRule,
      RuleSetting
    >,
    defaults: { ...DEFAULT_RULE_SEVERITIES },
    maxLength: settings.maxLength,
  };
};

/** Severity per checker rule: a tenant setting over libs/domain's defaults. Errors block sending a plan. */
@Injectable()
export class CheckerSettingsService {
  constructor(
    private readonly db: TenantDb,
    private readonly settings: CheckerSettingsRepository,
    private readonly audit: AuditService,
  ) {}

  async get() {
    const row = await this.settings.current();
    if (!row) throw AppError.notFound('Agency');
    return view(row);
  }

  async settingsIn(tx: TenantTransaction): Promise<Required<CheckerSettings>> {
    return checkerSettingsOf((await this.settings.currentIn(tx))?.checker_settings);
  }

  /** Replaces the settings: a rule left out goes back to its default; a rule set to its default is not stored. */
  async update(input: CheckerSettingsInput) {
    const rules = Object.fromEntries(
      Object.entries(input.rules).filter(([rule, value]) => isCheckerRule(rule) && value !== DEFAULT_RULE_SEVERITIES[rule]),
    );
    const maxLength = input.maxLength ?? null;
    return this.db.transaction(async (tx) => {
      const row = await this.settings.replace(tx, { rules, maxLength });
      await this.audit.record(tx, { type: 'settings.checker_changed', metadata: { rules, maxLength } });
      return view(row);
    });
  }
}
