import { NestFactory } from '@nestjs/core';
import type { AppConfig } from '@poa/config';
import { TenantContext, TenantDb, type Actor } from '@poa/db';
import type { DraftSections } from '@poa/domain';
import { ResolutionService } from '../cases/resolution.service';
import { AppModule } from '../app.module';
import { AuthService } from '../identity/auth/auth.service';
import { CasesService } from '../cases/cases.service';
import { DraftsService } from '../cases/drafts.service';
import { WorkflowService } from '../cases/workflow.service';
import { CommentsService } from '../cases/comments.service';
import { ClientsService } from '../clients/clients.service';
import { ContactsService } from '../clients/contacts.service';
import { UsersService } from '../identity/users/users.service';
import { AttachmentsService } from '../attachments/attachments.service';
import { SeedRepository } from './seed.repository';
import { seedSecondRoundCase } from './second-round-demo';
import { seedResults } from './seed-results';
import { seedFollowUps } from './seed-follow-ups';
import { DEMO_CASES, DEMO_CLIENTS, DEMO_PASSWORD, DEMO_STAFF, type DemoCase, type DemoDraft } from './demo-data';

export interface DemoLogin {
  email: string;
  password: string;
  role: string;
}

/**
 * A demo agency with staff, clients and cases in different workflow states, created through the same services
 * the API uses (references, hashes, events and outbox rows are real). Idempotent: an existing demo agency is kept.
 */
export async function seedDemo(config: AppConfig): Promise<DemoLogin[]> {
  const logins = DEMO_STAFF.map((s) => ({ email: s.email, password: DEMO_PASSWORD, role: s.role }));
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: false, abortOnError: false });
  try {
    const seed = new SeedRepository(app.get(TenantDb));
    if (await seed.userExists(DEMO_STAFF[0].email)) return logins;

    const auth = app.get(AuthService);
    const owner = await auth.signup(
      { agencyName: 'Brightline POA Partners', name: DEMO_STAFF[0].name, email: DEMO_STAFF[0].email, password: DEMO_PASSWORD },
      null,
    );
    const tenantId = owner.tenant.id;
    const as = <T>(actor: Actor, fn: () => Promise<T>) =>
      TenantContext.run({ tenantId, actor, ip: '127.0.0.1', userAgent: 'poa-desk seed' }, fn);
    const ownerActor: Actor = { kind: 'user', id: owner.user.id, name: owner.user.name, role: 'owner', email: owner.user.email };

    const staffIds: Record<string, string> = { owner: owner.user.id };
    for (const member of DEMO_STAFF.slice(1)) {
      const invited = await as(ownerActor, () =>
        app.get(UsersService).invite({ email: member.email, name: member.name, role: member.role }),
      );
      const session = await auth.acceptInvite(invited.inviteToken, DEMO_PASSWORD, null);
      staffIds[member.role] = session.user.id;
    }

    // The demo logins work at once: their addresses count as confirmed (no one reads the demo mailboxes).
    await seed.confirmAllEmails(tenantId);

    const clientIds: string[] = [];
    const contactIds: string[] = [];
    for (const client of DEMO_CLIENTS) {
      const created = await as(ownerActor, () =>
        app.get(ClientsService).create({
          name: client.name,
          sellerId: client.sellerId,
          marketplaces: client.marketplaces,
          externalId: client.externalId,
          notes: client.notes,
        }),
      );
      clientIds.push(created.id);
      const contact = await as(ownerActor, () => app.get(ContactsService).create(created.id, client.contact));
      contactIds.push(contact.id);
    }

    for (const demo of DEMO_CASES) {
      await playCase(demo, {
        as,
        ownerActor,
        clientIds,
        contactIds,
        staffIds,
        app: {
          cases: app.get(CasesService),
          drafts: app.get(DraftsService),
          workflow: app.get(WorkflowService),
          comments: app.get(CommentsService),
          resolution: app.get(ResolutionService),
        },
      });
    }
    await seedSecondRoundCase({
      as,
      actor: ownerActor,
      clientId: clientIds[0],
      contactId: contactIds[0],
      assigneeId: staffIds.writer,
      app: {
        cases: app.get(CasesService),
        drafts: app.get(DraftsService),
        workflow: app.get(WorkflowService),
        attachments: app.get(AttachmentsService),
      },
    });
    await seedResults(app.get(TenantDb), tenantId, { clientIds, contactIds, staffIds });
    await seedFollowUps(app.get(TenantDb), tenantId);
    return logins;
  } finally {
    await app.close();
  }
}

interface PlayContext {
  as: <T>(actor: Actor, fn: () => Promise<T>) => Promise<T>;
  ownerActor: Actor;
  clientIds: string[];
  contactIds: string[];
  staffIds: Record<string, string>;
  app: { cases: CasesService; drafts: DraftsService; workflow: WorkflowService; comments: CommentsService; resolution: ResolutionService };
}

/** The draft of a demo case: dates counted from its notice, issues named by position replaced by their ids. */
function draftOf(demo: DemoCase, receivedAt: Date, issueIds: string[]): DraftSections {
  const on = (days: number) => new Date(receivedAt.getTime() + days * 86_400_000).toISOString().slice(0, 10);
  const draft: DemoDraft | DraftSections = typeof demo.draft === 'function' ? demo.draft(on) : demo.draft;
  const link = <T extends { issue?: number; issueId?: string | null }>({ issue, ...item }: T) =>
    issue === undefined ? item : { ...item, issueId: issueIds[issue] };
  return {
    ...draft,
    rootCauses: draft.rootCauses.map((r) => link(r)),
    correctiveActions: draft.correctiveActions.map((c) => link(c)),
  };
}

/** Creates a case and walks it through the workflow up to its demo state. */
async function playCase(demo: DemoCase, ctx: PlayContext): Promise<void> {
  const { as, ownerActor, app } = ctx;
  const receivedAt = new Date(Date.now() - demo.receivedDaysAgo * 86_400_000);
  const noticeReceivedAt = receivedAt.toISOString();
  const created = await as(ownerActor, () =>
    app.cases.create({
      clientId: ctx.clientIds[demo.client],
      title: demo.title,
      ...(demo.issues
        ? {
            issues: demo.issues.map((i) => ({ asins: [], orderIds: [], note: '', ...i })),
          }
        : { violationType: demo.violationType }),
      ...(demo.path ? { path: demo.path } : {}),
      marketplace: demo.marketplace,
      asins: demo.asins,
      noticeText: demo.notice,
      noticeReceivedAt,
      assigneeId: ctx.staffIds.writer,
    }),
  );
  const day = (days: number) => new Date(receivedAt.getTime() + days * 86_400_000).toISOString().slice(0, 10);
  if (demo.retraction) {
    const { contactedDaysAfter, ...tracker } = demo.retraction;
    await as(ownerActor, () =>
      app.resolution.saveRetraction(created.id, { ...tracker, datesContacted: contactedDaysAfter.map(day), note: '' }),
    );
  }
  if (demo.listingFixes) {
    const items = demo.listingFixes;
    await as(ownerActor, () => app.resolution.saveListingFixes(created.id, { items }));
  }
  if (demo.complianceDocuments) {
    const items = demo.complianceDocuments.map((d) => ({ ...d, attachmentId: null }));
    await as(ownerActor, () => app.resolution.saveComplianceDocuments(created.id, { items }));
  }
  const draft = draftOf(
    demo,
    receivedAt,
    created.issues.map((i) => i.id),
  );
  const contact = DEMO_CLIENTS[demo.client].contact;
  let version = 0;
  const save = async (sections: DraftSections) => {
    await as(ownerActor, () => app.drafts.create(created.id, { baseVersion: version, ...sections }));
    version++;
  };
  const act = (action: string, extra: Record<string, unknown> = {}) =>
    as(ownerActor, () => app.workflow.transition(created.id, { action, ...extra } as never));
  for (const step of demo.steps) {
    if (step === 'draft') await save(draft);
    else if (step === 'redraft') await save({ ...draft, summary: `${draft.summary} Each change below is dated and names who checks it.` });
    else if (step === 'client_approve')
      await act('client_approve', { contactId: ctx.contactIds[demo.client], fullName: contact.name, note: 'Approved by email' });
    else if (step === 'request_changes')
      await act('request_changes', { comment: 'Give the date each change went live and who checks new listings.' });
    else if (step === 'more_info')
      await act('record_outcome', {
        outcome: 'more_info_requested',
        amazonResponse: `Please provide invoices from your supplier dated within the last 365 days${demo.asins.length ? ` for ASIN ${demo.asins.join(', ')}` : ''}.`,
      });
    else if (step === 'reinstated')
      await act('record_outcome', { outcome: 'reinstated', amazonResponse: 'Your selling privileges have been reinstated.' });
    else if (step === 'comment')
      await as(ownerActor, () =>
        app.comments.create(created.id, {
          body: demo.comment ?? 'Client confirmed the changes are live.',
          visibility: 'internal',
        } as never),
      );
    else await act(step);
  }
}
