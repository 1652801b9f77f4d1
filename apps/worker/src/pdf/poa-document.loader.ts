import { Injectable } from '@nestjs/common';
import { violationLabel, type ViolationType } from '@poa/domain';
import type { PdfRenderJob } from '@poa/jobs';
import type { PoaDocument, PoaSections } from '@poa/pdf';
import { PdfRenderRepository } from './pdf-render.repository';

/** The POA template's document for a render job, from the version, case, client, agency and latest approval. */
@Injectable()
export class PoaDocumentLoader {
  constructor(private readonly renders: PdfRenderRepository) {}

  async load(job: PdfRenderJob): Promise<PoaDocument | null> {
    const row = await this.renders.document(job);
    if (!row) return null;
    const fileNames = new Map((row.attachments ?? []).map((a) => [a.id, a.file_name]));
    const sections: PoaSections = {
      summary: row.sections.summary ?? '',
      rootCauses: row.sections.rootCauses ?? [],
      correctiveActions: row.sections.correctiveActions ?? [],
      preventiveMeasures: row.sections.preventiveMeasures ?? [],
      supportingDocuments: (row.sections.supportingDocuments ?? []).map((d) => ({ ...d, fileName: fileNames.get(d.attachmentId) })),
    };
    return {
      mode: job.kind === 'final' ? 'final' : 'draft',
      tenant: { name: row.tenant_name, branding: row.branding },
      client: { name: row.client_name, sellerId: row.seller_id },
      caseInfo: {
        reference: row.reference,
        title: row.title,
        marketplace: row.marketplace,
        violationType: row.violation_type,
        violationLabel: violationLabel(row.violation_type as ViolationType) ?? row.violation_type,
        asins: row.asins,
      },
      version: { version: row.version, createdAt: new Date(row.version_created_at).toISOString(), sections },
      approval:
        job.kind === 'final' && row.approval
          ? {
              contactName: row.approval.contact_name,
              contactEmail: row.approval.contact_email,
              fullName: row.approval.full_name,
              approvedAt: new Date(row.approval.approved_at).toISOString(),
              ip: row.approval.ip,
              userAgent: row.approval.user_agent,
              contentSha256: row.approval.content_sha256,
              recordedByName: row.approval.recorded_by_name,
            }
          : null,
    };
  }
}
