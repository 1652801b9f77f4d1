import { TenantContext } from '@poa/db';
import { isStaffRole, type WorkflowActor } from '@poa/domain';

/**
 * The caller as the workflow sees it. Staff act with their role; a portal contact acts as the client.
 * API keys (integrations) act as a writer: they may move a case along but never approve.
 */
export function currentWorkflowActor(): WorkflowActor {
  const actor = TenantContext.require().actor;
  if (actor.kind === 'contact') return { kind: 'contact' };
  if (actor.kind === 'user' && isStaffRole(actor.role)) return { kind: 'staff', role: actor.role };
  return { kind: 'staff', role: 'writer' };
}
