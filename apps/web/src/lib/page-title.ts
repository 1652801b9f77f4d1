import { useEffect } from 'react';

/** Names the browser tab after the page ("Cases · POA Desk"), the first thing a screen reader says on navigation. */
export function usePageTitle(title: string | undefined): void {
  useEffect(() => {
    if (title) document.title = `${title} · POA Desk`;
  }, [title]);
}
