import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useAuth } from "../../app/auth.js";
import { useFormatDateTime } from "../../app/format.js";
import { ErrorPanel } from "../../app/ui/ErrorPanel.js";
import { useMyContracts } from "./api.js";
import { ContractStatusBadge } from "./Badges.js";
import { ContractActions } from "./ContractActions.js";
import type { Contract } from "./model.js";
import { useParticipantName } from "./names.js";

/** My rights contracts, the ones offered to us apart from the ones we offered, newest first. */
export function ContractsSection() {
  const { t } = useTranslation();
  const { participant } = useAuth();
  const contracts = useMyContracts(participant?.id);
  const all = [...(contracts.data?.items ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const incoming = all.filter((c) => c.counterpartyParticipantId === participant?.id);
  const outgoing = all.filter((c) => c.proposerParticipantId === participant?.id);

  return (
    <section className="card rights-contracts" aria-labelledby="rights-contracts-title">
      <h2 id="rights-contracts-title">{t("rights.contracts.title")}</h2>
      {contracts.isPending && <p className="muted">{t("common.loading")}</p>}
      {contracts.error && <ErrorPanel error={contracts.error} onRetry={() => void contracts.refetch()} />}
      {contracts.data && (
        <>
          <ContractTable title={t("rights.contracts.incoming")} items={incoming} side="incoming" />
          <ContractTable title={t("rights.contracts.outgoing")} items={outgoing} side="outgoing" />
        </>
      )}
    </section>
  );
}

function ContractTable({
  title,
  items,
  side,
}: {
  title: string;
  items: Contract[];
  side: "incoming" | "outgoing";
}) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  return (
    <>
      <h3>{title}</h3>
      {items.length === 0 ? (
        <p className="muted">{t("rights.contracts.empty")}</p>
      ) : (
        <table className="table table-cards" data-testid={`contracts-${side}`}>
          <thead>
            <tr>
              <th scope="col">{t("rights.contracts.contract")}</th>
              <th scope="col">{t("rights.contracts.kind")}</th>
              <th scope="col">{t("rights.contracts.other")}</th>
              <th scope="col">{t("rights.contracts.status")}</th>
              <th scope="col">{t("rights.contracts.createdAt")}</th>
              <th scope="col">{t("rights.contracts.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((c) => (
              <tr key={c.id} data-testid="contract-row" data-contract-id={c.id} data-status={c.status}>
                <td data-label={t("rights.contracts.contract")}>
                  <Link className="mono" to={`/rights/contracts/${c.id}`} data-testid="contract-link">
                    {c.id}
                  </Link>
                </td>
                <td data-label={t("rights.contracts.kind")}>
                  {t(`rights.contractKind.${c.kind}`)} · {t(`rights.kind.${c.rightKind}`)}
                </td>
                <td data-label={t("rights.contracts.other")}>
                  <Name id={side === "incoming" ? c.proposerParticipantId : c.counterpartyParticipantId} />
                </td>
                <td data-label={t("rights.contracts.status")}>
                  <ContractStatusBadge status={c.status} />
                </td>
                <td data-label={t("rights.contracts.createdAt")}>{formatDateTime(c.createdAt)}</td>
                <td data-label={t("rights.contracts.actions")}>
                  <ContractActions contract={c} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

function Name({ id }: { id: string }) {
  return <>{useParticipantName(id) ?? id}</>;
}
