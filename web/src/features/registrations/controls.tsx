// Form controls the shared Field.tsx does not have (multi-line text, a checkbox), with the same
// accessibility wiring: a real label, hint and error tied by aria-describedby, aria-invalid.
import type { TextareaHTMLAttributes } from "react";
import { describedBy, FieldFrame } from "../../app/ui/Field.js";

type TextAreaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id" | "onChange" | "value"> & {
  id: string;
  label: string;
  value: string;
  onValue: (value: string) => void;
  hint?: string | undefined;
  error?: string | undefined;
  testId?: string;
};

export function TextAreaField({ id, label, value, onValue, hint, error, testId, ...rest }: TextAreaProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} optional={!rest.required} wide>
      <textarea
        rows={3}
        {...rest}
        id={id}
        value={value}
        onChange={(e) => onValue(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        data-testid={testId}
      />
    </FieldFrame>
  );
}

interface CheckboxProps {
  id: string;
  label: string;
  checked: boolean;
  onChecked: (checked: boolean) => void;
  disabled?: boolean;
  hint?: string | undefined;
  testId?: string;
}

export function CheckboxField({ id, label, checked, onChecked, disabled, hint, testId }: CheckboxProps) {
  return (
    <div className="field">
      <span className="checkbox">
        <input
          type="checkbox"
          id={id}
          checked={checked}
          disabled={disabled}
          onChange={(e) => onChecked(e.target.checked)}
          aria-describedby={describedBy(id, hint)}
          data-testid={testId}
        />
        <label htmlFor={id}>{label}</label>
      </span>
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
    </div>
  );
}
