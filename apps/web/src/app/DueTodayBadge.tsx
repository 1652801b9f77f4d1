import { Link } from 'react-router-dom';
import type { CaseCounts } from '../features/cases/cases.queries';

/** "2 due today · 1 overdue" in the top bar; each links to the list of them, soonest first. */
export function DueTodayBadge({ counts }: { counts: CaseCounts | undefined }) {
  if (!counts) return null;
  return (
    <span className="topbar-counts">
      <Link to="/cases?dueToday=true&sort=dueAt" className={`count-badge${counts.dueToday === 0 ? ' zero' : ''}`}>
        {counts.dueToday} due today
      </Link>
      {counts.overdue > 0 && (
        <Link to="/cases?overdue=true&sort=dueAt" className="count-badge">
          {counts.overdue} overdue
        </Link>
      )}
    </span>
  );
}
