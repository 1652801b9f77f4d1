import type { DraftSectionKey } from '../draft';
import type { SubmissionOptions } from '../submission';
import type { ViolationType } from '../violations';

export const FINDING_SEVERITIES = ['error', 'warning', 'tip'] as const;
export type FindingSeverity = (typeof FINDING_SEVERITIES)[number];
/** A tenant's choice per rule: a severity, or `off`. */
export type RuleSetting = FindingSeverity | 'off';
export const RULE_SETTINGS: readonly RuleSetting[] = [...FINDING_SEVERITIES, 'off'];

/** Stable rule keys: stored in tenant settings and answered by the API, so never renamed. */
export const CHECKER_RULES = [
  'required_section',
  'issue_without_root_cause',
  'asin_not_addressed',
  'not_past_tense',
  'completion_in_future',
  'completion_missing',
  'measure_missing_owner',
  'measure_missing_start',
  'measure_missing_cadence',
  'measure_missing_trigger',
  'vague',
  'blame',
  'emotive',
  'question_to_amazon',
  'sales_talk',
  'support_case_reference',
  'too_long',
  'field_over_limit',
  'template_text',
  'copied_text',
  'missing_evidence',
  'invoice_outside_window',
  'invoice_quantity_short',
  'invoice_missing_supplier_details',
  'loa_missing_details',
] as const;
export type CheckerRule = (typeof CHECKER_RULES)[number];

export function isCheckerRule(x: unknown): x is CheckerRule {
  return typeof x === 'string' && (CHECKER_RULES as readonly string[]).includes(x);
}

/**
 * Errors are what Amazon rejects outright or what is untrue (a missing section or root cause, blame, starter text,
 * a completion date still to come, evidence that does not prove the claim); warnings are what consultants advise
 * (Amazon's own form asks "what will you do", so tense is advice) and guesses (field limits Amazon does not publish).
 */
export const DEFAULT_RULE_SEVERITIES: Readonly<Record<CheckerRule, FindingSeverity>> = {
  required_section: 'error',
  issue_without_root_cause: 'error',
  asin_not_addressed: 'warning',
  not_past_tense: 'warning',
  completion_in_future: 'error',
  completion_missing: 'warning',
  measure_missing_owner: 'warning',
  measure_missing_start: 'warning',
  measure_missing_cadence: 'warning',
  measure_missing_trigger: 'tip',
  vague: 'warning',
  blame: 'error',
  emotive: 'warning',
  question_to_amazon: 'warning',
  sales_talk: 'warning',
  support_case_reference: 'warning',
  too_long: 'warning',
  field_over_limit: 'warning',
  template_text: 'error',
  copied_text: 'warning',
  // A warning by default: the client is asked for most documents during client review (the portal's "Documents we
  // need from you"), so refusing to send the plan until they arrive would stall the case. An agency that wants the
  // gate raises it to an error in its checker settings.
  missing_evidence: 'warning',
  invoice_outside_window: 'error',
  invoice_quantity_short: 'error',
  invoice_missing_supplier_details: 'error',
  loa_missing_details: 'error',
};

export const CHECKER_RULE_LABELS: Readonly<Record<CheckerRule, string>> = {
  required_section: 'Every section present',
  issue_without_root_cause: 'A root cause for every notice issue',
  asin_not_addressed: 'Every ASIN and order ID of the notice addressed',
  not_past_tense: 'Corrective actions in the past tense, no promises in root causes',
  completion_in_future: 'Completion dates not in the future',
  completion_missing: 'Corrective actions with a completion date',
  measure_missing_owner: 'Preventive measures name an owner',
  measure_missing_start: 'Preventive measures have a start date',
  measure_missing_cadence: 'Preventive measures have a real frequency',
  measure_missing_trigger: 'Preventive measures say what triggers action',
  vague: 'Specific lines (a number, date, ID or name)',
  blame: 'No blame of Amazon, buyers, competitors or third parties',
  emotive: 'No emotive language',
  question_to_amazon: 'No questions to Amazon',
  sales_talk: 'No company history or sales talk',
  support_case_reference: 'No references to support cases or tickets',
  too_long: 'Within the agency’s length',
  field_over_limit: 'Within the Seller Central field limits',
  template_text: 'No starter or example text left unedited',
  copied_text: 'No sentences reused from other clients’ plans',
  missing_evidence: 'Required evidence provided',
  invoice_outside_window: 'Invoices dated inside the notice’s window',
  invoice_quantity_short: 'Invoice quantities cover the units sold',
  invoice_missing_supplier_details: 'Invoices show the supplier’s name, address and contact',
  loa_missing_details: 'Letters of authorisation name the rights owner and the seller, and authorise explicitly',
};

export interface Finding {
  rule: CheckerRule;
  severity: FindingSeverity;
  section: DraftSectionKey;
  /** Item of a list section; null for the summary and for whole-section findings. */
  itemIndex: number | null;
  /** The notice issue a finding is about, if any. */
  issueId: string | null;
  message: string;
  /** The offending words; null when the finding is about something missing. */
  excerpt: string | null;
}

/** One item of a case's evidence checklist, as the checker needs it. */
export interface EvidenceFact {
  key: string;
  label: string;
  required: boolean;
  status: 'missing' | 'provided' | 'waived';
  kind?: 'invoice' | 'authorisation' | 'other';
  invoice?: {
    supplierName?: string | null;
    supplierAddress?: string | null;
    supplierContact?: string | null;
    /** YYYY-MM-DD */
    invoiceDate?: string | null;
    quantity?: number | null;
    unitsSold?: number | null;
  };
  authorisation?: { rightsOwner?: string | null; sellerName?: string | null; explicit?: boolean | null };
}

/** A problem the notice names (a case has one or more). */
export interface CheckedIssue {
  id: string;
  violationType: string;
  asins: readonly string[];
  orderIds?: readonly string[];
}

/** What the checker knows of the case besides the draft. Everything is optional: a rule without its facts is skipped. */
export interface CaseFacts {
  /** The case's ASINs (its own and every issue's). */
  asins?: readonly string[];
  /** Order IDs the notice names, besides those of the issues. */
  orderIds?: readonly string[];
  violationType?: ViolationType | string | null;
  issues?: readonly CheckedIssue[];
  clientName?: string | null;
  /** ISO date or timestamp. */
  noticeReceivedAt?: string | Date | null;
  /** The moment of the check (ISO or Date): completion dates after it are in the future. Without it that rule is skipped. */
  now?: string | Date | null;
  /** Sentences the case started from (starter or example text); default: the built-in starter of its violation types. */
  templateTexts?: readonly string[];
  /** Normalised sentences (`normaliseSentence`) of other clients' approved plans of the same agency. */
  sentencesElsewhere?: ReadonlySet<string> | readonly string[];
  evidence?: readonly EvidenceFact[];
  /** How old an invoice may be, in days before the notice (Amazon: usually 365, account reviews 90). */
  documentWindowDays?: number;
  /** The agency's Seller Central field limits. */
  limits?: SubmissionOptions['limits'];
  /** Attachment file names by id: the additional-information field lists them, so they count towards its limit. */
  fileNames?: SubmissionOptions['fileNames'];
}

export interface CheckerSettings {
  rules?: Partial<Record<string, RuleSetting>>;
  /** Characters of the whole plan; default `DEFAULT_MAX_LENGTH`. */
  maxLength?: number | null;
}

/** About two pages: consultants advise one to two. */
export const DEFAULT_MAX_LENGTH = 6000;
export const DEFAULT_DOCUMENT_WINDOW_DAYS = 365;

/** A finding before the tenant's severity is applied; `severity` caps it (a tip stays a tip). */
export type RawFinding = Omit<Finding, 'severity'> & { severity?: FindingSeverity };
