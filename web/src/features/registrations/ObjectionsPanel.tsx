import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormatDateTime } from "../../app/format.js";
import { ErrorPanel } from "../../app/ui/ErrorPanel.js";
import { useDecideObjection, useObjections, useParticipantName } from "./api.js";
import type { Objection, Registration } from "./model.js";
import { ReasonForm } from "./ReasonForm.js";
import { RegistrationError } from "./RegistrationError.js";

/**
 * Objections to one registration (异议): the holder and the overseers see all, an objector its own.
 * A reviewer upholds or dismisses each open one with a reason while the notice runs.
 */
export function ObjectionsPanel({
  registration,
  canDecide,
}: {
  registration: Registration;
  canDecide: boolean;
}) {
  const { t } = useTranslation();
  const list = useObjections(registration.id, registration.noticeStartsAt !== null);
  const decide = useDecideObjection();
  const items = list.data?.items ?? [];
  if (registration.noticeStartsAt === null) return null;

  return (
    <section aria-labelledby={`objections-${registration.id}`} data-testid="objections-panel">
      <h2 id={`objections-${registration.id}`}>{t("registrations.objections.title")}</h2>
      {list.isPending && <p className="muted">{t("common.loading")}</p>}
      {list.error && <ErrorPanel error={list.error} />}
      {decide.error && <RegistrationError error={decide.error} />}
      {list.data && items.length === 0 && <p className="muted">{t("registrations.objections.empty")}</p>}
      {items.map((o) => (
        <ObjectionItem
          key={o.id}
          objection={o}
          pending={decide.isPending}
          canDecide={canDecide && registration.status === "in_notice" && o.status === "open"}
          onDecide={(decision, reason) => decide.mutate({ id: o.id, decision, reason })}
        />
      ))}
    </section>
  );
}

interface ItemProps {
  objection: Objection;
  canDecide: boolean;
  pending: boolean;
  onDecide: (decision: "upheld" | "dismissed", reason: string) => void;
}

function ObjectionItem({ objection: o, canDecide, pending, onDecide }: ItemProps) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const objector = useParticipantName(o.objectorParticipantId);
  const [deciding, setDeciding] = useState<"upheld" | "dismissed" | null>(null);
  const tone = o.status === "open" ? "badge-pending" : o.status === "upheld" ? "badge-rejected" : "";

  return (
    <article
      className="reg-objection"
      data-testid="objection"
      data-objection-id={o.id}
      data-status={o.status}
    >
      <dl className="facts">
        <dt>{t("registrations.objections.objector")}</dt>
        <dd>{objector ?? o.objectorParticipantId}</dd>
        <dt>{t("registrations.objections.filedAt")}</dt>
        <dd>{formatDateTime(o.createdAt)}</dd>
        <dt>{t("registrations.field.status")}</dt>
        <dd>
          <span className={`badge ${tone}`}>{t(`registrations.objections.status.${o.status}`)}</span>
        </dd>
        <dt>{t("registrations.objections.reasons")}</dt>
        <dd className="reg-prose">{o.reasons}</dd>
        {o.evidence.length > 0 && (
          <>
            <dt>{t("registrations.objections.evidence")}</dt>
            <dd>
              <ul className="reg-evidence">
                {o.evidence.map((e) => (
                  <li key={e} className="mono">
                    {e}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
        {o.decisionReason && (
          <>
            <dt>{t("registrations.objections.decision")}</dt>
            <dd className="reg-prose">{o.decisionReason}</dd>
          </>
        )}
      </dl>
      {canDecide && !deciding && (
        <div className="actions">
          <button
            type="button"
            className="button-danger-outline"
            onClick={() => setDeciding("upheld")}
            data-testid="objection-uphold"
          >
            {t("registrations.objections.uphold")}
          </button>
          <button
            type="button"
            className="button-secondary"
            onClick={() => setDeciding("dismissed")}
            data-testid="objection-dismiss"
          >
            {t("registrations.objections.dismiss")}
          </button>
        </div>
      )}
      {canDecide && deciding && (
        <ReasonForm
          key={deciding}
          label={`${t(deciding === "upheld" ? "registrations.objections.uphold" : "registrations.objections.dismiss")} · ${t("registrations.objections.decisionReason")}`}
          hint={t("registrations.objections.decisionHint")}
          confirmLabel={t("registrations.objections.confirm")}
          danger={deciding === "upheld"}
          pending={pending}
          testId="objection-form"
          onCancel={() => setDeciding(null)}
          onConfirm={(reason) => onDecide(deciding, reason)}
        />
      )}
    </article>
  );
}
