import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import { useAuth } from "../../app/auth.js";
import { ErrorPanel } from "../../app/ui/ErrorPanel.js";
import { useRegistrationBrief } from "../rights/names.js";
import { useQualitySummary } from "./api.js";
import { FileForm } from "./FileForm.js";
import type { QualitySummary } from "./model.js";

const COUNTS = ["total", "open", "overdue", "responded", "resolved", "escalated", "decided"] as const;

/** One registered resource: its public feedback counts and, for others than its holder, the form. */
export function ResourceQuality({ registrationId }: { registrationId: string }) {
  const { t } = useTranslation();
  const auth = useAuth();
  const location = useLocation();
  const registration = useRegistrationBrief(registrationId);
  const summary = useQualitySummary(registrationId);
  const r = registration.data;
  const holder = !!r && r.holderParticipantId === auth.participant?.id;
  const next = encodeURIComponent(location.pathname + location.search);

  return (
    <section className="card" aria-labelledby="quality-resource-title" data-testid="quality-resource">
      <h2 id="quality-resource-title">
        {t("quality.resource.title")}
        {r && <>：{r.name}</>}
      </h2>
      {registration.error && <ErrorPanel error={registration.error} />}
      {r && (
        <p className="actions">
          <Link to={`/registrations/${r.id}`}>{t("quality.resource.open")}</Link>
          {r.registrationNumber && (
            <Link className="mono" to={`/certificates/${r.registrationNumber}`}>
              {t("quality.resource.certificate")} {r.registrationNumber}
            </Link>
          )}
        </p>
      )}
      <h3>{t("quality.resource.summary")}</h3>
      {summary.error && <ErrorPanel error={summary.error} />}
      {summary.data && <Counts summary={summary.data} />}
      {!auth.session ? (
        <p>
          <Link to={`/login?next=${next}`} data-testid="quality-login">
            {t("quality.resource.loginToFile")}
          </Link>
        </p>
      ) : holder ? (
        <p className="muted">{t("quality.resource.holderCannotFile")}</p>
      ) : (
        r && <FileForm registrationId={registrationId} />
      )}
    </section>
  );
}

function Counts({ summary }: { summary: QualitySummary }) {
  const { t } = useTranslation();
  return (
    <dl className="quality-counts" data-testid="quality-summary">
      {COUNTS.map((c) => (
        <div
          key={c}
          className={
            c === "overdue" && summary.overdue > 0 ? "quality-count quality-count-overdue" : "quality-count"
          }
        >
          <dt>{t(`quality.resource.counts.${c}`)}</dt>
          <dd data-testid={`quality-count-${c}`}>{summary[c]}</dd>
        </div>
      ))}
    </dl>
  );
}
