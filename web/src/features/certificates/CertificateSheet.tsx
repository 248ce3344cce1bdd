import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { useFormatDateTime } from "../../app/format.js";
import { GRADES, ORIGIN_CLASSES } from "../registrations/model.js";
import type { CertificatePayload } from "./jws.js";
import { QrCode } from "./QrCode.js";

const oneOf = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value);

export function classGradeLabel(t: TFunction, payload: Pick<CertificatePayload, "originClass" | "grade">) {
  const origin = oneOf(ORIGIN_CLASSES, payload.originClass)
    ? t(`registrations.originClass.${payload.originClass}`)
    : payload.originClass;
  const grade = oneOf(GRADES, payload.grade) ? t(`registrations.grade.${payload.grade}`) : payload.grade;
  return `${origin} · ${grade}`;
}

const day = (iso: string | null | undefined) => (iso ? iso.slice(0, 10) : "");

interface Props {
  payload: CertificatePayload;
  keyId: string | undefined;
  url: string;
  void: boolean;
}

/** The certificate as a printable sheet: what the signed claims say, and a QR code to this page. */
export function CertificateSheet({ payload: p, keyId, url, void: isVoid }: Props) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  return (
    <article className={isVoid ? "cert-sheet cert-void" : "cert-sheet"} data-testid="certificate-sheet">
      <header className="cert-head">
        <p className="cert-issuer">{p.iss}</p>
        <h1>{t("certificates.title")}</h1>
        <p className="cert-subtitle">{t("certificates.subtitle")}</p>
      </header>
      <p className="cert-statement">{t("certificates.statement")}</p>
      <dl className="facts cert-facts">
        <dt>{t("certificates.number")}</dt>
        <dd className="mono" data-testid="certificate-number">
          {p.registrationNumber}
        </dd>
        <dt>{t("certificates.resourceName")}</dt>
        <dd data-testid="certificate-resource">{p.resourceName}</dd>
        <dt>{t("certificates.holder")}</dt>
        <dd data-testid="certificate-holder">{p.holderName}</dd>
        <dt>{t("certificates.holderId")}</dt>
        <dd className="mono">{p.holderParticipantId}</dd>
        <dt>{t("certificates.classGrade")}</dt>
        <dd>{classGradeLabel(t, p)}</dd>
        <dt>{t("certificates.registeredAt")}</dt>
        <dd>{formatDateTime(p.registeredAt)}</dd>
        {p.noticeStartsAt && (
          <>
            <dt>{t("certificates.noticePeriod")}</dt>
            <dd>
              {day(p.noticeStartsAt)} – {day(p.noticeEndsAt)}
            </dd>
          </>
        )}
        <dt>{t("certificates.keyId")}</dt>
        <dd className="mono cert-kid">{keyId ?? t("common.none")}</dd>
      </dl>
      <footer className="cert-foot">
        <QrCode text={url} label={t("certificates.qrLabel")} />
        <div>
          <p className="cert-qr-hint">{t("certificates.qrHint")}</p>
          <p className="mono cert-url">{url}</p>
        </div>
      </footer>
    </article>
  );
}
