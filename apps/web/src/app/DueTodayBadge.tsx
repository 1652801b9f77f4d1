import { Link } from 'react-router-dom';
import { nextCursorOf } from '../api/nullable';
import { useDueToday } from '../features/cases/cases.queries';

/** "3 due today" in the top bar; links to the list of them, soonest first. */
export function DueTodayBadge() {
  const due = useDueToday();
  if (!due.data) return null;
  const count = due.data.data.length;
  const label = nextCursorOf(due.data) ? `${count}+` : String(count);
  return (
    <Link
      to="/cases?dueToday=true&sort=dueAt"
      className={`count-badge${count === 0 ? ' zero' : ''}`}
      aria-label={`${label} cases due today`}
    >
      {label} due today
    </Link>
  );
}
