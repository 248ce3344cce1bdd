import { useTranslation } from "react-i18next";
import { ApiError } from "../api.js";
import { errorText } from "../i18n/errors.js";

/** A failed request, in words, with the code and request id to quote to the operator.
 * Retry is offered only where trying again can help (network or server errors). */
export function ErrorPanel({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const api = error instanceof ApiError ? error : null;
  return (
    <div className="notice notice-error" role="alert" data-testid="error-panel">
      <p>{errorText(t, error)}</p>
      {api && (
        <p className="notice-detail">
          {t("common.errorDetail", { code: api.code })}
          {api.status > 0 && ` · HTTP ${api.status}`}
          {api.requestId && ` · ${t("common.requestId", { requestId: api.requestId })}`}
        </p>
      )}
      {onRetry && (!api || api.status === 0 || api.status >= 500) && (
        <button type="button" className="button-secondary" onClick={onRetry}>
          {t("common.retry")}
        </button>
      )}
    </div>
  );
}
