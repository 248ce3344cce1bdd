import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormatDateTime } from "../../app/format.js";
import { deadlineParts, formatRelative } from "./deadline.js";

/** The current time, ticking every `ms`, so countdowns move while the page stays open. */
export function useNow(ms = 60_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}

interface Props {
  at: string;
  /** the server's own overdue flag (its clock decides); the local clock only words the distance */
  overdue: boolean;
  /** answered or closed: show the date only, no countdown */
  settled?: boolean;
  /** the words around the date and the relative time, e.g. t("quality.deadline.due", vars) */
  text: (late: boolean, vars: { date: string; relative: string }) => string;
  testId?: string;
}

/** A deadline with its relative time ("in 3 days"), overdue ones highlighted and announced as such. */
export function Deadline({ at, overdue, settled, text, testId }: Props) {
  const { t, i18n } = useTranslation();
  const now = useNow();
  const formatDateTime = useFormatDateTime();
  const date = formatDateTime(at);
  if (settled)
    return (
      <time dateTime={at} data-testid={testId}>
        {t("quality.deadline.settled", { date })}
      </time>
    );
  const parts = deadlineParts(at, now);
  const late = overdue || parts.overdue;
  const relative = formatRelative(parts, i18n.resolvedLanguage ?? "zh-CN");
  return (
    <span
      className={late ? "deadline deadline-overdue" : parts.soon ? "deadline deadline-soon" : "deadline"}
      data-testid={testId}
      data-overdue={String(late)}
    >
      {late && <span className="badge badge-overdue">{t("quality.deadline.overdueBadge")}</span>}
      {!late && parts.soon && <span className="badge badge-soon">{t("quality.deadline.soonBadge")}</span>}{" "}
      <time dateTime={at}>
        {/* the server's clock said overdue while this one is behind it: no "in N days" beside it */}
        {late && !parts.overdue ? t("quality.deadline.settled", { date }) : text(late, { date, relative })}
      </time>
    </span>
  );
}
