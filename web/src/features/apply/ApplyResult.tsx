import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Participant } from "../../app/types.js";
import { StatusBadge } from "../../app/ui/StatusBadge.js";

export function ApplyResult({ participant, onAnother }: { participant: Participant; onAnother: () => void }) {
  const { t } = useTranslation();
  return (
    <section
      className="card card-narrow"
      data-testid="apply-result"
      data-participant-id={participant.id}
      data-status={participant.status}
    >
      <h1>{t("apply.successTitle")}</h1>
      <dl className="facts">
        <dt>{t("apply.applicationId")}</dt>
        <dd>
          <code data-testid="apply-result-id">{participant.id}</code>
        </dd>
        <dt>{t("apply.status")}</dt>
        <dd>
          <StatusBadge status={participant.status} /> <code>{participant.status}</code>
        </dd>
      </dl>
      <p role="status">{t("apply.successBody")}</p>
      <div className="actions">
        <Link to="/login" className="button">
          {t("apply.toLogin")}
        </Link>
        <button type="button" className="button-secondary" onClick={onAnother}>
          {t("apply.another")}
        </button>
      </div>
    </section>
  );
}
