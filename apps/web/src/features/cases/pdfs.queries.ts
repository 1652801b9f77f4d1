import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { ApiError, unwrap } from '../../api/errors';
import type { CaseDetail, PdfVariant } from '../../api/types';
import { useCaseKeys } from './cases.queries';
import { fileNameFrom } from './save-blob';

/**
 * Fetches a PDF of the approved version (the agency's, the copy for Amazon or the approval certificate); a 202 (not
 * rendered yet) refreshes the case and fails with NOT_READY (the amazon and certificate copies are rendered on first request).
 */
export function useFetchPdf(detail: CaseDetail, onFetched: (file: { blob: Blob; name: string; variant: PdfVariant }) => void) {
  const keys = useCaseKeys();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (variant: PdfVariant = 'standard') => {
      const { data, response } = await api.GET('/api/v1/cases/{id}/pdf', {
        params: { path: { id: detail.id }, query: variant === 'standard' ? {} : { variant } },
        parseAs: 'blob',
      });
      if (response.status === 202) {
        void queryClient.invalidateQueries({ queryKey: keys.detail(detail.id) });
        throw new ApiError(202, 'NOT_READY', 'The PDF is being rendered: try again in a few seconds', null);
      }
      if (!response.ok || !(data instanceof Blob))
        throw ApiError.from(response.status, data ? JSON.parse(await (data as Blob).text()) : null);
      const suffix = variant === 'standard' ? '' : `-${variant}`;
      return { blob: data, variant, name: fileNameFrom(response, `${detail.reference}-v${detail.approvedVersion}${suffix}.pdf`) };
    },
    onSuccess: onFetched,
  });
}

/** Queues a failed render again. */
export function useRetryPdf(caseId: string) {
  const keys = useCaseKeys();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/cases/{id}/pdf/retry', { params: { path: { id: caseId } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: keys.detail(caseId) }),
  });
}
