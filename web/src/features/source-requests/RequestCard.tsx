import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useAuth } from "../../app/auth.js";
import { useFormatDateTime } from "../../app/format.js";
import { ErrorPanel } from "../../app/ui/ErrorPanel.js";
import { Deadline } from "../quality/Deadline.js";
import { saveFile } from "../rights/download.js";
import { useParticipantName, useRegistrationBrief } from "../rights/names.js";
import { fetchCopy, useWithdrawRequest } from "./api.js";
import { HolderActions } from "./HolderActions.js";
import type { SourceRequest } from "./model.js";

/** One copy request as its requester, its holder or an overseer sees it, with their next step. */
export function RequestCard({ request: r }: { request: SourceRequest }) {
  const { t, i18n } = useTranslation();
  const { participant } = useAuth();
  const formatDateTime = useFormatDateTime();
  const registration = useRegistrationBrief(r.registrationId);
  const requester = useParticipantName(r.requesterParticipantId);
  const holder = useParticipantName(r.holderParticipantId);
  const withdraw = useWithdrawRequest();
  const [download, setDownload] = useState<{ pending: boolean; error: unknown }>({
    pending: false,
    error: null,
  });
  const mine = participant?.id === r.requesterParticipantId;
  const theirs = participant?.id === r.holderParticipantId;
  const number = new Intl.NumberFormat(i18n.resolvedLanguage);

  const save = async () => {
    setDownload({ pending: true, error: null });
    try {
      saveFile(`${r.id}.${r.copy?.format ?? "csv"}`, await fetchCopy(r.id));
      setDownload({ pending: false, error: null });
    } catch (error) {
      setDownload({ pending: false, error });
    }
  };

  return (
    <li
      className={r.overdue ? "source-request feedback-overdue" : "source-request"}
      data-testid="source-request"
      data-request-id={r.id}
      data-status={r.status}
      data-overdue={String(r.overdue)}
    >
      <article aria-labelledby={`source-${r.id}`}>
        <h4 id={`source-${r.id}`} className="feedback-head">
          <Link to={`/quality?registration=${r.registrationId}`}>
            {registration.data?.name ?? r.registrationId}
          </Link>
          <span className={`badge badge-source-${r.status}`} data-testid="source-status">
            {t(`sourceRequests.status.${r.status}`)}
          </span>
        </h4>
        <dl className="facts">
          <dt>{t("sourceRequests.list.requester")}</dt>
          <dd>{requester ?? r.requesterParticipantId}</dd>
          <dt>{t("sourceRequests.list.holder")}</dt>
          <dd>{holder ?? r.holderParticipantId}</dd>
          <dt>{t("sourceRequests.list.identifier")}</dt>
          <dd>
            {t(`sourceRequests.identifierKind.${r.identifier.kind}`)}{" "}
            <span className="mono" data-testid="source-mask">
              {r.identifier.masked}
            </span>{" "}
            <span className="muted">
              (
              {r.identifier.verified
                ? t("sourceRequests.list.verified")
                : t("sourceRequests.list.unverified")}
              )
            </span>
          </dd>
          {r.note && (
            <>
              <dt>{t("sourceRequests.list.note")}</dt>
              <dd>{r.note}</dd>
            </>
          )}
          <dt>{t("sourceRequests.list.deadline")}</dt>
          <dd>
            <Deadline
              at={r.deadlineAt}
              overdue={r.overdue}
              settled={r.status !== "submitted"}
              text={(late, vars) =>
                t(late ? "sourceRequests.deadlineOverdue" : "sourceRequests.deadlineLabel", vars)
              }
              testId="source-deadline"
            />
            {r.answeredAt && (
              <>
                {" · "}
                {t("sourceRequests.list.answeredAt", { date: formatDateTime(r.answeredAt) })}
                {r.answeredLate && (
                  <span className="badge badge-overdue">{t("sourceRequests.list.answeredLate")}</span>
                )}
              </>
            )}
          </dd>
        </dl>
        {r.refusalReason && (
          <p className="notice">{t("sourceRequests.list.refusal", { reason: r.refusalReason })}</p>
        )}
        {r.copy && (
          <p data-testid="source-copy">
            {t("sourceRequests.list.copy", {
              rows: number.format(r.copy.rows),
              format: t(`sourceRequests.format.${r.copy.format}`),
              bytes: number.format(r.copy.bytes),
            })}
            <br />
            <span className="mono muted">
              {t("sourceRequests.list.copySha")} {r.copy.sha256}
            </span>
          </p>
        )}
        <div className="row-actions">
          {mine && r.status === "fulfilled" && (
            <button
              type="button"
              onClick={() => void save()}
              disabled={download.pending}
              data-testid="source-download"
            >
              {download.pending ? t("sourceRequests.list.downloading") : t("sourceRequests.list.download")}
            </button>
          )}
          {mine && r.status === "submitted" && (
            <button
              type="button"
              className="button-secondary"
              disabled={withdraw.isPending}
              onClick={() => withdraw.mutate(r.id)}
              data-testid="source-withdraw"
            >
              {t("sourceRequests.list.withdraw")}
            </button>
          )}
        </div>
        {theirs && <HolderActions request={r} />}
        {download.error !== null && <ErrorPanel error={download.error} />}
        {withdraw.error && <ErrorPanel error={withdraw.error} />}
      </article>
    </li>
  );
}
