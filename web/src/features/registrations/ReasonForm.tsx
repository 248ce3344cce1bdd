import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { describedBy } from "../../app/ui/Field.js";

interface Props {
  label: string;
  hint?: string;
  confirmLabel: string;
  danger?: boolean;
  pending: boolean;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
  testId: string;
}

/** Every decision here needs a reason the other side will read, so confirming waits for one. */
export function ReasonForm({
  label,
  hint,
  confirmLabel,
  danger,
  pending,
  onConfirm,
  onCancel,
  testId,
}: Props) {
  const { t } = useTranslation();
  const [reason, setReason] = useState("");
  const id = useId();

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim()) onConfirm(reason.trim());
  };

  return (
    <form className="reject-form" onSubmit={onSubmit} data-testid={testId}>
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        data-testid={`${testId}-reason`}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        aria-describedby={describedBy(id, hint)}
        rows={2}
        required
        // biome-ignore lint/a11y/noAutofocus: the user just asked to write a reason
        autoFocus
      />
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      <div className="actions">
        <button
          type="submit"
          className={danger ? "button-danger" : undefined}
          disabled={pending || !reason.trim()}
          data-testid={`${testId}-confirm`}
        >
          {confirmLabel}
        </button>
        <button type="button" className="button-secondary" onClick={onCancel}>
          {t("common.cancel")}
        </button>
      </div>
    </form>
  );
}
