import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { ApiError, unwrap } from '../../api/errors';
import type { paths } from '@poa/sdk';
import { useTenantKey } from '../auth/session';
import { fileNameFrom, saveBlob } from '../cases/save-blob';

export type OutcomesQuery = NonNullable<paths['/api/v1/reports/outcomes']['get']['parameters']['query']>;
export type GroupBy = NonNullable<OutcomesQuery['groupBy']>;
export interface ReportFilters {
  from?: string;
  to?: string;
  groupBy: GroupBy;
}

const period = ({ from, to }: ReportFilters) => ({ ...(from ? { from } : {}), ...(to ? { to } : {}) });

/** Win rates of the decided cases of the period, by the chosen group. */
export function useOutcomes(filters: ReportFilters) {
  const key = useTenantKey();
  return useQuery({
    queryKey: key('reports', 'outcomes', filters),
    queryFn: () => unwrap(api.GET('/api/v1/reports/outcomes', { params: { query: { ...period(filters), groupBy: filters.groupBy } } })),
    placeholderData: keepPreviousData,
  });
}

/** Per checker rule: the win rate of decided cases whose submitted plan had the finding, against those without it. */
export function useFindings(filters: ReportFilters) {
  const key = useTenantKey();
  return useQuery({
    queryKey: key('reports', 'findings', period(filters)),
    queryFn: () => unwrap(api.GET('/api/v1/reports/findings', { params: { query: period(filters) } })),
    placeholderData: keepPreviousData,
  });
}

/** Downloads the outcome report of the filters as a CSV file. */
export function useDownloadOutcomesCsv() {
  return useMutation({
    mutationFn: async (filters: ReportFilters) => {
      const { data, response } = await api.GET('/api/v1/reports/outcomes', {
        params: { query: { ...period(filters), groupBy: filters.groupBy, format: 'csv' } },
        parseAs: 'blob',
      });
      if (!response.ok || !(data instanceof Blob))
        throw ApiError.from(response.status, data ? JSON.parse(await (data as Blob).text()) : null);
      saveBlob(data, fileNameFrom(response, `outcomes-by-${filters.groupBy}.csv`));
    },
  });
}
