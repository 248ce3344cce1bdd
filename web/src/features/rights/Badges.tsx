import { useTranslation } from "react-i18next";
import type { ContractStatus, RightKind, RightStatus } from "./model.js";

export function RightKindBadge({ kind }: { kind: RightKind }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge-right-${kind}`} data-kind={kind}>
      {t(`rights.kind.${kind}`)}
    </span>
  );
}

export function RightStatusBadge({ status }: { status: RightStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge-right-status-${status}`} data-status={status}>
      {t(`rights.status.${status}`)}
    </span>
  );
}

export function ContractStatusBadge({ status }: { status: ContractStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge-contract-${status}`} data-status={status} data-testid="contract-status">
      {t(`rights.contractStatus.${status}`)}
    </span>
  );
}
