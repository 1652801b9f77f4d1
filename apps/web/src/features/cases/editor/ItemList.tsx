import type { ReactNode } from 'react';
import { move, removeAt, replaceAt } from './list-items';

interface ItemListProps<T> {
  /** e.g. "Root cause": labels the items and their buttons. */
  itemLabel: string;
  items: T[];
  readOnly: boolean;
  newItem: () => T;
  onChange: (items: T[]) => void;
  renderItem: (item: T, index: number, update: (item: T) => void) => ReactNode;
}

/** A draft section as a list: add, edit, move up/down and remove items, all with buttons. */
export function ItemList<T>({ itemLabel, items, readOnly, newItem, onChange, renderItem }: ItemListProps<T>) {
  return (
    <div>
      {items.length === 0 && <p className="muted">No {itemLabel.toLowerCase()} yet.</p>}
      <ol className="editor-items" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {items.map((item, index) => (
          <li key={index} className="editor-item">
            <div className="editor-item-head">
              <strong>
                {itemLabel} {index + 1}
              </strong>
              {!readOnly && (
                <div className="btn-group">
                  <button
                    type="button"
                    className="btn btn-small"
                    aria-label={`Move ${itemLabel.toLowerCase()} ${index + 1} up`}
                    disabled={index === 0}
                    onClick={() => onChange(move(items, index, -1))}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="btn btn-small"
                    aria-label={`Move ${itemLabel.toLowerCase()} ${index + 1} down`}
                    disabled={index === items.length - 1}
                    onClick={() => onChange(move(items, index, 1))}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    className="btn btn-small btn-danger"
                    aria-label={`Remove ${itemLabel.toLowerCase()} ${index + 1}`}
                    onClick={() => onChange(removeAt(items, index))}
                  >
                    Remove
                  </button>
                </div>
              )}
            </div>
            {renderItem(item, index, (next) => onChange(replaceAt(items, index, next)))}
          </li>
        ))}
      </ol>
      {!readOnly && (
        <button type="button" className="btn btn-small" onClick={() => onChange([...items, newItem()])}>
          + Add {itemLabel.toLowerCase()}
        </button>
      )}
    </div>
  );
}
