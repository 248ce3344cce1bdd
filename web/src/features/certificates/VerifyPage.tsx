import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { describedBy } from "../../app/ui/Field.js";
import { fetchKey } from "./api.js";
import { classGradeLabel } from "./CertificateSheet.js";
import { parseKey } from "./jws.js";
import { checkCertificate } from "./useVerification.js";
import { Verdict } from "./Verdict.js";

class KeyInvalidError extends Error {}

/** /certificates/verify (public): paste a JWS, and optionally a key, and check it in this browser. */
export function VerifyPage() {
  const { t } = useTranslation();
  const [jws, setJws] = useState("");
  const [keyText, setKeyText] = useState("");
  const verify = useMutation({
    mutationFn: async ({ jws, keyText }: { jws: string; keyText: string }) => {
      const jwk = keyText.trim() ? parseKey(keyText.trim()) : (await fetchKey()).jwk;
      if (!jwk) throw new KeyInvalidError();
      return checkCertificate(jws.trim(), jwk);
    },
  });
  const keyInvalid = verify.error instanceof KeyInvalidError;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (jws.trim()) verify.mutate({ jws, keyText });
  };
  const p = verify.data?.payload;

  return (
    <section className="card">
      <h1>{t("certificates.verifyTitle")}</h1>
      <p className="muted">{t("certificates.verifyIntro")}</p>
      <form className="form" onSubmit={onSubmit} data-testid="verify-form">
        <div className="field">
          <label htmlFor="verify-jws">{t("certificates.jws")}</label>
          <textarea
            id="verify-jws"
            rows={5}
            required
            className="mono"
            value={jws}
            onChange={(e) => setJws(e.target.value)}
            aria-describedby={describedBy("verify-jws", t("certificates.jwsHint"))}
            data-testid="verify-jws"
          />
          <p id="verify-jws-hint" className="field-hint">
            {t("certificates.jwsHint")}
          </p>
        </div>
        <div className={keyInvalid ? "field field-invalid" : "field"}>
          <label htmlFor="verify-key">
            {t("certificates.key")}
            <span className="field-optional"> ({t("common.optional")})</span>
          </label>
          <textarea
            id="verify-key"
            rows={3}
            className="mono"
            value={keyText}
            onChange={(e) => setKeyText(e.target.value)}
            aria-invalid={keyInvalid || undefined}
            aria-describedby={describedBy(
              "verify-key",
              t("certificates.keyHint"),
              keyInvalid ? "x" : undefined,
            )}
            data-testid="verify-key"
          />
          <p id="verify-key-hint" className="field-hint">
            {t("certificates.keyHint")}
          </p>
          {keyInvalid && (
            <p id="verify-key-error" className="field-error" role="alert">
              {t("certificates.keyInvalid")}
            </p>
          )}
        </div>
        <button type="submit" disabled={verify.isPending || !jws.trim()} data-testid="verify-submit">
          {t("certificates.verify")}
        </button>
      </form>
      <div aria-live="polite">
        {(verify.data || (verify.error && !keyInvalid)) && (
          <Verdict check={verify.data} error={keyInvalid ? undefined : verify.error} />
        )}
        {p && (
          <dl className="facts">
            <dt>{t("certificates.number")}</dt>
            <dd className="mono">{p.registrationNumber}</dd>
            <dt>{t("certificates.resourceName")}</dt>
            <dd>{p.resourceName}</dd>
            <dt>{t("certificates.holder")}</dt>
            <dd>{p.holderName}</dd>
            <dt>{t("certificates.classGrade")}</dt>
            <dd>{classGradeLabel(t, p)}</dd>
            <dt>{t("certificates.registeredAt")}</dt>
            <dd>{p.registeredAt}</dd>
          </dl>
        )}
        {verify.data?.valid && p && (
          <p>
            <Link to={`/certificates/${encodeURIComponent(p.registrationNumber)}`}>
              {t("certificates.openCertificate")}
            </Link>
          </p>
        )}
      </div>
    </section>
  );
}
