import { useTranslation } from "react-i18next";
import { useFormatDateTime } from "../../app/format.js";
import type { Participant } from "../../app/types.js";
import { CopyButton } from "../../app/ui/CopyButton.js";
import { StatusBadge } from "../../app/ui/StatusBadge.js";

export function ParticipantFacts({ participant: p }: { participant: Participant }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const none = t("common.none");
  const kinds = p.serviceKinds.map((k) => t(`serviceKind.${k}`, { defaultValue: k })).join("、");

  return (
    <dl className="facts" data-testid="participant-facts" data-participant-id={p.id}>
      <dt>{t("profile.name")}</dt>
      <dd data-testid="participant-name">{p.name}</dd>
      <dt>{t("profile.id")}</dt>
      <dd className="mono">{p.id}</dd>
      <dt>{t("profile.type")}</dt>
      <dd>{t(`participantType.${p.type}`, { defaultValue: p.type })}</dd>
      <dt>{t("profile.status")}</dt>
      <dd data-testid="participant-status">
        <StatusBadge status={p.status} />
      </dd>
      {p.statusReason && (
        <>
          <dt>{t("profile.statusReason")}</dt>
          <dd>{p.statusReason}</dd>
        </>
      )}
      <dt>{p.uscc || !p.residentIdMasked ? t("profile.uscc") : t("profile.residentId")}</dt>
      <dd className="mono">{p.uscc ?? p.residentIdMasked ?? none}</dd>
      <dt>{t("profile.region")}</dt>
      <dd className="mono">{p.region ?? none}</dd>
      <dt>{t("profile.contactEmail")}</dt>
      <dd>{p.contactEmail ?? none}</dd>
      {p.serviceKinds.length > 0 && (
        <>
          <dt>{t("profile.serviceKinds")}</dt>
          <dd>{kinds}</dd>
        </>
      )}
      <dt>{t("profile.publicKey")}</dt>
      <dd className="key">
        <code className="mono key-value" data-testid="participant-public-key">
          {p.publicKeyJwk.x}
        </code>
        <CopyButton text={p.publicKeyJwk.x} label={t("profile.copyKey")} testId="copy-public-key" />
      </dd>
      <dt>{t("profile.createdAt")}</dt>
      <dd>{formatDateTime(p.createdAt)}</dd>
      <dt>{t("profile.admittedAt")}</dt>
      <dd>{formatDateTime(p.admittedAt)}</dd>
    </dl>
  );
}
