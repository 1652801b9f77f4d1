import { useId } from 'react';

/** A colour picker with the same value as editable `#rrggbb` text (the picker cannot show an invalid value). */
export function ColorField({
  label,
  value,
  onChange,
  error,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
}) {
  const id = useId();
  const pickerValue = /^#[0-9a-fA-F]{6}$/.test(value) ? value.toLowerCase() : '#000000';
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="color-field">
        <input id={id} type="color" value={pickerValue} onChange={(e) => onChange(e.target.value)} />
        <input
          type="text"
          className="mono"
          aria-label={`${label} code`}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          maxLength={7}
          spellCheck={false}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      </div>
      {error && (
        <small className="field-error" id={`${id}-error`} role="alert">
          {error}
        </small>
      )}
    </div>
  );
}
