import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useFormatDateTime } from "../../app/format.js";
import { useParticipantName, useRegistrationBrief } from "../rights/names.js";
import { Deadline } from "./Deadline.js";
import { FeedbackActions } from "./FeedbackActions.js";
import type { Feedback } from "./model.js";

/** One piece of feedback: what was said, the deadline, the holder's answer, a decision, next steps. */
export function FeedbackItem({ feedback: f, showResource }: { feedback: Feedback; showResource?: boolean }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const filer = useParticipantName(f.filerParticipantId);
  const holder = useParticipantName(f.holderParticipantId);
  const registration = useRegistrationBrief(showResource ? f.registrationId : undefined);
  return (
    <li
      className={f.overdue ? "feedback-item feedback-overdue" : "feedback-item"}
      data-testid="feedback-item"
      data-feedback-id={f.id}
      data-status={f.status}
      data-overdue={String(f.overdue)}
    >
      <article aria-labelledby={`feedback-${f.id}`}>
        <h4 id={`feedback-${f.id}`} className="feedback-head">
          <span className={`badge badge-feedback-${f.kind}`}>{t(`quality.kind.${f.kind}`)}</span>
          {f.dimension && <span className="badge">{t(`quality.dimension.${f.dimension}`)}</span>}
          <span className={`badge badge-feedback-status-${f.status}`} data-testid="feedback-status">
            {t(`quality.status.${f.status}`)}
          </span>
        </h4>
        {showResource && (
          <p>
            {t("quality.lists.resource")}
            <Link to={`/quality?registration=${f.registrationId}`}>
              {registration.data?.name ?? f.registrationId}
            </Link>
          </p>
        )}
        <p className="feedback-text">{f.text}</p>
        {f.evidence.length > 0 && (
          <details>
            <summary>{t("quality.lists.evidence")}</summary>
            <ul>
              {f.evidence.map((e) => (
                <li key={e} className="mono">
                  {e}
                </li>
              ))}
            </ul>
          </details>
        )}
        <p className="muted">
          {t("quality.lists.filedAt", { date: formatDateTime(f.createdAt) })} ·{" "}
          {t("quality.lists.filer", { name: filer ?? f.filerParticipantId })} ·{" "}
          {t("quality.lists.holder", { name: holder ?? f.holderParticipantId })}
        </p>
        <p>
          <Deadline
            at={f.responseDeadlineAt}
            overdue={f.overdue}
            settled={f.status !== "open"}
            text={(late, vars) => t(late ? "quality.deadline.overdue" : "quality.deadline.due", vars)}
            testId="feedback-deadline"
          />
        </p>
        {f.response && (
          <div className="feedback-response" data-testid="feedback-response" data-response={f.response}>
            <strong>
              {t("quality.lists.responseTitle", { response: t(`quality.response.${f.response}`) })}
            </strong>
            {f.respondedLate && (
              <span className="badge badge-overdue">{t("quality.lists.respondedLate")}</span>
            )}
            <p>{f.responseText}</p>
          </div>
        )}
        {f.decision && (
          <div className="feedback-response" data-testid="feedback-decision">
            <strong>
              {t("quality.lists.decisionTitle", { decision: t(`quality.decision.${f.decision}`) })}
            </strong>
            <p>{f.decisionReason}</p>
          </div>
        )}
        <FeedbackActions feedback={f} />
      </article>
    </li>
  );
}
