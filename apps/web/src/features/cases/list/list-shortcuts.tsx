import { useCallback, useEffect, useRef, type RefObject } from 'react';

export interface ListShortcuts {
  dialog: RefObject<HTMLDialogElement | null>;
  show: () => void;
}

/** The list's case links, in order (one per row or card). */
function caseLinks(container: HTMLElement | null): HTMLAnchorElement[] {
  return container ? [...container.querySelectorAll<HTMLAnchorElement>('a[data-case-link]')] : [];
}

function isTyping(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  return !!element && (element.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName));
}

/**
 * Keys of the cases list: `/` search, `j`/`k` next and previous case (focus moves to its link, so `Enter` opens it),
 * `c` new case, `?` the list of shortcuts. Ignored while typing in a field or with a modifier key.
 */
export function useListShortcuts({
  search,
  rows,
  newCase,
}: {
  search: RefObject<HTMLInputElement | null>;
  rows: RefObject<HTMLElement | null>;
  newCase?: () => void;
}): ListShortcuts {
  const dialog = useRef<HTMLDialogElement>(null);
  const show = useCallback(() => dialog.current?.showModal(), []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      if (dialog.current?.open) return;
      const links = caseLinks(rows.current);
      const current = links.indexOf(document.activeElement as HTMLAnchorElement);
      const moveTo = (index: number) => {
        const link = links[Math.max(0, Math.min(links.length - 1, index))];
        if (!link) return;
        event.preventDefault();
        link.focus();
        link.scrollIntoView({ block: 'nearest' });
      };
      switch (event.key) {
        case '/':
          event.preventDefault();
          search.current?.focus();
          break;
        case 'j':
          moveTo(current + 1);
          break;
        case 'k':
          moveTo(current < 0 ? 0 : current - 1);
          break;
        case 'c':
          if (newCase) {
            event.preventDefault();
            newCase();
          }
          break;
        case '?':
          event.preventDefault();
          show();
          break;
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [search, rows, newCase, show]);

  return { dialog, show };
}

const KEYS: [string, string][] = [
  ['/', 'Search'],
  ['j', 'Next case'],
  ['k', 'Previous case'],
  ['Enter', 'Open the case'],
  ['c', 'New case'],
  ['?', 'This list'],
];

export function ShortcutsDialog({ control, canWrite }: { control: ListShortcuts; canWrite: boolean }) {
  return (
    <dialog ref={control.dialog} className="dialog" aria-labelledby="shortcuts-title">
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <dl className="facts">
        {KEYS.filter(([key]) => canWrite || key !== 'c').map(([key, what]) => (
          <div key={key} style={{ display: 'contents' }}>
            <dt>
              <kbd>{key}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <form method="dialog" style={{ marginTop: '1rem' }}>
        <button type="submit" className="btn" autoFocus>
          Close
        </button>
      </form>
    </dialog>
  );
}
