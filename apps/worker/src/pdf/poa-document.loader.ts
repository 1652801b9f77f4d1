import { Injectable } from '@nestjs/common';
import { groupByIssue, violationLabel, type ViolationType } from '@poa/domain';
import type { PdfRenderJob } from '@poa/jobs';
import type { PoaDocument, PoaSections } from '@poa/pdf';
import { PdfRenderRepository } from './pdf-render.repository';

const labelOf = (type: string) => violationLabel(type as ViolationType) ?? type;

/** The POA template's document for a render job, from the version, case, client, agency and latest approval. */
@Injectable()
export class PoaDocumentLoader {
  constructor(private readonly renders: PdfRenderRepository) {}

  async load(job: PdfRenderJob): Promise<PoaDocument | null> {
    const row = await this.renders.document(job);
    if (!row) return null;
    const fileNames = new Map((row.attachments ?? []).map((a) => [a.id, a.file_name]));
    const groupOf = groupByIssue(row.issues);
    const sections: PoaSections = {
      summary: row.sections.summary ?? '',
      rootCauses: (row.sections.rootCauses ?? []).map((cause) => ({ ...cause, group: groupOf?.(cause, 'rootCauses') })),
      correctiveActions: (row.sections.correctiveActions ?? []).map((action) => ({
        ...action,
        group: groupOf?.(action, 'correctiveActions'),
      })),
      preventiveMeasures: row.sections.preventiveMeasures ?? [],
      supportingDocuments: (row.sections.supportingDocuments ?? []).map((d) => ({ ...d, fileName: fileNames.get(d.attachmentId) })),
    };
    const approval = job.kind === 'final' && row.approval ? row.approval : null;
    if (job.variant === 'certificate' && !approval) return null;
    return {
      mode: job.kind === 'final' ? 'final' : 'draft',
      variant: job.variant,
      tenant: { name: row.tenant_name, branding: row.branding },
      client: { name: row.client_name, sellerId: row.seller_id },
      caseInfo: {
        reference: row.reference,
        title: row.title,
        marketplace: row.marketplace,
        violationType: row.violation_type,
        violationLabel: labelOf(row.violation_type),
        issueLabels: [...new Set(row.issues.map((issue) => labelOf(issue.violationType)))],
        asins: row.asins,
      },
      version: { version: row.version, createdAt: new Date(row.version_created_at).toISOString(), sections },
      // Amazon's copy never carries the approval proof.
      approval:
        approval && job.variant !== 'amazon'
          ? {
              contactName: approval.contact_name,
              contactEmail: approval.contact_email,
              fullName: approval.full_name,
              approvedAt: new Date(approval.approved_at).toISOString(),
              ip: approval.ip,
              userAgent: approval.user_agent,
              contentSha256: approval.content_sha256,
              recordedByName: approval.recorded_by_name,
              note: approval.note,
            }
          : null,
    };
  }
}
