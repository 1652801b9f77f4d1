import type { CorrectiveAction, DraftSections, PreventiveMeasure, RootCause } from './draft';
import { isViolationType, violationLabel } from './violations';

/**
 * The plan as Seller Central's appeal form takes it: four text fields, pasted one by one. Amazon does not
 * publish the fields' character limits and changes them, so the limits are the agency's setting.
 */
export const SUBMISSION_FIELD_KEYS = ['root_cause', 'corrective_actions', 'preventive_measures', 'additional_information'] as const;
export type SubmissionFieldKey = (typeof SUBMISSION_FIELD_KEYS)[number];

export const SUBMISSION_FIELD_LABELS: Readonly<Record<SubmissionFieldKey, string>> = {
  root_cause: 'Root cause',
  corrective_actions: 'Corrective actions taken',
  preventive_measures: 'Preventive measures',
  additional_information: 'Additional information',
};

export const SUBMISSION_CHANNELS = ['seller_central_form', 'document_upload', 'email'] as const;
export type SubmissionChannel = (typeof SUBMISSION_CHANNELS)[number];

/** A field's character limit; null or absent: none. */
export type SubmissionLimits = Partial<Record<SubmissionFieldKey, number | null>>;

export interface SubmissionField {
  key: SubmissionFieldKey;
  label: string;
  text: string;
  characters: number;
  limit: number | null;
}

export interface SubmissionAttachment {
  id: string;
  fileName: string;
  proves: string;
}

export interface SubmissionPack {
  fields: SubmissionField[];
  attachments: SubmissionAttachment[];
}

type GroupedItem = RootCause | CorrectiveAction;

export interface SubmissionOptions {
  /** The ASINs the notice names, listed under additional information. */
  asins?: readonly string[];
  /** File names of the case's attachments by id (an unknown id prints as "attachment <id>"). */
  fileNames?: ReadonlyMap<string, string> | Readonly<Record<string, string>>;
  limits?: SubmissionLimits;
  /**
   * A heading for a root cause or corrective action (e.g. the notice issue it answers). Consecutive items with the
   * same heading are printed under it; numbering runs on across groups. Without it the lists are flat.
   */
  groupOf?: (item: GroupedItem, section: 'rootCauses' | 'correctiveActions') => string | null | undefined;
}

/** A notice issue as the submission pack names it in a heading. */
export interface SubmissionIssue {
  id: string;
  violationType: string;
  asins: readonly string[];
}

/**
 * Headings per notice issue ("Issue 2: Late shipment rate (B0ABC12345)") for a case with more than one: Amazon wants
 * a root cause and an action for each problem it named, and the reader sees which answers which. One issue: no headings.
 */
export function groupByIssue(issues: readonly SubmissionIssue[]): SubmissionOptions['groupOf'] {
  if (issues.length < 2) return undefined;
  const headings = new Map(
    issues.map((issue, i) => {
      const asins = issue.asins.length > 0 ? ` (${issue.asins.join(', ')})` : '';
      const label = isViolationType(issue.violationType) ? violationLabel(issue.violationType) : issue.violationType;
      return [issue.id, `Issue ${i + 1}: ${label}${asins}`];
    }),
  );
  return (item) => (item.issueId ? headings.get(item.issueId) : undefined);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "22 Feb 2026": day and month spelled out, so no marketplace reads 03/04 the wrong way round. */
export function submissionDate(isoDate: string | null | undefined): string | null {
  const match = isoDate ? /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate) : null;
  if (!match) return isoDate?.trim() || null;
  const month = MONTHS[Number(match[2]) - 1];
  return month ? `${Number(match[3])} ${month} ${match[1]}` : isoDate!;
}

/** Characters as a person counts them (code points: an emoji is one, not two UTF-16 units). */
export function countCharacters(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/** One item on one line: line breaks and runs of spaces become single spaces. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function withPeriod(text: string): string {
  return /[.!?:;]$/.test(text) ? text : `${text}.`;
}

function numbered<T>(items: readonly T[], line: (item: T) => string, groupOf?: (item: T) => string | null | undefined): string {
  const out: string[] = [];
  let group: string | null | undefined;
  let n = 0;
  for (const item of items) {
    const text = line(item);
    if (!text) continue;
    const heading = groupOf?.(item) ?? null;
    if (heading && heading !== group) {
      if (out.length > 0) out.push('');
      out.push(`${oneLine(heading)}:`);
    }
    group = heading;
    out.push(`${++n}. ${text}`);
  }
  return out.join('\n');
}

function rootCauseLine(cause: RootCause): string {
  return oneLine(cause.text);
}

function correctiveActionLine(action: CorrectiveAction): string {
  const text = oneLine(action.text);
  if (!text) return '';
  const done = submissionDate(action.completedAt);
  return done ? `${withPeriod(text)} Completed ${done}.` : text;
}

function preventiveMeasureLine(measure: PreventiveMeasure): string {
  const text = oneLine(measure.text);
  if (!text) return '';
  const facts = [
    measure.owner.trim() ? `Owner: ${oneLine(measure.owner)}` : null,
    submissionDate(measure.startDate) ? `in place since ${submissionDate(measure.startDate)}` : null,
    measure.frequency.trim() ? `checked ${oneLine(measure.frequency)}` : null,
  ].filter((f): f is string => f !== null);
  return facts.length ? `${withPeriod(text)} ${facts.join('; ')}.` : text;
}

function fileNameOf(options: SubmissionOptions, id: string): string {
  const names = options.fileNames;
  const name = names instanceof Map ? names.get(id) : (names as Record<string, string> | undefined)?.[id];
  return name ?? `attachment ${id}`;
}

function additionalInformation(sections: DraftSections, options: SubmissionOptions, attachments: SubmissionAttachment[]): string {
  const parts: string[] = [];
  const summary = sections.summary
    .split(/\n\s*\n/)
    .map(oneLine)
    .filter(Boolean)
    .join('\n\n');
  if (summary) parts.push(summary);
  const asins = [...new Set((options.asins ?? []).map((a) => a.trim().toUpperCase()).filter(Boolean))];
  if (asins.length) parts.push(`ASINs concerned: ${asins.join(', ')}.`);
  if (attachments.length) {
    const lines = attachments.map((a, i) => `${i + 1}. ${a.fileName}${a.proves ? `: ${a.proves}` : ''}`);
    parts.push(['Supporting documents attached:', ...lines].join('\n'));
  }
  return parts.join('\n\n');
}

/** The draft laid out as Amazon's reviewers read it: plain text, numbered, one line per item, dates and owners inline. */
export function buildSubmission(sections: DraftSections, options: SubmissionOptions = {}): SubmissionPack {
  const attachments = sections.supportingDocuments.map((d) => ({
    id: d.attachmentId,
    fileName: fileNameOf(options, d.attachmentId),
    proves: oneLine(d.description),
  }));
  const groupOf = options.groupOf;
  const texts: Record<SubmissionFieldKey, string> = {
    root_cause: numbered(sections.rootCauses, rootCauseLine, groupOf && ((item) => groupOf(item, 'rootCauses'))),
    corrective_actions: numbered(
      sections.correctiveActions,
      correctiveActionLine,
      groupOf && ((item) => groupOf(item, 'correctiveActions')),
    ),
    preventive_measures: numbered(sections.preventiveMeasures, preventiveMeasureLine),
    additional_information: additionalInformation(sections, options, attachments),
  };
  const fields = SUBMISSION_FIELD_KEYS.map((key) => {
    const limit = options.limits?.[key];
    return {
      key,
      label: SUBMISSION_FIELD_LABELS[key],
      text: texts[key],
      characters: countCharacters(texts[key]),
      limit: typeof limit === 'number' ? limit : null,
    };
  });
  return { fields, attachments };
}

export function isOverLimit(field: Pick<SubmissionField, 'characters' | 'limit'>): boolean {
  return field.limit !== null && field.characters > field.limit;
}

/** The pack as one plain-text document: a heading per field (with its count), then the field's text. */
export function submissionPlainText(pack: SubmissionPack): string {
  return pack.fields
    .map((field) => {
      const count = field.limit === null ? `${field.characters} characters` : `${field.characters} of ${field.limit} characters`;
      const heading = `${field.label.toUpperCase()} (${count}${isOverLimit(field) ? ', OVER THE LIMIT' : ''})`;
      return `${heading}\n${field.text || '(empty)'}\n`;
    })
    .join('\n');
}
