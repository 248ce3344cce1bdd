import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { describedBy } from "../../app/ui/Field.js";
import { useFileObjection } from "../registrations/api.js";
import { RegistrationError } from "../registrations/RegistrationError.js";
import { evidenceLines } from "./lines.js";

const MAX_EVIDENCE = 20;

/** An objection during the public notice (异议): reasons, and references to evidence. */
export function ObjectionForm({
  registrationId,
  onDone,
}: {
  registrationId: string;
  onDone: (filed: boolean) => void;
}) {
  const { t } = useTranslation();
  const file = useFileObjection();
  const [reasons, setReasons] = useState("");
  const [evidence, setEvidence] = useState("");
  const lines = evidenceLines(evidence);
  const tooMany = lines.length > MAX_EVIDENCE;
  const id = `objection-${registrationId}`;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!reasons.trim() || tooMany) return;
    file.mutate(
      { id: registrationId, reasons: reasons.trim(), evidence: lines },
      { onSuccess: () => onDone(true) },
    );
  };

  return (
    <form className="form notice-objection" onSubmit={onSubmit} data-testid="objection-form">
      {file.error && <RegistrationError error={file.error} />}
      <div className="field">
        <label htmlFor={`${id}-reasons`}>{t("notices.reasons")}</label>
        <textarea
          id={`${id}-reasons`}
          rows={4}
          required
          value={reasons}
          onChange={(e) => setReasons(e.target.value)}
          aria-describedby={describedBy(`${id}-reasons`, t("notices.reasonsHint"))}
          data-testid="objection-reasons"
          // biome-ignore lint/a11y/noAutofocus: the user just asked to object
          autoFocus
        />
        <p id={`${id}-reasons-hint`} className="field-hint">
          {t("notices.reasonsHint")}
        </p>
      </div>
      <div className={tooMany ? "field field-invalid" : "field"}>
        <label htmlFor={`${id}-evidence`}>
          {t("notices.evidence")}
          <span className="field-optional"> ({t("common.optional")})</span>
        </label>
        <textarea
          id={`${id}-evidence`}
          rows={3}
          value={evidence}
          onChange={(e) => setEvidence(e.target.value)}
          aria-invalid={tooMany || undefined}
          aria-describedby={describedBy(
            `${id}-evidence`,
            t("notices.evidenceHint"),
            tooMany ? "x" : undefined,
          )}
          data-testid="objection-evidence"
        />
        <p id={`${id}-evidence-hint`} className="field-hint">
          {t("notices.evidenceHint")}
        </p>
        {tooMany && (
          <p id={`${id}-evidence-error`} className="field-error" role="alert">
            {t("notices.tooMuchEvidence")}
          </p>
        )}
      </div>
      <div className="actions">
        <button
          type="submit"
          disabled={file.isPending || !reasons.trim() || tooMany}
          data-testid="objection-submit"
        >
          {file.isPending ? t("notices.submitting") : t("notices.submit")}
        </button>
        <button type="button" className="button-secondary" onClick={() => onDone(false)}>
          {t("common.cancel")}
        </button>
      </div>
    </form>
  );
}
