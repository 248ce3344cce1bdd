import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ApiError } from "../../app/api.js";
import { useFormatDateTime } from "../../app/format.js";
import { CopyButton } from "../../app/ui/CopyButton.js";
import { ErrorPanel } from "../../app/ui/ErrorPanel.js";
import { type CertificateAnswer, useCertificate, useCertificateKey } from "./api.js";
import { CertificateSheet } from "./CertificateSheet.js";
import { useVerification } from "./useVerification.js";
import { Verdict } from "./Verdict.js";

/**
 * /certificates/:number (public): fetches the certificate and the exchange's key, checks the
 * signature here in the browser, and shows the signed claims as a printable A4 sheet with a QR code
 * that leads back to this page. What is shown comes from the JWS, not from the server's summary.
 */
export function CertificatePage() {
  const { t } = useTranslation();
  const { number = "" } = useParams();
  const certificate = useCertificate(number);
  const key = useCertificateKey();
  const check = useVerification(certificate.data?.jws, key.data?.jwk, number);
  const url = `${window.location.origin}/certificates/${encodeURIComponent(number)}`;
  const cert = certificate.data;
  const notFound = certificate.error instanceof ApiError && certificate.error.status === 404;
  const isVoid = !!cert?.status && cert.status !== "valid";

  return (
    <section className="cert-page">
      <div className="actions no-print">
        <button type="button" onClick={() => window.print()} disabled={!cert} data-testid="certificate-print">
          {t("certificates.print")}
        </button>
        {cert && <CopyButton text={cert.jws} label={t("certificates.copyJws")} />}
        <Link to="/certificates/verify" className="button button-secondary">
          {t("certificates.verifyOther")}
        </Link>
      </div>
      {(certificate.isPending || key.isPending) && <p className="muted">{t("common.loading")}</p>}
      {notFound && <p className="notice notice-error">{t("certificates.notFound")}</p>}
      {certificate.error && !notFound && <ErrorPanel error={certificate.error} />}
      {key.error && <ErrorPanel error={key.error} />}
      {cert && <StatusBanner certificate={cert} />}
      {cert && key.data && <Verdict check={check.data} error={check.error} />}
      {cert && (
        <CertificateSheet
          payload={check.data?.payload ?? cert.payload}
          keyId={check.data?.keyThumbprint ?? key.data?.kid}
          url={url}
          void={isVoid || check.data?.valid === false}
        />
      )}
      {cert && (
        <details className="cert-raw no-print">
          <summary>{t("certificates.rawTitle")}</summary>
          <pre className="mono" data-testid="certificate-jws">
            {cert.jws}
          </pre>
        </details>
      )}
    </section>
  );
}

const KNOWN_STATUSES = ["valid", "revoked", "cancelled", "superseded"] as const;

/** Whether the registration still stands, if the API says so (the field is optional for now). */
function StatusBanner({ certificate: c }: { certificate: CertificateAnswer }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  if (!c.status) return null;
  const valid = c.status === "valid";
  const known = KNOWN_STATUSES.find((s) => s === c.status);
  return (
    <div
      className={valid ? "notice notice-success cert-status" : "notice notice-error cert-status"}
      role="status"
      data-testid="certificate-status"
      data-status={c.status}
    >
      <p className="cert-verdict-head">
        {known ? t(`certificates.status.${known}`) : t("certificates.status.unknown", { status: c.status })}
      </p>
      {c.revokedAt && (
        <p>
          {t("certificates.revokedAt")}: {formatDateTime(c.revokedAt)}
        </p>
      )}
      {c.revocationReason && (
        <p>
          {t("certificates.revocationReason")}: {c.revocationReason}
        </p>
      )}
    </div>
  );
}
