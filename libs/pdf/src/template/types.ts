export type PaperSize = 'A4' | 'Letter';

export interface TenantBranding {
  /** Only `data:image/(png|jpeg|gif|svg+xml);base64,...` is used; anything else is ignored. */
  logoDataUri?: string | null;
  /** `#rrggbb`; anything else falls back to the default colour. */
  primaryColor: string;
  /** Free text printed under the agency name (address, phone...). */
  letterhead?: string | null;
  paperSize: PaperSize;
}

export interface PoaTenant {
  name: string;
  branding: TenantBranding;
}

export interface PoaClient {
  name: string;
  sellerId?: string | null;
}

export interface PoaCaseInfo {
  reference: string;
  title: string;
  marketplace: string;
  violationType: string;
  violationLabel: string;
  /** One label per distinct violation of the notice's issues, first issue first (a notice may name several). */
  issueLabels?: string[];
  asins: string[];
}

/** A root cause or corrective action; `group` heads the notice issue it answers when the notice names several. */
export interface PoaGroupedItem {
  text: string;
  group?: string | null;
}

export interface PoaCorrectiveAction extends PoaGroupedItem {
  completedAt: string | null;
}

export interface PoaPreventiveMeasure {
  text: string;
  owner: string;
  startDate: string | null;
  frequency: string;
}

export interface PoaSupportingDocument {
  attachmentId: string;
  description: string;
  fileName?: string;
}

export interface PoaSections {
  summary: string;
  rootCauses: PoaGroupedItem[];
  correctiveActions: PoaCorrectiveAction[];
  preventiveMeasures: PoaPreventiveMeasure[];
  supportingDocuments: PoaSupportingDocument[];
}

export interface PoaVersion {
  version: number;
  createdAt: string;
  sections: PoaSections;
}

export interface PoaApproval {
  contactName: string;
  contactEmail: string;
  /** The full name the client typed to approve. */
  fullName: string;
  approvedAt: string;
  ip: string | null;
  userAgent: string | null;
  contentSha256: string;
  recordedByName?: string | null;
  /** Staff's note on how an approval they recorded arrived (email, phone...). */
  note?: string | null;
}

/**
 * standard: the agency's document (letterhead, case keys, proof of approval); amazon: the plan alone in the seller's
 * name, as sent to Amazon; certificate: the proof of approval alone, for the agency's and the client's records.
 */
export type PoaVariant = 'standard' | 'amazon' | 'certificate';

export interface PoaDocument {
  mode: 'final' | 'draft';
  /** Default standard. */
  variant?: PoaVariant;
  tenant: PoaTenant;
  client: PoaClient;
  caseInfo: PoaCaseInfo;
  version: PoaVersion;
  approval?: PoaApproval | null;
}

/** What the renderer needs: the output of `renderPoaHtml`. */
export interface PoaRenderInput {
  /** The printable document, header and footer included (CSS page-margin boxes). */
  html: string;
  title: string;
  author: string;
  paperSize: PaperSize;
  /** Optional PDF Subject; the renderer uses a default when absent. */
  subject?: string;
}
