import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { useAuth } from "../../app/auth.js";
import { useFormatDateTime } from "../../app/format.js";
import { ErrorPanel } from "../../app/ui/ErrorPanel.js";
import { useResourceRights, useRight } from "./api.js";
import { RightKindBadge, RightStatusBadge } from "./Badges.js";
import { useTermText } from "./format.js";
import { buildLineage } from "./lineage.js";
import type { Right } from "./model.js";
import { useParticipantName, useRegistrationBrief } from "./names.js";
import { ProposeForm } from "./ProposeForm.js";
import { RightTree } from "./RightTree.js";
import { isAdmin } from "./roles.js";

/** /rights/:id: one right, the lineage of every right on its resource, and the offer form for its holder. */
export function RightPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const auth = useAuth();
  const right = useRight(id);
  const r = right.data;
  const lineage = useResourceRights(r?.resourceRegistrationId);
  const mine = !!r && r.holderParticipantId === auth.participant?.id;

  return (
    <div className="page-stack">
      <section className="card">
        {auth.session && <Link to="/rights">{t("rights.detail.back")}</Link>}
        {right.isPending && <p className="muted">{t("common.loading")}</p>}
        {right.error && <ErrorPanel error={right.error} />}
        {r && (
          <>
            <h1 data-testid="right-title">
              <RightKindBadge kind={r.kind} /> <RightStatusBadge status={r.status} />
            </h1>
            <RightFacts right={r} />
            {!mine && auth.session && <p className="muted">{t("rights.detail.notMine")}</p>}
            <h2>{t("rights.detail.lineageTitle")}</h2>
            <p className="muted">{t("rights.detail.lineageIntro")}</p>
            {lineage.error && <ErrorPanel error={lineage.error} />}
            {lineage.data && (
              <RightTree
                roots={buildLineage(lineage.data.items)}
                label={t("rights.detail.lineageTitle")}
                currentId={r.id}
                showHolder
              />
            )}
          </>
        )}
      </section>
      {r && mine && r.status === "active" && isAdmin(auth) && <ProposeForm right={r} />}
    </div>
  );
}

function RightFacts({ right: r }: { right: Right }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const term = useTermText();
  const holder = useParticipantName(r.holderParticipantId);
  const registration = useRegistrationBrief(r.resourceRegistrationId);
  return (
    <dl className="facts" data-testid="right-facts">
      <dt>{t("rights.field.id")}</dt>
      <dd className="mono">{r.id}</dd>
      <dt>{t("rights.field.holder")}</dt>
      <dd data-testid="right-holder">{holder ?? r.holderParticipantId}</dd>
      <dt>{t("rights.field.resource")}</dt>
      <dd>
        <Link to={`/registrations/${r.resourceRegistrationId}`}>
          {registration.data?.name ?? r.resourceRegistrationId}
        </Link>
        {registration.data?.registrationNumber && (
          <>
            {" · "}
            <Link className="mono" to={`/certificates/${registration.data.registrationNumber}`}>
              {registration.data.registrationNumber}
            </Link>
          </>
        )}
      </dd>
      <dt>{t("rights.field.basis")}</dt>
      <dd>{t(`rights.basis.${r.basis}`)}</dd>
      <dt>{t("rights.field.scope")}</dt>
      <dd>{r.scope}</dd>
      <dt>{t("rights.field.term")}</dt>
      <dd>{term(r)}</dd>
      <dt>{t("rights.field.parent")}</dt>
      <dd>
        {r.parentRightId ? (
          <Link className="mono" to={`/rights/${r.parentRightId}`}>
            {r.parentRightId}
          </Link>
        ) : (
          t("common.none")
        )}
      </dd>
      <dt>{t("rights.field.createdAt")}</dt>
      <dd>{formatDateTime(r.createdAt)}</dd>
    </dl>
  );
}
