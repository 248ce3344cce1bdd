import { useTranslation } from "react-i18next";
import { SERVICE_KINDS, type ServiceKind } from "../../app/types.js";

interface Props {
  value: ServiceKind[];
  onValue: (value: ServiceKind[]) => void;
  error?: string | undefined;
}

/** Multi-select as a group of checkboxes: each one labelled and reachable by keyboard. */
export function ServiceKindsField({ value, onValue, error }: Props) {
  const { t } = useTranslation();
  const toggle = (kind: ServiceKind, on: boolean) =>
    onValue(
      on ? SERVICE_KINDS.filter((k) => k === kind || value.includes(k)) : value.filter((k) => k !== kind),
    );

  return (
    <fieldset
      className={error ? "field field-invalid checkbox-group" : "field checkbox-group"}
      aria-describedby={error ? "apply-service-kinds-error" : "apply-service-kinds-hint"}
      data-testid="apply-service-kinds"
    >
      <legend>{t("apply.serviceKinds")}</legend>
      <p id="apply-service-kinds-hint" className="field-hint">
        {t("apply.serviceKindsHint")}
      </p>
      <div className="checkbox-grid">
        {SERVICE_KINDS.map((kind) => (
          <label key={kind} htmlFor={`apply-service-${kind}`} className="checkbox">
            <input
              type="checkbox"
              id={`apply-service-${kind}`}
              value={kind}
              checked={value.includes(kind)}
              onChange={(e) => toggle(kind, e.target.checked)}
            />
            {t(`serviceKind.${kind}`)}
          </label>
        ))}
      </div>
      {error && (
        <p id="apply-service-kinds-error" className="field-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
