/** What each checker rule finds, as the results page names it. */
const RULE_LABELS: Readonly<Record<string, string>> = {
  required_section: 'Empty required section',
  issue_without_root_cause: 'Issue without a root cause',
  asin_not_addressed: 'ASIN or order from the notice not addressed',
  not_past_tense: 'Promises instead of actions taken',
  completion_in_future: 'Completion date in the future',
  completion_missing: 'Corrective action without a date',
  measure_missing_owner: 'Preventive measure without an owner',
  measure_missing_start: 'Preventive measure without a start date',
  measure_missing_cadence: 'Preventive measure without a real frequency',
  measure_missing_trigger: 'Preventive measure without a trigger',
  vague: 'Vague wording',
  blame: 'Blaming others',
  emotive: 'Emotive language',
  question_to_amazon: 'Questions to Amazon',
  sales_talk: 'Company history or sales talk',
  support_case_reference: 'Reference to a support case',
  too_long: 'Plan too long',
  field_over_limit: 'Seller Central field over its limit',
  template_text: 'Template text left unedited',
  copied_text: 'Text copied from another client',
  missing_evidence: 'No supporting documents',
  invoice_outside_window: 'Invoice outside the document window',
  invoice_quantity_short: 'Invoice quantity below units sold',
  invoice_missing_supplier_details: 'Invoice without supplier details',
  loa_missing_details: 'Letter of authorisation incomplete',
};

export function ruleLabel(rule: string): string {
  return RULE_LABELS[rule] ?? rule.replace(/_/g, ' ');
}
