import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { useFormatDateTime } from "../../app/format.js";
import { ErrorPanel } from "../../app/ui/ErrorPanel.js";
import { useContract } from "./api.js";
import { ContractStatusBadge, RightKindBadge } from "./Badges.js";
import { ContractActions } from "./ContractActions.js";
import { ContractSignatures } from "./ContractSignatures.js";
import { useFormatYuan, useTermText } from "./format.js";
import type { Contract } from "./model.js";
import { useParticipantName, useRegistrationBrief } from "./names.js";

/** /rights/contracts/:id: the terms, the steps left, and the signatures with a check in the browser. */
export function ContractPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const contract = useContract(id);
  const c = contract.data;
  return (
    <div className="page-stack">
      <section className="card">
        <Link to="/rights">{t("rights.contract.back")}</Link>
        {contract.isPending && <p className="muted">{t("common.loading")}</p>}
        {contract.error && <ErrorPanel error={contract.error} />}
        {c && (
          <>
            <h1 className="contract-title">{t("rights.contract.title", { id: c.id })}</h1>
            <p>
              <ContractStatusBadge status={c.status} /> {t(`rights.contractKind.${c.kind}`)}{" "}
              <RightKindBadge kind={c.rightKind} />
            </p>
            <ContractFacts contract={c} />
            <ContractActions contract={c} />
          </>
        )}
      </section>
      {/* keyed by status: a new signature starts a fresh check */}
      {c && <ContractSignatures key={c.status} contract={c} />}
    </div>
  );
}

function Party({ id }: { id: string }) {
  const name = useParticipantName(id);
  return (
    <>
      {name ?? id} <span className="mono muted">{id}</span>
    </>
  );
}

function ContractFacts({ contract: c }: { contract: Contract }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const term = useTermText();
  const yuan = useFormatYuan();
  const registration = useRegistrationBrief(c.resourceRegistrationId);
  return (
    <dl className="facts" data-testid="contract-facts">
      <dt>{t("rights.contract.holder")}</dt>
      <dd data-testid="contract-holder">
        <Party id={c.proposerParticipantId} />
      </dd>
      <dt>{t("rights.contract.counterparty")}</dt>
      <dd data-testid="contract-counterparty">
        <Party id={c.counterpartyParticipantId} />
      </dd>
      <dt>{t("rights.field.resource")}</dt>
      <dd>
        <Link to={`/registrations/${c.resourceRegistrationId}`}>
          {registration.data?.name ?? c.resourceRegistrationId}
        </Link>
      </dd>
      <dt>{t("rights.contract.sourceRight")}</dt>
      <dd>
        <Link className="mono" to={`/rights/${c.sourceRightId}`}>
          {c.sourceRightId}
        </Link>
      </dd>
      <dt>{t("rights.field.scope")}</dt>
      <dd>{c.scope}</dd>
      <dt>{t("rights.field.term")}</dt>
      <dd>{term(c)}</dd>
      <dt>{t("rights.contract.price")}</dt>
      <dd>
        {c.priceFen === null
          ? t("common.none")
          : t("rights.contract.priceValue", { amount: yuan(c.priceFen) })}
      </dd>
      {c.resultingRightId && (
        <>
          <dt>{t("rights.contract.resultingRight")}</dt>
          <dd>
            <Link
              className="mono"
              to={`/rights/${c.resultingRightId}`}
              data-testid="contract-resulting-right"
            >
              {c.resultingRightId}
            </Link>
          </dd>
        </>
      )}
      {c.reason && (
        <>
          <dt>{t("rights.contract.reason")}</dt>
          <dd>{c.reason}</dd>
        </>
      )}
      <dt>{t("rights.field.createdAt")}</dt>
      <dd>{formatDateTime(c.createdAt)}</dd>
      <dt>{t("rights.contract.decidedAt")}</dt>
      <dd>{formatDateTime(c.decidedAt)}</dd>
    </dl>
  );
}
