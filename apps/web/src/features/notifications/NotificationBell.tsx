import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../lib/format';
import { useMarkNotificationRead, useNotifications } from './notifications.queries';

/**
 * The bell in the top bar: the unread count, and the newest reminders in a panel it discloses (a list of links,
 * not an application menu: Tab moves through it), opened as the top bar's last row so it covers nothing. Escape, or opening an item that stays on this page, closes the
 * panel and puts focus back on the bell; a click elsewhere closes it.
 */
export function NotificationBell() {
  const notifications = useNotifications();
  const markRead = useMarkNotificationRead();
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent | KeyboardEvent) => {
      if (event instanceof KeyboardEvent) {
        if (event.key !== 'Escape') return;
        setOpen(false);
        buttonRef.current?.focus();
      } else if (!ref.current?.contains(event.target as Node) && !panelRef.current?.contains(event.target as Node)) setOpen(false);
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
    <>
      <div className="user-menu notification-bell" ref={ref}>
        <button
          ref={buttonRef}
          type="button"
          className="btn btn-ghost"
          aria-expanded={open}
          aria-controls={open ? panelId : undefined}
          aria-label={`Notifications, ${unread} unread`}
          onClick={() => setOpen((o) => !o)}
        >
          <span aria-hidden="true">🔔</span>{' '}
          <span className={`count-badge${unread === 0 ? ' zero' : ''}`} aria-hidden="true">
            {unread}
          </span>
        </button>
      </div>
      {open && (
        <div className="notification-panel" ref={panelRef}>
          <div id={panelId} className="notification-list" role="region" aria-label="Notifications">
            {items.length === 0 ? (
              <p className="menu-label muted">No notifications yet</p>
            ) : (
              <ul>
                {items.map((n) => {
                  const text = (
                    <>
                      <strong>
                        {!n.readAt && <span className="sr-only">Unread: </span>}
                        {n.title}
                      </strong>
                      <span className="muted">{formatDateTime(n.createdAt)}</span>
                    </>
                  );
                  const className = n.readAt ? 'read' : 'unread';
                  return (
                    <li key={n.id}>
                      {n.caseId ? (
                        <Link
                          to={`/cases/${n.caseId}`}
                          className={className}
                          onClick={() => {
                            if (!n.readAt) markRead.mutate(n.id);
                            setOpen(false);
                          }}
                        >
                          {text}
                        </Link>
                      ) : (
                        <button
                          type="button"
                          className={className}
                          onClick={() => {
                            if (!n.readAt) markRead.mutate(n.id);
                            setOpen(false);
                            buttonRef.current?.focus();
                          }}
                        >
                          {text}
                        </button>
                      )}
                    </li>
                  );
                })}
              </ul>
            )}
          </div>
        </div>
      )}
    </>
  );
}
