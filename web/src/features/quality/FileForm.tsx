import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormatDateTime } from "../../app/format.js";
import { ErrorPanel } from "../../app/ui/ErrorPanel.js";
import { SelectField } from "../../app/ui/Field.js";
import { useFileFeedback } from "./api.js";
import {
  evidenceLines,
  FEEDBACK_KINDS,
  type FeedbackKind,
  QUALITY_DIMENSIONS,
  type QualityDimension,
} from "./model.js";

/** Quality feedback (with its dimension) or an objection to the data, with evidence references. */
export function FileForm({ registrationId }: { registrationId: string }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const file = useFileFeedback();
  const [kind, setKind] = useState<FeedbackKind>("quality");
  const [dimension, setDimension] = useState<QualityDimension>("completeness");
  const [text, setText] = useState("");
  const [evidence, setEvidence] = useState("");

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return;
    const common = { registrationId, text: text.trim(), evidence: evidenceLines(evidence) };
    file.mutate(kind === "quality" ? { kind, dimension, ...common } : { kind, ...common }, {
      onSuccess: () => {
        setText("");
        setEvidence("");
      },
    });
  };

  return (
    <form
      className="form"
      onSubmit={submit}
      data-testid="quality-file-form"
      aria-labelledby="quality-file-title"
    >
      <h2 id="quality-file-title">{t("quality.form.title")}</h2>
      <fieldset className="checkbox-group">
        <legend>{t("quality.form.kind")}</legend>
        {FEEDBACK_KINDS.map((k) => (
          <label key={k} className="checkbox">
            <input
              type="radio"
              name="quality-kind"
              value={k}
              checked={kind === k}
              onChange={() => setKind(k)}
              data-testid={`quality-kind-${k}`}
            />
            {t(`quality.kind.${k}`)}
          </label>
        ))}
      </fieldset>
      {kind === "quality" && (
        <SelectField
          id="quality-dimension"
          label={t("quality.form.dimension")}
          value={dimension}
          onValue={(v) => setDimension(v as QualityDimension)}
          options={QUALITY_DIMENSIONS.map((d) => ({ value: d, label: t(`quality.dimension.${d}`) }))}
          testId="quality-dimension"
        />
      )}
      <div className="field">
        <label htmlFor="quality-text">{t("quality.form.text")}</label>
        <textarea
          id="quality-text"
          rows={4}
          required
          maxLength={5000}
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-describedby="quality-text-hint"
          data-testid="quality-text"
        />
        <p id="quality-text-hint" className="field-hint">
          {t("quality.form.textHint")}
        </p>
      </div>
      <div className="field">
        <label htmlFor="quality-evidence">{t("quality.form.evidence")}</label>
        <textarea
          id="quality-evidence"
          rows={2}
          value={evidence}
          onChange={(e) => setEvidence(e.target.value)}
          aria-describedby="quality-evidence-hint"
          data-testid="quality-evidence"
        />
        <p id="quality-evidence-hint" className="field-hint">
          {t("quality.form.evidenceHint")}
        </p>
      </div>
      {file.error && <ErrorPanel error={file.error} />}
      {file.isSuccess && (
        <p className="notice notice-success" role="status" data-testid="quality-filed">
          {t("quality.form.filed", { date: formatDateTime(file.data.responseDeadlineAt) })}
        </p>
      )}
      <div className="actions">
        <button type="submit" disabled={file.isPending || !text.trim()} data-testid="quality-submit">
          {file.isPending ? t("quality.form.submitting") : t("quality.form.submit")}
        </button>
      </div>
    </form>
  );
}
