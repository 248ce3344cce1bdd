import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { ErrorPanel } from "../../app/ui/ErrorPanel.js";
import { fetchRegistrationDraft } from "./api.js";
import { GRADES, ORIGIN_CLASSES, type Scan } from "./model.js";
import { type Classification, changedFrom, proposeClassification, withClassification } from "./proposal.js";

/**
 * PR-1: the scan proposes origin class, grade and the sensitive-PI flag; the holder confirms or
 * changes them, then goes on to the registration form, pre-filled from the node's draft with the
 * confirmed classification (passed in the navigation state, which /registrations/new reads).
 */
export function ClassifyForm({
  datasetId,
  scan,
  holderType,
}: {
  datasetId: string;
  scan: Scan;
  holderType: string;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const proposal = proposeClassification(scan, holderType);
  const [choice, setChoice] = useState<Classification>(proposal);
  const changed = changedFrom(proposal, choice);
  const prepare = useMutation({
    mutationFn: () => fetchRegistrationDraft(datasetId),
    onSuccess: (draft) =>
      navigate("/registrations/new", { state: { draft: withClassification(draft, choice) } }),
  });
  const names: Record<keyof Classification, string> = {
    originClass: t("resources.classify.originClass"),
    grade: t("resources.classify.grade"),
    sensitivePersonal: t("resources.classify.sensitive"),
  };

  return (
    <form
      className="form resources-classify"
      data-testid="classify"
      onSubmit={(e) => {
        e.preventDefault();
        prepare.mutate();
      }}
    >
      <p className="muted">{t("resources.classify.intro")}</p>
      <ul className="resources-reasons" data-testid="classify-reasons">
        {proposal.reasons.map((r) => (
          <li key={r.key}>
            {t(`resources.classify.reasons.${r.key}`, { columns: (r.columns ?? []).join("、") })}
          </li>
        ))}
      </ul>
      <div className="field">
        <label htmlFor="classify-origin">{names.originClass}</label>
        <select
          id="classify-origin"
          value={choice.originClass}
          onChange={(e) =>
            setChoice({
              ...choice,
              originClass: ORIGIN_CLASSES.find((c) => c === e.target.value) ?? "enterprise",
            })
          }
          data-testid="classify-origin"
        >
          {ORIGIN_CLASSES.map((c) => (
            <option key={c} value={c}>
              {t(`resources.originClass.${c}`)}
              {c === proposal.originClass ? t("resources.classify.proposed") : ""}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="classify-grade">{names.grade}</label>
        <select
          id="classify-grade"
          value={choice.grade}
          onChange={(e) =>
            setChoice({ ...choice, grade: GRADES.find((g) => g === e.target.value) ?? "general" })
          }
          data-testid="classify-grade"
        >
          {GRADES.map((g) => (
            <option key={g} value={g}>
              {t(`resources.grade.${g}`)}
              {g === proposal.grade ? t("resources.classify.proposed") : ""}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <span className="checkbox">
          <input
            type="checkbox"
            id="classify-sensitive"
            checked={choice.sensitivePersonal}
            onChange={(e) => setChoice({ ...choice, sensitivePersonal: e.target.checked })}
            data-testid="classify-sensitive"
          />
          <label htmlFor="classify-sensitive">{names.sensitivePersonal}</label>
        </span>
      </div>
      {changed.length > 0 && (
        <p className="notice" role="status" data-testid="classify-changed">
          {t("resources.classify.changed", { fields: changed.map((k) => names[k]).join("、") })}
        </p>
      )}
      {prepare.error && <ErrorPanel error={prepare.error} />}
      <div className="actions">
        <button type="submit" className="button" disabled={prepare.isPending} data-testid="classify-register">
          {prepare.isPending ? t("resources.classify.preparing") : t("resources.classify.register")}
        </button>
      </div>
    </form>
  );
}
