import { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantIsolationStatements } from './tenant-tables';

/**
 * The built-in evidence checklists as they were when this migration was written (a migration never changes): cases
 * opened before playbooks get their first issue's checklist here.
 */
const CHECKLISTS_AT_THE_TIME = [
  {"type": "order_defect_rate", "key": "defect_orders", "position": 0, "label": "Order IDs per defect component", "proves": "Every defective order was looked at and answered", "required": true, "ask_client": false, "kind": "other"},
  {"type": "order_defect_rate", "key": "carrier_records", "position": 1, "label": "Carrier tracking records", "proves": "Orders now ship and arrive on time", "required": true, "ask_client": true, "kind": "other"},
  {"type": "late_shipment_rate", "key": "handling_time", "position": 0, "label": "Screenshot of the corrected handling-time settings", "proves": "Promised dates can be met", "required": true, "ask_client": false, "kind": "other"},
  {"type": "late_shipment_rate", "key": "carrier_pickup", "position": 1, "label": "Carrier pickup schedule", "proves": "Parcels leave before the cut-off time", "required": false, "ask_client": true, "kind": "other"},
  {"type": "cancellation_rate", "key": "inventory_sync", "position": 0, "label": "Inventory synchronisation report", "proves": "Stock shown on Amazon matches the warehouse", "required": true, "ask_client": false, "kind": "other"},
  {"type": "cancellation_rate", "key": "cancelled_orders", "position": 1, "label": "Order IDs of the cancelled orders", "proves": "Each cancellation was traced to its cause", "required": true, "ask_client": false, "kind": "other"},
  {"type": "valid_tracking_rate", "key": "carrier_integration", "position": 0, "label": "Carrier integration or Buy Shipping set-up", "proves": "Tracking is uploaded automatically", "required": true, "ask_client": false, "kind": "other"},
  {"type": "product_authenticity", "key": "supplier_invoices", "position": 0, "label": "Supplier invoices", "proves": "The units sold were bought from a traceable source", "required": true, "ask_client": true, "kind": "invoice"},
  {"type": "product_authenticity", "key": "letter_of_authorization", "position": 1, "label": "Letter of authorization from the brand", "proves": "The seller may sell the brand", "required": true, "ask_client": true, "kind": "authorisation"},
  {"type": "product_authenticity", "key": "supplier_details", "position": 2, "label": "Supplier's contact details", "proves": "Amazon can verify the supplier", "required": false, "ask_client": true, "kind": "other"},
  {"type": "intellectual_property", "key": "retraction", "position": 0, "label": "Retraction sent by the rights owner to Amazon", "proves": "The complaint is withdrawn", "required": true, "ask_client": true, "kind": "other"},
  {"type": "intellectual_property", "key": "non_infringement", "position": 1, "label": "Proof of non-infringement", "proves": "The listing does not use the protected right", "required": false, "ask_client": true, "kind": "other"},
  {"type": "product_condition", "key": "sourcing_records", "position": 0, "label": "Sourcing records", "proves": "The units were bought new", "required": true, "ask_client": true, "kind": "other"},
  {"type": "product_condition", "key": "qc_checklist", "position": 1, "label": "Quality-control checklist", "proves": "Every unit is inspected before it ships", "required": true, "ask_client": true, "kind": "other"},
  {"type": "restricted_products", "key": "corrected_listing", "position": 0, "label": "Corrected listing text", "proves": "The prohibited claims are gone", "required": true, "ask_client": false, "kind": "other"},
  {"type": "restricted_products", "key": "removed_listings", "position": 1, "label": "Listings removed (not just out of stock)", "proves": "The item is no longer offered", "required": true, "ask_client": false, "kind": "other"},
  {"type": "product_safety", "key": "cpc", "position": 0, "label": "Children's Product Certificate", "proves": "The product meets the applicable safety rules", "required": true, "ask_client": true, "kind": "other"},
  {"type": "product_safety", "key": "lab_report", "position": 1, "label": "Test report from an accepted laboratory", "proves": "The product was tested by an accredited laboratory", "required": true, "ask_client": true, "kind": "other"},
  {"type": "related_accounts", "key": "contracts", "position": 0, "label": "Contracts or letters ending the shared arrangement", "proves": "The link between the accounts is gone", "required": true, "ask_client": true, "kind": "other"},
  {"type": "related_accounts", "key": "bank_records", "position": 1, "label": "Bank records", "proves": "No bank account is shared", "required": true, "ask_client": true, "kind": "other"},
  {"type": "code_of_conduct", "key": "practice_stopped", "position": 0, "label": "Proof the practice has stopped", "proves": "The conduct cannot recur", "required": true, "ask_client": false, "kind": "other"},
  {"type": "review_manipulation", "key": "orders_concerned", "position": 0, "label": "Order IDs concerned", "proves": "Every incentivised order was identified", "required": true, "ask_client": false, "kind": "other"},
  {"type": "review_manipulation", "key": "practice_stopped", "position": 1, "label": "Proof the practices stopped", "proves": "No incentive is offered any more", "required": true, "ask_client": false, "kind": "other"},
  {"type": "listing_policy", "key": "corrected_listing", "position": 0, "label": "Corrected listing", "proves": "The detail page follows the rules", "required": true, "ask_client": false, "kind": "other"},
  {"type": "listing_policy", "key": "screenshots", "position": 1, "label": "Screenshots of the live listing", "proves": "The change is published", "required": false, "ask_client": false, "kind": "other"},
];

// Generated by tools/db/migrations.ts from the entities. Never edit a migration that has landed: add a new one.
export class PlaybooksAndEvidence1795971088650 implements MigrationInterface {
  name = 'PlaybooksAndEvidence1795971088650';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"case_evidence\" (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4(), \"tenant_id\" uuid NOT NULL, \"created_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), \"case_id\" uuid NOT NULL, \"key\" text NOT NULL, \"position\" integer NOT NULL, \"label\" text NOT NULL, \"proves\" text NOT NULL DEFAULT '', \"required\" boolean NOT NULL DEFAULT true, \"ask_client\" boolean NOT NULL DEFAULT false, \"accepts\" text array NOT NULL DEFAULT '{pdf,image}', \"kind\" text NOT NULL DEFAULT 'other', \"waived_reason\" text, \"waived_at\" TIMESTAMP WITH TIME ZONE, \"details\" jsonb, \"updated_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_7e55406e1eb2dce1502f4e1f634\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_03b2c877e907bb11d7a167a65a\" ON \"case_evidence\"  (\"tenant_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_20ca0fd505dcc675dd780883d1\" ON \"case_evidence\"  (\"case_id\", \"key\") ");
    await queryRunner.query("CREATE TABLE \"playbooks\" (\"id\" uuid NOT NULL DEFAULT uuid_generate_v4(), \"tenant_id\" uuid NOT NULL, \"created_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), \"violation_type\" text NOT NULL, \"starter_draft\" jsonb NOT NULL, \"evidence\" jsonb NOT NULL, \"deadline_hours\" integer NOT NULL, \"guidance\" text NOT NULL DEFAULT '', \"updated_by_id\" uuid, \"updated_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_700979398c237ee843f513f51ce\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_5ce58235aaeff80035f8018f88\" ON \"playbooks\"  (\"tenant_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_a9367e8a66f2552fb27ff84e8c\" ON \"playbooks\"  (\"tenant_id\", \"violation_type\") ");
    // Added by hand: existing cases get their type's checklist (before row-level security, as the owner).
    await queryRunner.query(
      `INSERT INTO case_evidence (tenant_id, case_id, key, position, label, proves, required, ask_client, kind)
       SELECT c.tenant_id, c.id, e.key, e.position, e.label, e.proves, e.required, e.ask_client, e.kind
       FROM cases c JOIN jsonb_to_recordset($1::jsonb)
         AS e(type text, key text, position int, label text, proves text, required boolean, ask_client boolean, kind text)
         ON e.type = c.violation_type`,
      [JSON.stringify(CHECKLISTS_AT_THE_TIME)],
    );
    // Added by hand: tenant tables get forced row-level security.
    for (const table of ['case_evidence', 'playbooks']) {
      for (const statement of tenantIsolationStatements(table).up) await queryRunner.query(statement);
    }
    await queryRunner.query("ALTER TABLE \"cases\" ADD \"starter_draft\" jsonb");
    await queryRunner.query("ALTER TABLE \"attachments\" ADD \"evidence_key\" text");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"attachments\" DROP COLUMN \"evidence_key\"");
    await queryRunner.query("ALTER TABLE \"cases\" DROP COLUMN \"starter_draft\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_a9367e8a66f2552fb27ff84e8c\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_5ce58235aaeff80035f8018f88\"");
    for (const statement of tenantIsolationStatements('playbooks').down) await queryRunner.query(statement);
    await queryRunner.query("DROP TABLE \"playbooks\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_20ca0fd505dcc675dd780883d1\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_03b2c877e907bb11d7a167a65a\"");
    for (const statement of tenantIsolationStatements('case_evidence').down) await queryRunner.query(statement);
    await queryRunner.query("DROP TABLE \"case_evidence\"");
  }
}
