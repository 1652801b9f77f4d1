import type { DraftSections } from './draft';
import { violationTypeInfo, type ViolationType } from './violations';

/**
 * What a new case's editor starts from: one root cause per typical cause of the violation type, and one corrective
 * action and preventive measure to shape. Every line is a bracketed prompt the checker flags as template text until
 * the writer replaces it, so a new case shows what to write instead of "section must not be empty" errors.
 */
export function starterDraft(type: ViolationType): DraftSections {
  const info = violationTypeInfo(type);
  const causes = info.typicalRootCauses.length > 0 ? info.typicalRootCauses : ['What went wrong'];
  const evidence = info.evidence.length > 0 ? ` Cite: ${info.evidence.map((e) => e.label.toLowerCase()).join('; ')}.` : '';
  return {
    summary: `[Insert two or three sentences: the ${info.label.toLowerCase()} notice, what the seller found, and what is now fixed.]`,
    rootCauses: causes.map((cause) => ({
      text: `[Insert what happened: ${cause.toLowerCase()}. Name the dates, order IDs and ASINs affected, and why our process allowed it.]`,
    })),
    correctiveActions: [
      { text: `[Insert what was already done about each root cause, in the past tense, with dates.${evidence}]`, completedAt: null },
    ],
    preventiveMeasures: [
      {
        text: '[Insert the change that keeps it from happening again: a procedure, a check or a tool.]',
        owner: '',
        startDate: null,
        frequency: '',
      },
    ],
    supportingDocuments: [],
  };
}
