import { useTranslation } from "react-i18next";
import { useAuth } from "../../app/auth.js";
import { ErrorPanel } from "../../app/ui/ErrorPanel.js";
import { useFeedbackList } from "./api.js";
import { FeedbackItem } from "./FeedbackItem.js";
import type { Feedback } from "./model.js";

/** My feedback, filed and received; for the overseers first the escalated (and decided) and the overdue lists. */
export function FeedbackLists({ registration }: { registration?: string }) {
  const { t } = useTranslation();
  const { participant } = useAuth();
  const overseer = participant?.type === "exchange_operator" || participant?.type === "regulator";
  const mine = useFeedbackList(registration ? { registration } : {});
  const overdue = useFeedbackList({ overdue: true, ...(registration ? { registration } : {}) }, overseer);
  const items = mine.data?.items ?? [];
  const newest = (list: Feedback[]) => [...list].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  // an overseer's own list also holds every escalated item and its decision (the server adds them)
  const escalated = items.filter((f) => f.status === "escalated" || f.status === "decided");

  return (
    <>
      {overseer && mine.data && (
        <List
          title={t("quality.lists.escalated")}
          items={newest(escalated)}
          testId="feedback-escalated"
          showResource
        />
      )}
      {overseer && overdue.data && (
        <List
          title={t("quality.lists.overdue")}
          items={newest(overdue.data.items)}
          testId="feedback-overdue"
          showResource
        />
      )}
      {mine.error && <ErrorPanel error={mine.error} onRetry={() => void mine.refetch()} />}
      {mine.isPending && <p className="muted">{t("common.loading")}</p>}
      {mine.data && (
        <>
          <List
            title={t("quality.lists.received")}
            items={newest(items.filter((f) => f.holderParticipantId === participant?.id))}
            testId="feedback-received"
            showResource={!registration}
          />
          <List
            title={t("quality.lists.filed")}
            items={newest(items.filter((f) => f.filerParticipantId === participant?.id))}
            testId="feedback-filed"
            showResource={!registration}
          />
        </>
      )}
      {overdue.error && <ErrorPanel error={overdue.error} />}
    </>
  );
}

function List(props: { title: string; items: Feedback[]; testId: string; showResource: boolean }) {
  const { t } = useTranslation();
  const headingId = `${props.testId}-title`;
  return (
    <section className="card" aria-labelledby={headingId} data-testid={props.testId}>
      <h2 id={headingId}>{props.title}</h2>
      {props.items.length === 0 ? (
        <p className="muted">{t("quality.lists.empty")}</p>
      ) : (
        <ul className="feedback-list">
          {props.items.map((f) => (
            <FeedbackItem key={f.id} feedback={f} showResource={props.showResource} />
          ))}
        </ul>
      )}
    </section>
  );
}
