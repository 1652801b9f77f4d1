import type { DraftSections } from '@poa/domain';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { ApiError, unwrap } from '../../api/errors';
import type { SaveOutcome } from './editor/autosaver';
import { toDraftBody } from './editor/draft-body';
import { useCaseKeys } from './cases.queries';

/** One saved version of a case's draft. Versions never change once saved, so a loaded one is never refetched. */
export function useDraftVersion(caseId: string, version: number | null, enabled = true) {
  const keys = useCaseKeys();
  return useQuery({
    queryKey: [...keys.detail(caseId), 'drafts', version],
    queryFn: () => unwrap(api.GET('/api/v1/cases/{id}/drafts/{version}', { params: { path: { id: caseId, version: version ?? 0 } } })),
    enabled: enabled && version !== null,
    staleTime: Infinity,
  });
}

/** Every saved version of a case's draft (the list changes with the latest version number). */
export function useDraftVersions(caseId: string, latestVersion: number) {
  const keys = useCaseKeys();
  return useQuery({
    queryKey: [...keys.detail(caseId), 'drafts', 'list', latestVersion],
    queryFn: () => unwrap(api.GET('/api/v1/cases/{id}/drafts', { params: { path: { id: caseId } } })),
  });
}

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
