import { useEffect, useId, useRef, type ReactNode } from 'react';

/**
 * A modal dialog on the native <dialog> (showModal: the rest of the page is inert, Escape closes it). Focus moves
 * to the element marked `data-autofocus` (else the first field or button) when it opens, and back to the element
 * that had it when it closes.
 */
export function ActionDialog({
  title,
  onClose,
  children,
  wide = false,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  wide?: boolean;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    focusFirst(dialog);
    const cancel = (event: Event) => {
      event.preventDefault();
      onCloseRef.current();
    };
    dialog.addEventListener('cancel', cancel);
    return () => {
      dialog.removeEventListener('cancel', cancel);
      if (dialog.open) dialog.close();
      // The opener may have been re-rendered away: fall back to the page's main landmark.
      const target = opener?.isConnected ? opener : document.querySelector<HTMLElement>('main');
      target?.focus();
    };
  }, []);

  return (
    <dialog ref={ref} className={wide ? 'dialog dialog-wide' : 'dialog'} aria-labelledby={titleId}>
      <div className="dialog-header">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="btn btn-ghost" aria-label="Close dialog" onClick={() => onCloseRef.current()}>
          ×
        </button>
      </div>
      {children}
    </dialog>
  );
}

/** Moves focus into the dialog: the marked element, else the first field, else the first button after the close button. */
export function focusFirst(root: HTMLElement): void {
  const marked = root.querySelector<HTMLElement>('[data-autofocus]');
  const field = root.querySelector<HTMLElement>('input:not([type=hidden]):not([disabled]), textarea, select');
  const buttons = [...root.querySelectorAll<HTMLElement>('button:not([disabled])')].filter((b) => !b.closest('.dialog-header'));
  (marked ?? field ?? buttons[0])?.focus();
}
