import type { DraftSections } from '@poa/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from '../../api/client';
import { ApiError, unwrap } from '../../api/errors';
import type { Draft } from '../../api/types';
import type { SaveOptions, SaveOutcome } from './editor/autosaver';
import { toDraftBody } from './editor/draft-body';
import { useCaseKeys } from './cases.queries';

function useDraftKey(caseId: string) {
  const keys = useCaseKeys();
  return useCallback((version: number | null) => [...keys.detail(caseId), 'drafts', version], [keys, caseId]);
}

/** One saved version of a case's draft (its content changes only while its editing session autosaves into it). */
export function useDraftVersion(caseId: string, version: number | null, enabled = true) {
  const key = useDraftKey(caseId);
  return useQuery({
    queryKey: key(version),
    queryFn: () => unwrap(api.GET('/api/v1/cases/{id}/drafts/{version}', { params: { path: { id: caseId, version: version ?? 0 } } })),
    enabled: enabled && version !== null,
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

/**
 * Saves the editor's content within its editing session; a 409 VERSION_CONFLICT becomes a conflict outcome, other
 * failures throw. The saved version goes into the cache, so a reopened editor starts from what was typed.
 */
export function useSaveDraft(caseId: string) {
  const key = useDraftKey(caseId);
  const queryClient = useQueryClient();
  return useCallback(
    async (content: DraftSections, baseVersion: number, sessionId: string, options: SaveOptions): Promise<SaveOutcome> => {
      const { data, error, response } = await api.POST('/api/v1/cases/{id}/drafts', {
        params: { path: { id: caseId } },
        body: { ...toDraftBody(content, baseVersion), sessionId, ...options },
      });
      if (data && response.ok) {
        queryClient.setQueryData(key(data.version), data);
        return { kind: 'saved', version: data.version };
      }
      const failure = ApiError.from(response.status, error);
      const latest = (failure.details as { latestVersion?: unknown } | undefined)?.latestVersion;
      if (failure.code === 'VERSION_CONFLICT' && typeof latest === 'number') return { kind: 'conflict', latestVersion: latest };
      throw failure;
    },
    [caseId, key, queryClient],
  );
}

/** Saves an earlier version as the next one. */
export function useRestoreDraft(caseId: string, onRestored: (draft: Draft) => void) {
  const keys = useCaseKeys();
  const key = useDraftKey(caseId);
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ version, baseVersion }: { version: number; baseVersion: number }) =>
      unwrap(api.POST('/api/v1/cases/{id}/drafts/{version}/restore', { params: { path: { id: caseId, version } }, body: { baseVersion } })),
    onSuccess: (draft) => {
      queryClient.setQueryData(key(draft.version), draft);
      void queryClient.invalidateQueries({ queryKey: keys.all });
      onRestored(draft);
    },
  });
}
