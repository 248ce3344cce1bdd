import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useFormatDateTime } from "../../app/format.js";
import { ErrorPanel } from "../../app/ui/ErrorPanel.js";
import { useParticipantName, useRegistrationsIn, useReviewQueue } from "./api.js";
import type { Registration } from "./model.js";
import { RegistrationStatusBadge } from "./StatusBadge.js";

/** /review: what the exchange's reviewers have to do — formal reviews, then notices and objections. */
export function ReviewQueuePage() {
  const { t } = useTranslation();
  const queue = useReviewQueue();
  const notices = useRegistrationsIn("in_notice");
  const awaiting = (queue.data?.items ?? []).filter((r) => r.status !== "in_notice");
  // The server lists notices whose period is over (by its clock) in the queue: those are due.
  const due = new Set((queue.data?.items ?? []).filter((r) => r.status === "in_notice").map((r) => r.id));

  return (
    <section className="card">
      <h1>{t("registrations.review.title")}</h1>
      <p className="muted">{t("registrations.review.intro")}</p>
      <h2>{t("registrations.review.queue")}</h2>
      {queue.isPending && <p className="muted">{t("common.loading")}</p>}
      {queue.error && <ErrorPanel error={queue.error} onRetry={() => void queue.refetch()} />}
      {queue.data && awaiting.length === 0 && <p className="muted">{t("registrations.review.queueEmpty")}</p>}
      {awaiting.length > 0 && <QueueTable items={awaiting} due={due} testId="review-queue" />}
      <h2>{t("registrations.review.inNotice")}</h2>
      {notices.error && <ErrorPanel error={notices.error} onRetry={() => void notices.refetch()} />}
      {notices.data && notices.data.items.length === 0 && (
        <p className="muted">{t("registrations.review.inNoticeEmpty")}</p>
      )}
      {notices.data && notices.data.items.length > 0 && (
        <QueueTable items={notices.data.items} due={due} testId="review-notices" />
      )}
    </section>
  );
}

function QueueTable({ items, due, testId }: { items: Registration[]; due: Set<string>; testId: string }) {
  const { t } = useTranslation();
  return (
    <table className="table table-cards" data-testid={testId}>
      <thead>
        <tr>
          <th scope="col">{t("registrations.field.name")}</th>
          <th scope="col">{t("registrations.field.holder")}</th>
          <th scope="col">{t("registrations.field.status")}</th>
          <th scope="col">{t("registrations.field.updatedAt")}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((r) => (
          <QueueRow key={r.id} registration={r} due={due.has(r.id)} />
        ))}
      </tbody>
    </table>
  );
}

function QueueRow({ registration: r, due }: { registration: Registration; due: boolean }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const holder = useParticipantName(r.holderParticipantId);
  return (
    <tr data-testid="queue-row" data-registration-id={r.id} data-status={r.status} data-due={due}>
      <td data-label={t("registrations.field.name")}>
        <Link to={`/registrations/${r.id}`}>{r.name}</Link>
      </td>
      <td data-label={t("registrations.field.holder")}>{holder ?? r.holderParticipantId}</td>
      <td data-label={t("registrations.field.status")}>
        <RegistrationStatusBadge status={r.status} />
        {due && <span className="badge badge-admitted reg-due">{t("registrations.review.due")}</span>}
      </td>
      <td data-label={t("registrations.field.updatedAt")}>
        {r.status === "in_notice"
          ? `${t("registrations.field.noticeEndsAt")} ${formatDateTime(r.noticeEndsAt)}`
          : formatDateTime(r.updatedAt)}
      </td>
    </tr>
  );
}
