import { useTranslation } from "react-i18next";
import { ApiError } from "../../app/api.js";
import { registrationErrorText } from "./errors.js";

/** The app's error panel, in the words of the registration pages (codes like notice_period_running). */
export function RegistrationError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const api = error instanceof ApiError ? error : null;
  return (
    <div className="notice notice-error" role="alert" data-testid="error-panel" data-code={api?.code}>
      <p>{registrationErrorText(t, error)}</p>
      {api && (
        <p className="notice-detail">
          {t("common.errorDetail", { code: api.code })}
          {api.status > 0 && ` · HTTP ${api.status}`}
          {api.requestId && ` · ${t("common.requestId", { requestId: api.requestId })}`}
        </p>
      )}
    </div>
  );
}
