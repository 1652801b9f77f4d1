import { useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { usePageTitle } from '../../lib/page-title';
import { ErrorAlert, QueryView } from '../../ui/states';
import { SelectField, TextField } from '../../ui/Field';
import { ruleLabel } from './rule-labels';
import { useDownloadOutcomesCsv, useFindings, useOutcomes, type GroupBy, type ReportFilters } from './reports.queries';

const GROUPS: { value: GroupBy; label: string }[] = [
  { value: 'violationType', label: 'Violation type' },
  { value: 'writer', label: 'Writer' },
  { value: 'month', label: 'Month decided' },
  { value: 'round', label: 'Submissions' },
  { value: 'path', label: 'Resolution path' },
];
const isGroup = (value: string | null): value is GroupBy => GROUPS.some((g) => g.value === value);

const COLORS = { reinstated: '#17683a', denied: '#b42318', with: '#a15c00', without: '#1f5fbf' };

const percent = (rate: number | null | undefined) => (rate === null || rate === undefined ? '–' : `${Math.round(rate * 100)}%`);
const number = (value: number | null | undefined) => (value === null || value === undefined ? '–' : String(value));

function sixMonthsAgo(): string {
  const date = new Date();
  date.setUTCMonth(date.getUTCMonth() - 6);
  return date.toISOString().slice(0, 10);
}

/** Win rates of the agency's decided cases and what each checker finding costs, with the tables the charts draw. */
export default function ResultsPage() {
  usePageTitle('Results');
  const [params, setParams] = useSearchParams();
  const filters: ReportFilters = useMemo(
    () => ({
      from: params.get('from') ?? sixMonthsAgo(),
      to: params.get('to') ?? undefined,
      groupBy: isGroup(params.get('groupBy')) ? (params.get('groupBy') as GroupBy) : 'violationType',
    }),
    [params],
  );
  const set = (name: string, value: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );
  const outcomes = useOutcomes(filters);
  const findings = useFindings(filters);
  const download = useDownloadOutcomesCsv();
  const groupLabel = GROUPS.find((g) => g.value === filters.groupBy)!.label;

  return (
    <section className="stack-lg results-page">
      <div className="page-header">
        <h1>Results</h1>
        <button type="button" className="btn" onClick={() => download.mutate(filters)} disabled={download.isPending}>
          {download.isPending ? 'Preparing…' : 'Download CSV'}
        </button>
      </div>
      <ErrorAlert error={download.error} />
      <form className="filters" aria-label="Filters" onSubmit={(e) => e.preventDefault()}>
        <TextField
          label="Decided from"
          type="date"
          value={filters.from ?? ''}
          max={filters.to}
          onChange={(e) => set('from', e.target.value)}
        />
        <TextField label="Decided to" type="date" value={filters.to ?? ''} min={filters.from} onChange={(e) => set('to', e.target.value)} />
        <SelectField label="Group by" value={filters.groupBy} onChange={(e) => set('groupBy', e.target.value)}>
          {GROUPS.map((g) => (
            <option key={g.value} value={g.value}>
              {g.label}
            </option>
          ))}
        </SelectField>
      </form>

      <QueryView query={outcomes}>
        {(report) => (
          <>
            <dl className="results-facts" aria-label="All decided cases">
              <div>
                <dt>Decided</dt>
                <dd>{report.total.decided}</dd>
              </div>
              <div>
                <dt>Win rate</dt>
                <dd>{percent(report.total.winRate)}</dd>
              </div>
              <div>
                <dt>Median days to decision</dt>
                <dd>{number(report.total.medianDaysToDecision)}</dd>
              </div>
              <div>
                <dt>Median submissions</dt>
                <dd>{number(report.total.medianRounds)}</dd>
              </div>
            </dl>
            <div className="card results-block">
              <h2 id="outcomes-heading">Outcomes by {groupLabel.toLowerCase()}</h2>
              {report.data.length === 0 ? (
                <p className="muted">No case was decided in this period.</p>
              ) : (
                <div className="results-pair">
                  <figure className="results-chart" aria-labelledby="outcomes-heading" data-testid="outcomes-chart">
                    <ResponsiveContainer width="100%" height={Math.max(220, report.data.length * 44 + 60)}>
                      <BarChart data={report.data} layout="vertical" margin={{ left: 8, right: 16 }} accessibilityLayer={false}>
                        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                        <XAxis type="number" allowDecimals={false} />
                        <YAxis type="category" dataKey="label" width={150} tick={{ fontSize: 12 }} />
                        <Tooltip />
                        <Legend />
                        <Bar dataKey="reinstated" name="Reinstated" stackId="outcome" fill={COLORS.reinstated} isAnimationActive={false} />
                        <Bar dataKey="denied" name="Denied" stackId="outcome" fill={COLORS.denied} isAnimationActive={false} />
                      </BarChart>
                    </ResponsiveContainer>
                  </figure>
                  <div className="results-table" tabIndex={0} role="region" aria-label="Outcomes table">
                    <table className="table" aria-labelledby="outcomes-heading">
                      <thead>
                        <tr>
                          <th scope="col">{groupLabel}</th>
                          <th scope="col">Decided</th>
                          <th scope="col">Reinstated</th>
                          <th scope="col">Denied</th>
                          <th scope="col">Win rate</th>
                          <th scope="col">Median days</th>
                          <th scope="col">Median submissions</th>
                        </tr>
                      </thead>
                      <tbody>
                        {report.data.map((row) => (
                          <tr key={row.group}>
                            <th scope="row">{row.label}</th>
                            <td>{row.decided}</td>
                            <td>{row.reinstated}</td>
                            <td>{row.denied}</td>
                            <td>{percent(row.winRate)}</td>
                            <td>{number(row.medianDaysToDecision)}</td>
                            <td>{number(row.medianRounds)}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                </div>
              )}
            </div>
          </>
        )}
      </QueryView>

      <QueryView query={findings}>
        {(report) => (
          <div className="card results-block">
            <h2 id="findings-heading">What findings cost</h2>
            <p className="muted">
              Win rate of the {report.decided} decided cases whose submitted plan still had each checker finding, against those without it.
            </p>
            {report.data.length === 0 ? (
              <p className="muted">No submitted plan of this period had a finding.</p>
            ) : (
              <div className="results-pair">
                <figure className="results-chart" aria-labelledby="findings-heading" data-testid="findings-chart">
                  <ResponsiveContainer width="100%" height={Math.max(220, report.data.length * 52 + 60)}>
                    <BarChart
                      data={report.data.map((r) => ({
                        label: ruleLabel(r.rule),
                        with: Math.round((r.withFinding.winRate ?? 0) * 100),
                        without: Math.round((r.withoutFinding.winRate ?? 0) * 100),
                      }))}
                      layout="vertical"
                      margin={{ left: 8, right: 16 }}
                      accessibilityLayer={false}
                    >
                      <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                      <XAxis type="number" domain={[0, 100]} unit="%" />
                      <YAxis type="category" dataKey="label" width={170} tick={{ fontSize: 12 }} />
                      <Tooltip formatter={(value) => `${value}%`} />
                      <Legend />
                      <Bar dataKey="with" name="With the finding" fill={COLORS.with} isAnimationActive={false} />
                      <Bar dataKey="without" name="Without it" fill={COLORS.without} isAnimationActive={false} />
                    </BarChart>
                  </ResponsiveContainer>
                </figure>
                <div className="results-table" tabIndex={0} role="region" aria-label="Findings table">
                  <table className="table" aria-labelledby="findings-heading">
                    <thead>
                      <tr>
                        <th scope="col">Finding</th>
                        <th scope="col">With: decided</th>
                        <th scope="col">With: win rate</th>
                        <th scope="col">Without: decided</th>
                        <th scope="col">Without: win rate</th>
                      </tr>
                    </thead>
                    <tbody>
                      {report.data.map((row) => (
                        <tr key={row.rule}>
                          <th scope="row">{ruleLabel(row.rule)}</th>
                          <td>{row.withFinding.decided}</td>
                          <td>{percent(row.withFinding.winRate)}</td>
                          <td>{row.withoutFinding.decided}</td>
                          <td>{percent(row.withoutFinding.winRate)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </div>
            )}
          </div>
        )}
      </QueryView>
    </section>
  );
}
