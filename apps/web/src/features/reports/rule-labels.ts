/** What each checker rule looks for, as the results page names it. */
const RULE_LABELS: Readonly<Record<string, string>> = {
  required_section: 'Empty required section',
  future_tense: 'Promises instead of actions taken',
  not_completed: 'Corrective action without a date',
  missing_owner: 'Preventive measure without an owner',
  missing_start_date: 'Preventive measure without a start date',
  missing_frequency: 'Preventive measure without a frequency',
  vague: 'Vague wording',
  blame: 'Blaming others',
  emotive: 'Emotive language',
  question: 'Questions to Amazon',
  template_placeholder: 'Template placeholder left in',
  template_text: 'Template text left unedited',
  missing_asin: 'ASIN from the notice not mentioned',
  missing_evidence: 'No supporting documents',
  issue_without_root_cause: 'Issue without a root cause',
  field_over_limit: 'Seller Central field over its limit',
};

export function ruleLabel(rule: string): string {
  return RULE_LABELS[rule] ?? rule.replace(/_/g, ' ');
}
