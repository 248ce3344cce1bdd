import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useRegistrationAction } from "./api.js";
import type { Registration } from "./model.js";

const CLASSES: Registration["originClass"][] = ["public", "enterprise", "personal"];
const GRADES: Registration["grade"][] = ["core", "important", "general"];

/**
 * A reviewer's override of the holder's classification during formal review (PR-1): class, grade
 * and the sensitive-personal flag, with a reason the holder and the regulator will read.
 */
export function ReclassifyForm({ registration: r, onDone }: { registration: Registration; onDone(): void }) {
  const { t } = useTranslation();
  const act = useRegistrationAction();
  const [originClass, setOriginClass] = useState(r.originClass);
  const [grade, setGrade] = useState(r.grade);
  const [sensitive, setSensitive] = useState(r.sensitivePersonal ?? false);
  const [reason, setReason] = useState("");
  return (
    <form
      className="reason-form"
      data-testid="reclassify-form"
      onSubmit={(event) => {
        event.preventDefault();
        act.mutate(
          {
            id: r.id,
            action: "classification",
            originClass,
            grade,
            sensitivePersonal: originClass === "personal" && sensitive,
            reason: reason.trim(),
          },
          { onSuccess: onDone },
        );
      }}
    >
      <label>
        {t("registrations.field.originClass")}
        <select value={originClass} onChange={(e) => setOriginClass(e.target.value as typeof originClass)}>
          {CLASSES.map((c) => (
            <option key={c} value={c}>
              {t(`registrations.originClass.${c}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t("registrations.field.grade")}
        <select value={grade} onChange={(e) => setGrade(e.target.value as typeof grade)}>
          {GRADES.map((g) => (
            <option key={g} value={g}>
              {t(`registrations.grade.${g}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={originClass === "personal" && sensitive}
          disabled={originClass !== "personal"}
          onChange={(e) => setSensitive(e.target.checked)}
        />
        {t("registrations.field.sensitivePersonal")}
      </label>
      <label>
        {t("registrations.review.reclassifyReason")}
        <textarea required value={reason} onChange={(e) => setReason(e.target.value)} maxLength={2000} />
        <small>{t("registrations.review.reclassifyHint")}</small>
      </label>
      {act.error && (
        <p className="notice notice-error" role="alert">
          {act.error.message}
        </p>
      )}
      <div className="actions">
        <button type="submit" disabled={act.isPending || reason.trim() === ""}>
          {t("registrations.review.reclassifyConfirm")}
        </button>
      </div>
    </form>
  );
}
