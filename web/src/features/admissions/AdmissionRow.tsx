import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useFormatDateTime } from "../../app/format.js";
import type { Participant } from "../../app/types.js";
import type { AdmissionTab } from "./api.js";
import { RejectForm } from "./RejectForm.js";

interface Props {
  participant: Participant;
  tab: AdmissionTab;
  columns: number;
  rejecting: boolean;
  busy: boolean;
  onAdmit: () => void;
  onStartReject: () => void;
  onReject: (reason: string) => void;
  onCancelReject: () => void;
}

export function AdmissionRow(props: Props) {
  const { participant: p, tab } = props;
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const identifier = p.uscc ?? p.residentIdMasked ?? t("common.none");

  return (
    <>
      <tr data-testid="admission-row" data-participant-id={p.id} data-status={p.status}>
        <td data-label={t("admissions.name")}>
          <Link to={`/participants/${encodeURIComponent(p.id)}`}>{p.name}</Link>
        </td>
        <td data-label={t("admissions.type")}>{t(`participantType.${p.type}`, { defaultValue: p.type })}</td>
        <td data-label={t("admissions.identifier")}>
          <span className="mono">{identifier}</span>
        </td>
        <td data-label={t("admissions.appliedAt")}>{formatDateTime(p.createdAt)}</td>
        {tab === "admitted" && (
          <td data-label={t("admissions.admittedAt")}>{formatDateTime(p.admittedAt)}</td>
        )}
        {tab === "rejected" && (
          <td data-label={t("admissions.reason")}>{p.statusReason ?? t("common.none")}</td>
        )}
        {tab === "pending" && (
          <td data-label={t("admissions.actions")} className="row-actions">
            <button type="button" onClick={props.onAdmit} disabled={props.busy} data-testid="admit-button">
              {t("admissions.admit")}
            </button>
            <button
              type="button"
              className="button-danger-outline"
              onClick={props.onStartReject}
              disabled={props.busy || props.rejecting}
              aria-expanded={props.rejecting}
              data-testid="reject-button"
            >
              {t("admissions.reject")}
            </button>
          </td>
        )}
      </tr>
      {props.rejecting && (
        <tr className="reject-row">
          <td colSpan={props.columns}>
            <RejectForm
              participantId={p.id}
              pending={props.busy}
              onConfirm={props.onReject}
              onCancel={props.onCancelReject}
            />
          </td>
        </tr>
      )}
    </>
  );
}
