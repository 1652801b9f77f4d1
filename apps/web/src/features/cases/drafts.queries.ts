import type { DraftSections } from '@poa/domain';
import { api } from '../../api/client';
import { ApiError } from '../../api/errors';
import type { SaveOutcome } from './editor/autosaver';
import { toDraftBody } from './editor/draft-body';

/** POST a new version; a 409 VERSION_CONFLICT becomes a conflict outcome, other failures throw. */
export async function saveDraftVersion(caseId: string, content: DraftSections, baseVersion: number): Promise<SaveOutcome> {
  const { data, error, response } = await api.POST('/api/v1/cases/{id}/drafts', {
    params: { path: { id: caseId } },
    body: toDraftBody(content, baseVersion),
  });
  if (data && response.ok) return { kind: 'saved', version: data.version };
  const failure = ApiError.from(response.status, error);
  const latest = (failure.details as { latestVersion?: unknown } | undefined)?.latestVersion;
  if (failure.code === 'VERSION_CONFLICT' && typeof latest === 'number') return { kind: 'conflict', latestVersion: latest };
  throw failure;
}
