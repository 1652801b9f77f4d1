import { useRef, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { insertAt, move, removeAt, replaceAt } from './list-items';

interface ItemListProps<T> {
  /** e.g. "Root cause": labels the items and their buttons. */
  itemLabel: string;
  items: T[];
  readOnly: boolean;
  newItem: () => T;
  onChange: (items: T[]) => void;
  renderItem: (item: T, index: number, update: (item: T) => void) => ReactNode;
}

/**
 * A draft section as a list: add, edit, move up/down and remove items, all with buttons. "Remove" can be undone
 * until the next change; focus goes to "Undo", and back to the restored item after it.
 */
export function ItemList<T>({ itemLabel, items, readOnly, newItem, onChange, renderItem }: ItemListProps<T>) {
  const [removed, setRemoved] = useState<{ item: T; index: number } | null>(null);
  const container = useRef<HTMLDivElement>(null);
  // The list renders before the click handler returns and focus moves at once: focus moved a frame later could land
  // after the user's next click and take their typing elsewhere (a space on "Undo" would undo the removal).
  const renderThenFocus = (update: () => void, selector: string) => {
    flushSync(update);
    container.current?.querySelector<HTMLElement>(selector)?.focus();
  };
  const change = (next: T[]) => {
    setRemoved(null);
    onChange(next);
  };
  const remove = (index: number) => {
    renderThenFocus(() => {
      onChange(removeAt(items, index));
      setRemoved({ item: items[index], index });
    }, '.undo-remove button');
  };
  const undo = () => {
    if (!removed) return;
    renderThenFocus(() => {
      onChange(insertAt(items, removed.index, removed.item));
      setRemoved(null);
    }, `[data-item="${removed.index}"] textarea, [data-item="${removed.index}"] input, [data-item="${removed.index}"] select`);
  };
  return (
    <div ref={container}>
      {items.length === 0 && <p className="muted">No {itemLabel.toLowerCase()} yet.</p>}
      <ol className="editor-items" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {items.map((item, index) => (
          <li key={index} className="editor-item" data-item={index}>
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
                    onClick={() => change(move(items, index, -1))}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="btn btn-small"
                    aria-label={`Move ${itemLabel.toLowerCase()} ${index + 1} down`}
                    disabled={index === items.length - 1}
                    onClick={() => change(move(items, index, 1))}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    className="btn btn-small btn-danger"
                    aria-label={`Remove ${itemLabel.toLowerCase()} ${index + 1}`}
                    onClick={() => remove(index)}
                  >
                    Remove
                  </button>
                </div>
              )}
            </div>
            {renderItem(item, index, (next) => change(replaceAt(items, index, next)))}
          </li>
        ))}
      </ol>
      {removed && !readOnly && (
        <p className="undo-remove alert alert-warning" role="status">
          <span>
            {itemLabel} {removed.index + 1} removed.
          </span>
          <button type="button" className="btn btn-small" onClick={undo}>
            Undo
          </button>
        </p>
      )}
      {!readOnly && (
        <button type="button" className="btn btn-small" onClick={() => change([...items, newItem()])}>
          + Add {itemLabel.toLowerCase()}
        </button>
      )}
    </div>
  );
}
