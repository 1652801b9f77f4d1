import { addCadence, readCadence, type Cadence } from '@poa/domain';
import type { PlannedFollowUp } from './follow-ups.repository';

/** A measure whose frequency names no period is checked monthly until someone sets its cadence. */
export const DEFAULT_CADENCE: Cadence = { every: 1, unit: 'month' };

/** The follow-ups an approved version's preventive measures call for: one per distinct measure text, first check one period on. */
export function planFollowUps(measures: { text?: string; owner?: string; frequency?: string }[], now: Date): PlannedFollowUp[] {
  const seen = new Set<string>();
  const planned: PlannedFollowUp[] = [];
  for (const m of measures) {
    const measure = (m.text ?? '').trim();
    if (!measure || seen.has(measure)) continue;
    seen.add(measure);
    const frequency = (m.frequency ?? '').trim();
    const parsed = readCadence(frequency);
    const cadence = parsed ?? DEFAULT_CADENCE;
    planned.push({
      measure,
      frequency,
      owner: (m.owner ?? '').trim(),
      cadence,
      cadenceSource: parsed ? 'parsed' : 'default',
      nextDueAt: addCadence(now, cadence),
    });
  }
  return planned;
}
