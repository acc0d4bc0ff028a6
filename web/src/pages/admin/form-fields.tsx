// Labelled inputs for the admin forms: each shows its error next to it and wires aria-invalid/-describedby.
import type { ReactNode } from 'react';
import { errorId, fieldAria, type FormErrors } from './form-errors.ts';

export function FieldError({ id, errors }: { id: string; errors: FormErrors }) {
  const message = errors.byId[id];
  if (message === undefined) return null;
  return (
    <p className="admin-field-error" id={errorId(id)}>
      {message}
    </p>
  );
}

interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  errors: FormErrors;
  type?: 'text' | 'email' | 'tel' | 'number' | 'password' | 'time' | 'date' | 'url';
  hint?: string;
  required?: boolean;
  autoComplete?: string;
  inputMode?: 'text' | 'numeric' | 'decimal' | 'email' | 'tel' | 'url';
  multiline?: boolean;
  step?: string;
  width?: 'short' | 'medium' | 'full';
}

export function TextField(props: TextFieldProps) {
  const { id, label, value, onChange, errors, hint, multiline, width = 'full' } = props;
  const hintId = hint ? `${id}-hint` : undefined;
  const common = {
    id,
    name: id,
    value,
    required: props.required,
    className: `admin-input admin-input-${width}`,
    ...fieldAria(errors, id, hintId),
  };
  return (
    <div className={`admin-field${errors.byId[id] !== undefined ? ' admin-field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="admin-hint" id={hintId}>
          {hint}
        </p>
      )}
      <FieldError id={id} errors={errors} />
      {multiline ? (
        <textarea {...common} rows={4} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input
          {...common}
          type={props.type ?? 'text'}
          autoComplete={props.autoComplete}
          inputMode={props.inputMode}
          step={props.step}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </div>
  );
}

interface SelectFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  errors: FormErrors;
  children: ReactNode;
  hint?: string;
  required?: boolean;
}

export function SelectField({ id, label, value, onChange, errors, children, hint, required }: SelectFieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className={`admin-field${errors.byId[id] !== undefined ? ' admin-field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="admin-hint" id={hintId}>
          {hint}
        </p>
      )}
      <FieldError id={id} errors={errors} />
      <select
        id={id}
        name={id}
        className="admin-input"
        value={value}
        required={required}
        onChange={(e) => onChange(e.target.value)}
        {...fieldAria(errors, id, hintId)}
      >
        {children}
      </select>
    </div>
  );
}

export interface CheckboxOption<T extends string> {
  value: T;
  label: string;
  /** Extra content after the label, e.g. a warning; give it `noteId` so the checkbox refers to it. */
  note?: ReactNode;
  noteId?: string;
}

interface CheckboxGroupProps<T extends string> {
  id: string;
  legend: string;
  options: Array<CheckboxOption<T>>;
  selected: readonly T[];
  onChange: (selected: T[]) => void;
  errors: FormErrors;
  hint?: string;
}

/** A fieldset of checkboxes; errors for the whole group are keyed by the fieldset id. */
export function CheckboxGroup<T extends string>(props: CheckboxGroupProps<T>) {
  const { id, legend, options, selected, onChange, errors, hint } = props;
  const hintId = hint ? `${id}-hint` : undefined;
  const toggle = (value: T, on: boolean) =>
    onChange(on ? [...selected, value] : selected.filter((v) => v !== value));
  return (
    <fieldset
      id={id}
      className={`admin-fieldset${errors.byId[id] !== undefined ? ' admin-field-invalid' : ''}`}
      aria-describedby={fieldAria(errors, id, hintId)['aria-describedby']}
    >
      <legend>{legend}</legend>
      {hint && (
        <p className="admin-hint" id={hintId}>
          {hint}
        </p>
      )}
      <FieldError id={id} errors={errors} />
      <div className="admin-checkboxes">
        {options.map((o) => {
          const optionId = `${id}-${o.value}`;
          return (
            <div className="admin-checkbox" key={o.value}>
              <FieldError id={optionId} errors={errors} />
              <input
                type="checkbox"
                id={optionId}
                checked={selected.includes(o.value)}
                onChange={(e) => toggle(o.value, e.target.checked)}
                {...fieldAria(errors, optionId, o.noteId)}
              />
              <label htmlFor={optionId}>{o.label}</label>
              {o.note}
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
