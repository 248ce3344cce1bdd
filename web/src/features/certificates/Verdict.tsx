import { useTranslation } from "react-i18next";
import { ErrorPanel } from "../../app/ui/ErrorPanel.js";
import { WebCryptoUnavailableError } from "../evidence/webcrypto.js";
import type { CertificateCheck } from "./jws.js";

/** Verified ✓ / failed ✗, in words, with why it failed; or why this browser could not check at all. */
export function Verdict({ check, error }: { check: CertificateCheck | undefined; error: unknown }) {
  const { t } = useTranslation();
  if (error instanceof WebCryptoUnavailableError)
    return (
      <div className="notice" role="alert" data-testid="certificate-verdict" data-verdict="unavailable">
        <p>{error.reason === "no_subtle" ? t("certificates.noSubtle") : t("certificates.noEd25519")}</p>
      </div>
    );
  if (error) return <ErrorPanel error={error} />;
  if (!check)
    return (
      <p className="muted" data-testid="certificate-verdict" data-verdict="pending" aria-live="polite">
        {t("certificates.verifying")}
      </p>
    );
  return (
    <div
      className={check.valid ? "notice notice-success cert-verdict" : "notice notice-error cert-verdict"}
      role="status"
      data-testid="certificate-verdict"
      data-verdict={check.valid ? "valid" : "invalid"}
      data-failure={check.failure}
    >
      <p className="cert-verdict-head">
        {check.valid ? t("certificates.verified") : t("certificates.failed")}
      </p>
      <p>
        {check.valid
          ? t("certificates.verifiedDetail")
          : `${check.failure ? t(`certificates.failure.${check.failure}`) : ""} ${t("certificates.failedDetail")}`}
      </p>
    </div>
  );
}
