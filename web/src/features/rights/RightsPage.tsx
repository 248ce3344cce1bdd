import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useAuth } from "../../app/auth.js";
import { ErrorPanel } from "../../app/ui/ErrorPanel.js";
import { useMyRights } from "./api.js";
import { ContractsSection } from "./ContractsSection.js";
import { buildLineage, byResource } from "./lineage.js";
import type { Right } from "./model.js";
import { useRegistrationBrief } from "./names.js";
import { RightTree } from "./RightTree.js";
import { isOperatorStaff } from "./roles.js";

/** /rights: the rights in my name as a lineage per resource, and my rights contracts. */
export function RightsPage() {
  const { t } = useTranslation();
  const auth = useAuth();
  const rights = useMyRights(auth.participant?.id);
  const groups = [...byResource(rights.data?.items ?? [])];

  return (
    <div className="page-stack">
      <section className="card">
        <h1>{t("rights.title")}</h1>
        <p className="muted">{t("rights.intro")}</p>
        {isOperatorStaff(auth) && (
          <div className="actions">
            <Link className="button button-secondary" to="/rights/succession" data-testid="succession-link">
              {t("rights.succession.link")}
            </Link>
          </div>
        )}
        <h2>{t("rights.mine.title")}</h2>
        {rights.isPending && <p className="muted">{t("common.loading")}</p>}
        {rights.error && <ErrorPanel error={rights.error} onRetry={() => void rights.refetch()} />}
        {rights.data && groups.length === 0 && (
          <p className="muted" data-testid="rights-empty">
            {t("rights.mine.empty")}
          </p>
        )}
        {groups.map(([registrationId, list]) => (
          <ResourceRights key={registrationId} registrationId={registrationId} rights={list} />
        ))}
      </section>
      <ContractsSection />
    </div>
  );
}

function ResourceRights({ registrationId, rights }: { registrationId: string; rights: Right[] }) {
  const { t } = useTranslation();
  const registration = useRegistrationBrief(registrationId);
  const name = registration.data?.name ?? registrationId;
  const headingId = `rights-resource-${registrationId}`;
  return (
    <section className="rights-resource" aria-labelledby={headingId} data-testid="rights-resource">
      <h3 id={headingId}>
        {name}{" "}
        <Link className="rights-resource-link" to={`/registrations/${registrationId}`}>
          {t("rights.mine.resourceLink")}
        </Link>
      </h3>
      <RightTree roots={buildLineage(rights)} label={t("rights.mine.lineage")} />
    </section>
  );
}
