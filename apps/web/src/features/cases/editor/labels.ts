import type { DraftSectionKey } from '@poa/domain';

export const SECTION_LABELS: Readonly<Record<DraftSectionKey, string>> = {
  summary: 'Summary',
  rootCauses: 'Root causes',
  correctiveActions: 'Corrective actions',
  preventiveMeasures: 'Preventive measures',
  supportingDocuments: 'Supporting documents',
};
