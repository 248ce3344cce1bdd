import { Fragment, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useFormatDateTime } from "../../app/format.js";
import { useParticipantName } from "./api.js";
import type { Registration } from "./model.js";
import { RegistrationStatusBadge } from "./StatusBadge.js";

const pct = (v: number | undefined) => (v === undefined ? undefined : `${Math.round(v * 1000) / 10}%`);

/** Everything a registration states, in the order of the registration form. */
export function RegistrationFacts({ registration: r }: { registration: Registration }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const holder = useParticipantName(r.holderParticipantId);
  const rows: [string, ReactNode][] = [
    [t("registrations.field.status"), <RegistrationStatusBadge key="s" status={r.status} />],
    [
      t("registrations.field.registrationNumber"),
      r.registrationNumber && <span className="mono">{r.registrationNumber}</span>,
    ],
    [
      t("registrations.field.holder"),
      <Link key="h" to={`/participants/${r.holderParticipantId}`}>
        {holder ?? r.holderParticipantId}
      </Link>,
    ],
    [t("registrations.field.description"), r.description],
    [t("registrations.field.originClass"), t(`registrations.originClass.${r.originClass}`)],
    [t("registrations.field.grade"), t(`registrations.grade.${r.grade}`)],
    [t("registrations.field.sensitivePersonal"), r.sensitivePersonal ? "✓" : undefined],
    [t("registrations.field.industry"), r.industry && t(`registrations.industry.${r.industry}`)],
    [t("registrations.field.keywords"), r.keywords?.join("、")],
    [t("registrations.field.sourceUnit"), r.sourceUnit],
    [t("registrations.field.catalogCode"), r.catalogCode],
    [t("registrations.field.legalBasis"), r.legalBasis && t(`registrations.legalBasis.${r.legalBasis}`)],
    [t("registrations.field.legalBasisNote"), r.legalBasisNote],
    [t("registrations.field.collectionMethod"), r.collectionMethod],
    [
      t("registrations.field.fields"),
      r.fields?.length ? r.fields.map((f) => `${f.name} (${f.type})`).join("，") : undefined,
    ],
    [t("registrations.field.volumeRows"), r.volumeRows?.toLocaleString()],
    [t("registrations.field.volumeBytes"), r.volumeBytes?.toLocaleString()],
    [t("registrations.field.format"), r.format && t(`registrations.format.${r.format}`)],
    [
      t("registrations.field.updateFrequency"),
      r.updateFrequency && t(`registrations.frequency.${r.updateFrequency}`),
    ],
    [t("registrations.field.timeFrom"), r.timeFrom],
    [t("registrations.field.timeTo"), r.timeTo],
    [t("registrations.field.spatialCoverage"), r.spatialCoverage],
    [t("registrations.field.completeness"), pct(r.quality?.completeness)],
    [t("registrations.field.accuracy"), pct(r.quality?.accuracy)],
    [t("registrations.field.consistency"), pct(r.quality?.consistency)],
    [t("registrations.field.timeliness"), pct(r.quality?.timeliness)],
    [t("registrations.field.qualityNote"), r.quality?.note],
    [
      t("registrations.field.contact"),
      r.contact && [r.contact.name, r.contact.phone, r.contact.email].filter(Boolean).join(" · "),
    ],
    [t("registrations.field.reviewReason"), r.reviewReason],
    [t("registrations.field.reclassificationReason"), r.reclassificationReason],
    [
      t("registrations.field.noticePeriod"),
      r.noticeStartsAt && `${formatDateTime(r.noticeStartsAt)} – ${formatDateTime(r.noticeEndsAt)}`,
    ],
    [t("registrations.field.decidedAt"), r.decidedAt && formatDateTime(r.decidedAt)],
    [t("registrations.field.cancelReason"), r.cancelReason],
    [t("registrations.field.createdAt"), formatDateTime(r.createdAt)],
  ];
  return (
    <dl className="facts" data-testid="registration-facts" data-registration-id={r.id}>
      {rows
        .filter(([, value]) => value !== undefined && value !== null && value !== "")
        .map(([label, value]) => (
          <Fragment key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </Fragment>
        ))}
    </dl>
  );
}
