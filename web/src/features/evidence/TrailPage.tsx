import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { useFormatDateTime } from "../../app/format.js";
import { ErrorPanel } from "../../app/ui/ErrorPanel.js";
import { useTrail } from "./api.js";
import { BackToOverview } from "./EntryPages.js";
import { entryPath, trailPath } from "./lookup.js";

/** /evidence/trail/:subjectId — every entry about one record, in log order (newest last). */
export function TrailPage() {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const { subjectId = "" } = useParams();
  const trail = useTrail(subjectId);
  const items = trail.data?.items ?? [];

  return (
    <div className="evidence-stack">
      <div>
        <BackToOverview />
      </div>
      <section className="card">
        <h1>{t("evidence.trailTitle", { subject: subjectId })}</h1>
        <p className="muted">{t("evidence.trailIntro")}</p>
        {trail.isPending && <p className="muted">{t("common.loading")}</p>}
        {trail.error && <ErrorPanel error={trail.error} onRetry={() => void trail.refetch()} />}
        {trail.data && items.length === 0 && (
          <p data-testid="evidence-trail-empty">{t("evidence.trailEmpty")}</p>
        )}
        {items.length > 0 && (
          <table className="table table-cards" data-testid="evidence-trail">
            <thead>
              <tr>
                <th scope="col">{t("evidence.index")}</th>
                <th scope="col">{t("evidence.eventType")}</th>
                <th scope="col">{t("evidence.occurredAt")}</th>
                <th scope="col">{t("evidence.subjects")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((e) => (
                <tr key={e.index} data-testid="evidence-trail-row" data-index={e.index}>
                  <td data-label={t("evidence.index")}>
                    <Link to={entryPath(e.index)}>#{e.index}</Link>
                  </td>
                  <td data-label={t("evidence.eventType")}>
                    <code>{typeof e.entry.type === "string" ? e.entry.type : t("common.none")}</code>
                  </td>
                  <td data-label={t("evidence.occurredAt")}>
                    {formatDateTime(
                      typeof e.entry.occurredAt === "string" ? e.entry.occurredAt : e.sequencedAt,
                    )}
                  </td>
                  <td data-label={t("evidence.subjects")}>
                    <ul className="evidence-subjects">
                      {(Array.isArray(e.entry.subjectIds) ? e.entry.subjectIds : [])
                        .filter((s): s is string => typeof s === "string" && s !== subjectId)
                        .map((s) => (
                          <li key={s}>
                            <Link to={trailPath(s)} className="mono">
                              {s}
                            </Link>
                          </li>
                        ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {trail.data?.truncated && (
          <p className="muted">{t("evidence.trailTruncated", { count: items.length })}</p>
        )}
      </section>
    </div>
  );
}
