export interface SavedView {
  name: string;
  /** The query string of /cases, e.g. "status=drafting&overdue=true". */
  search: string;
}

const storageKey = (tenantId: string) => `poa.savedViews.${tenantId}`;

export function loadSavedViews(tenantId: string, storage: Storage = localStorage): SavedView[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(storageKey(tenantId)) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((v): v is SavedView => typeof v?.name === 'string' && typeof v?.search === 'string') : [];
  } catch {
    return [];
  }
}

/** Adds or replaces (by name) a view; returns the new list. */
export function storeSavedView(tenantId: string, view: SavedView, storage: Storage = localStorage): SavedView[] {
  const views = [...loadSavedViews(tenantId, storage).filter((v) => v.name !== view.name), view];
  storage.setItem(storageKey(tenantId), JSON.stringify(views));
  return views;
}

export function removeSavedView(tenantId: string, name: string, storage: Storage = localStorage): SavedView[] {
  const views = loadSavedViews(tenantId, storage).filter((v) => v.name !== name);
  storage.setItem(storageKey(tenantId), JSON.stringify(views));
  return views;
}
