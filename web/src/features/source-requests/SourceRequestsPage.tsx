import { useTranslation } from "react-i18next";
import { useAuth } from "../../app/auth.js";
import { ErrorPanel } from "../../app/ui/ErrorPanel.js";
import { useSourceRequests } from "./api.js";
import type { SourceRequest } from "./model.js";
import { RequestCard } from "./RequestCard.js";
import { RequestForm } from "./RequestForm.js";

/**
 * /source-requests: ask a holder for a copy of my data and follow my requests; answer the ones
 * addressed to us; for the regulator and the operator, the overdue list.
 */
export function SourceRequestsPage() {
  const { t } = useTranslation();
  const { participant } = useAuth();
  const overseer = participant?.type === "exchange_operator" || participant?.type === "regulator";
  const list = useSourceRequests();
  const overdue = useSourceRequests(true, overseer);
  const items = [...(list.data?.items ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt));

  return (
    <div className="page-stack">
      <section className="card">
        <h1>{t("sourceRequests.title")}</h1>
        <p className="muted">{t("sourceRequests.intro")}</p>
      </section>
      {!overseer && <RequestForm />}
      {list.error && <ErrorPanel error={list.error} onRetry={() => void list.refetch()} />}
      {list.isPending && <p className="muted">{t("common.loading")}</p>}
      {list.data && (
        <>
          <Requests
            title={t("sourceRequests.list.mine")}
            items={items.filter((r) => r.requesterParticipantId === participant?.id)}
            testId="source-mine"
          />
          <Requests
            title={t("sourceRequests.list.received")}
            items={items.filter((r) => r.holderParticipantId === participant?.id)}
            testId="source-received"
          />
        </>
      )}
      {overseer && (
        <>
          {overdue.error && <ErrorPanel error={overdue.error} />}
          {overdue.data && (
            <Requests
              title={t("sourceRequests.list.overdue")}
              intro={t("sourceRequests.overseer.intro")}
              items={overdue.data.items}
              testId="source-overdue"
            />
          )}
        </>
      )}
    </div>
  );
}

function Requests(props: { title: string; intro?: string; items: SourceRequest[]; testId: string }) {
  const { t } = useTranslation();
  const headingId = `${props.testId}-title`;
  return (
    <section className="card" aria-labelledby={headingId} data-testid={props.testId}>
      <h2 id={headingId}>{props.title}</h2>
      {props.intro && <p className="muted">{props.intro}</p>}
      {props.items.length === 0 ? (
        <p className="muted">{t("sourceRequests.list.empty")}</p>
      ) : (
        <ul className="feedback-list">
          {props.items.map((r) => (
            <RequestCard key={r.id} request={r} />
          ))}
        </ul>
      )}
    </section>
  );
}
