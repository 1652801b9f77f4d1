import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { useMarkNotificationRead, useNotifications } from './notifications.queries';

/** The bell in the top bar: the unread count, and a list of the newest reminders that opens on click. */
export function NotificationBell() {
  const notifications = useNotifications();
  const markRead = useMarkNotificationRead();
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent | KeyboardEvent) => {
      if (event instanceof KeyboardEvent ? event.key === 'Escape' : !ref.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);

  const unread = notifications.data?.unreadCount ?? 0;
  const items = notifications.data?.data ?? [];
  return (
    <div className="user-menu notification-bell" ref={ref}>
      <button
        type="button"
        className="btn btn-ghost"
        aria-haspopup="true"
        aria-expanded={open}
        aria-label={`Notifications, ${unread} unread`}
        onClick={() => setOpen((o) => !o)}
      >
        <span aria-hidden="true">🔔</span> <span className={`count-badge${unread === 0 ? ' zero' : ''}`}>{unread}</span>
      </button>
      {open && (
        <div className="menu notification-list" role="menu">
          {items.length === 0 && <p className="menu-label muted">No notifications yet</p>}
          {items.map((n) => {
            const onOpen = () => {
              if (!n.readAt) markRead.mutate(n.id);
              setOpen(false);
            };
            const text = (
              <>
                <strong>{n.title}</strong>
                <span className="muted">{new Date(n.createdAt).toLocaleString()}</span>
              </>
            );
            return n.caseId ? (
              <Link key={n.id} role="menuitem" to={`/cases/${n.caseId}`} onClick={onOpen} className={n.readAt ? 'read' : 'unread'}>
                {text}
              </Link>
            ) : (
              <button key={n.id} role="menuitem" type="button" onClick={onOpen} className={n.readAt ? 'read' : 'unread'}>
                {text}
              </button>
            );
          })}
        </div>
      )}
    </div>
  );
}
