import { parseCadence } from '../cadence';
import type { DraftSections, PreventiveMeasure } from '../draft';
import { isoDay } from './text';
import type { CheckerRule, RawFinding } from './types';

/** Owners that name nobody. */
const NOBODY =
  /^(?:tbd|tba|tbc|n\/?a|none|nobody|someone|somebody|anyone|everyone|all|all staff|staff|team|the team|our team|we|us|management|the company|-+|\?+|\.+)$/i;

/** Frequencies that name no period and no event. */
const NO_PERIOD =
  /\b(?:regular(?:ly)?|periodic(?:al(?:ly)?)?|as (?:needed|required|necessary|appropriate)|when(?:ever)? (?:needed|required|necessary|possible)|from time to time|often|frequently|continu(?:al|ous)(?:ly)?|ongoing|constant(?:ly)?|routine(?:ly)?|occasional(?:ly)?|always|sometimes|at times|ad hoc|asap|if possible)\b/i;
/** An event a check runs on ("each purchase order", "before every new listing"). */
const EVENT = /\b(?:each|every|per|before|after|whenever|upon|on receipt|on arrival|at (?:each|every))\b/i;

/** What makes someone act: a condition, a threshold, an outcome of the check. */
const TRIGGER =
  /(?:%|\b(?:if|when|whenever|unless|once|any|above|below|exceeds?|exceeding|over|under|more than|less than|fewer than|at least|at most|threshold|triggers?|fails?|failing|escalat\w*|alerts?|flag(?:s|ged)?|block(?:s|ed)?|stops?|stopped|hold|held|paused?|rejected|reject(?:s)?|quarantined?)\b)/i;

/** Whether a frequency is a cadence: a period (parseCadence), or an event without "regularly"-style words. */
export function isRealCadence(frequency: string): boolean {
  const text = frequency.trim();
  if (!text) return false;
  if (parseCadence(text) !== 'event') return true;
  return EVENT.test(text) && !NO_PERIOD.test(text);
}

export function measureParts(draft: DraftSections): RawFinding[] {
  const findings: RawFinding[] = [];
  draft.preventiveMeasures.forEach((measure, i) => {
    if (measure.text.trim() === '') return;
    const push = (rule: CheckerRule, message: string, excerpt: string | null = null) =>
      findings.push({ rule, section: 'preventiveMeasures', itemIndex: i, issueId: null, message, excerpt });
    const owner = measure.owner.trim().replace(/[.,;:]+$/, '');
    if (!owner) push('measure_missing_owner', 'Preventive measure names no owner: who runs it?');
    else if (NOBODY.test(owner)) push('measure_missing_owner', `"${owner}" is nobody in particular: name the person or role`, owner);
    if (!isoDay(measure.startDate)) push('measure_missing_start', 'Preventive measure has no start date');
    if (!measure.frequency.trim()) push('measure_missing_cadence', 'Preventive measure has no frequency: how often is it checked?');
    else if (!isRealCadence(measure.frequency))
      push(
        'measure_missing_cadence',
        `"${measure.frequency.trim()}" is not a frequency: say how often (weekly, every 2 weeks) or on what event (each purchase order)`,
        measure.frequency.trim(),
      );
    if (!hasTrigger(measure))
      push('measure_missing_trigger', 'Say what triggers action: the threshold or finding that makes someone act, and what they do');
  });
  return findings;
}

function hasTrigger(measure: PreventiveMeasure): boolean {
  return TRIGGER.test(measure.text) || TRIGGER.test(measure.frequency.replace(/\b(?:each|every|per)\b/gi, ''));
}
