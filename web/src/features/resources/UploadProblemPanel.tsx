import { useTranslation } from "react-i18next";
import { useNumbers } from "./format.js";
import type { UploadProblem } from "./upload.js";

/** A refused import: what the node said, and where in the file (line, column) when it knows. */
export function UploadProblemPanel({ problem }: { problem: UploadProblem }) {
  const { t } = useTranslation();
  const n = useNumbers();
  return (
    <div className="notice notice-error" role="alert" data-testid="upload-error" data-code={problem.code}>
      <p>
        <strong>{t("resources.uploadError.title")}</strong>
      </p>
      {problem.maxBytes !== null && (
        <p>{t("resources.uploadError.tooLarge", { max: n.bytes(problem.maxBytes) })}</p>
      )}
      {problem.line !== null && (
        <p data-testid="upload-error-where" data-line={problem.line}>
          {problem.column
            ? t("resources.uploadError.whereColumn", { line: problem.line, column: problem.column })
            : t("resources.uploadError.where", { line: problem.line })}
          {problem.badRows !== null &&
            problem.badRows > 1 &&
            ` · ${t("resources.uploadError.badRows", { count: problem.badRows })}`}
        </p>
      )}
      {problem.message && <p className="mono">{problem.message}</p>}
      <p className="notice-detail">
        {t("resources.uploadError.detail", { code: problem.code, status: problem.status })}
        {problem.requestId && ` · ${t("common.requestId", { requestId: problem.requestId })}`}
      </p>
    </div>
  );
}
