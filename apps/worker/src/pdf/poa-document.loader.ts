import { Injectable } from '@nestjs/common';
import { sql, TenantDb, type TenantBranding } from '@poa/db';
import { violationLabel, type ViolationType } from '@poa/domain';
import type { PdfRenderJob } from '@poa/jobs';
import type { PoaDocument, PoaSections } from '@poa/pdf';

interface Row {
  reference: string;
  title: string;
  marketplace: string;
  violation_type: string;
  asins: string[];
  client_name: string;
  seller_id: string | null;
  tenant_name: string;
  branding: TenantBranding;
  version: number;
  version_created_at: Date;
  sections: PoaSections;
  approval: {
    contact_name: string;
    contact_email: string;
    full_name: string;
    approved_at: string;
    ip: string | null;
    user_agent: string | null;
    content_sha256: string;
    recorded_by_name: string | null;
  } | null;
  attachments: { id: string; file_name: string }[] | null;
}

/** Everything the template needs, read in one statement under the job's tenant (RLS applies as for the API). */
@Injectable()
export class PoaDocumentLoader {
  constructor(private readonly db: TenantDb) {}

  async load(job: PdfRenderJob): Promise<PoaDocument | null> {
    const [row] = await this.db.read<Row>(
      sql`
      SELECT c.reference, c.title, c.marketplace, c.violation_type, c.asins,
             cl.name AS client_name, cl.seller_id, t.name AS tenant_name, t.branding,
             v.version, v.created_at AS version_created_at, v.sections,
             (SELECT row_to_json(a) FROM (
                SELECT contact_name, contact_email, full_name, approved_at, ip, user_agent, content_sha256, recorded_by_name
                FROM approvals WHERE draft_version_id = v.id ORDER BY approved_at DESC LIMIT 1) a) AS approval,
             (SELECT json_agg(json_build_object('id', at.id, 'file_name', at.file_name)) FROM attachments at WHERE at.case_id = c.id) AS attachments
      FROM draft_versions v
      JOIN cases c ON c.id = v.case_id
      JOIN clients cl ON cl.id = c.client_id
      JOIN tenants t ON t.id = c.tenant_id
      WHERE v.id = ${job.draftVersionId} AND c.id = ${job.caseId}`,
      { tenantId: job.tenantId },
    );
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
