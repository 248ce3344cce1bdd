import { useTranslation } from "react-i18next";
import type { RegistrationStatus } from "./model.js";

const TONE: Record<RegistrationStatus, string> = {
  draft: "",
  submitted: "badge-pending",
  in_review: "badge-pending",
  in_notice: "badge-pending",
  registered: "badge-admitted",
  rejected: "badge-rejected",
  cancelled: "badge-exited",
  applied: "badge-admitted",
};

export function RegistrationStatusBadge({ status }: { status: RegistrationStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`badge ${TONE[status]}`} data-status={status} data-testid="registration-status">
      {t(`registrations.status.${status}`)}
    </span>
  );
}
