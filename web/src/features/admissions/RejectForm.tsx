import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { describedBy } from "../../app/ui/Field.js";

interface Props {
  participantId: string;
  pending: boolean;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
}

/** Reject needs a reason: the applicant sees it, so the confirm button waits for one. */
export function RejectForm({ participantId, pending, onConfirm, onCancel }: Props) {
  const { t } = useTranslation();
  const [reason, setReason] = useState("");
  const id = `reject-reason-${participantId}`;
  const hint = t("admissions.rejectReasonHint");

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim()) onConfirm(reason.trim());
  };

  return (
    <form className="reject-form" onSubmit={onSubmit}>
      <label htmlFor={id}>{t("admissions.rejectReason")}</label>
      <textarea
        id={id}
        data-testid="reject-reason"
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        aria-describedby={describedBy(id, hint)}
        rows={2}
        required
        // biome-ignore lint/a11y/noAutofocus: the operator just asked to write a reason
        autoFocus
      />
      <p id={`${id}-hint`} className="field-hint">
        {hint}
      </p>
      <div className="actions">
        <button
          type="submit"
          className="button-danger"
          disabled={pending || !reason.trim()}
          data-testid="reject-confirm"
        >
          {t("admissions.rejectConfirm")}
        </button>
        <button type="button" className="button-secondary" onClick={onCancel}>
          {t("common.cancel")}
        </button>
      </div>
    </form>
  );
}
