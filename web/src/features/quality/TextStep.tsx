import { type FormEvent, type ReactNode, useId, useState } from "react";
import { useTranslation } from "react-i18next";

interface Props {
  label: string;
  hint?: string;
  confirmLabel: string;
  pending: boolean;
  onConfirm: (text: string) => void;
  onCancel: () => void;
  testId: string;
  /** controls above the text (a choice of response or decision) */
  children?: ReactNode;
}

/** A step that needs words the other side will read (a plan, reasons): confirm waits for them. */
export function TextStep({
  label,
  hint,
  confirmLabel,
  pending,
  onConfirm,
  onCancel,
  testId,
  children,
}: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState("");
  const id = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (text.trim()) onConfirm(text.trim());
  };
  return (
    <form className="reject-form" onSubmit={submit} data-testid={testId}>
      {children}
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        rows={3}
        required
        value={text}
        onChange={(e) => setText(e.target.value)}
        aria-describedby={hint ? `${id}-hint` : undefined}
        data-testid={`${testId}-text`}
        // biome-ignore lint/a11y/noAutofocus: the user just asked to write this
        autoFocus
      />
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      <div className="actions">
        <button type="submit" disabled={pending || !text.trim()} data-testid={`${testId}-confirm`}>
          {confirmLabel}
        </button>
        <button type="button" className="button-secondary" onClick={onCancel}>
          {t("common.cancel")}
        </button>
      </div>
    </form>
  );
}
