import { useTranslation } from "react-i18next";
import type { ParticipantStatus } from "../types.js";

export function StatusBadge({ status }: { status: ParticipantStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge-${status}`} data-status={status}>
      {t(`status.${status}`, { defaultValue: status })}
    </span>
  );
}
