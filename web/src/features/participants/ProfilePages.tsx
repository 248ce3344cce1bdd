import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { api } from "../../app/api.js";
import { meQuery, useAuth } from "../../app/auth.js";
import type { Participant } from "../../app/types.js";
import { ErrorPanel } from "../../app/ui/ErrorPanel.js";
import { ParticipantFacts } from "./ParticipantFacts.js";
import { UserFacts } from "./UserFacts.js";

/** /participants/me: the signed-in user's participant, and the user. */
export function MyParticipantPage() {
  const { t } = useTranslation();
  const { session } = useAuth();
  const me = useQuery(meQuery(session?.user.id));

  return (
    <section className="card">
      <h1>{t("profile.mineTitle")}</h1>
      {me.isPending && <p className="muted">{t("common.loading")}</p>}
      {me.error && <ErrorPanel error={me.error} onRetry={() => void me.refetch()} />}
      {me.data && (
        <>
          <ParticipantFacts participant={me.data.participant} />
          <h2>{t("profile.userSection")}</h2>
          <UserFacts user={me.data.user} />
        </>
      )}
    </section>
  );
}

/** /participants/:id: any participant the server lets this user see. */
export function ParticipantPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const participant = useQuery({
    queryKey: ["participants", id],
    queryFn: ({ signal }) => api<Participant>(`/participants/${encodeURIComponent(id)}`, { signal }),
  });

  return (
    <section className="card">
      <h1>{participant.data?.name ?? t("profile.title")}</h1>
      {participant.isPending && <p className="muted">{t("common.loading")}</p>}
      {participant.error && (
        <ErrorPanel error={participant.error} onRetry={() => void participant.refetch()} />
      )}
      {participant.data && <ParticipantFacts participant={participant.data} />}
    </section>
  );
}
