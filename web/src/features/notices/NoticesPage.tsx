import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import { useAuth } from "../../app/auth.js";
import { useFormatDateTime } from "../../app/format.js";
import { ErrorPanel } from "../../app/ui/ErrorPanel.js";
import { useParticipantName, useRegistrationsIn } from "../registrations/api.js";
import type { Registration } from "../registrations/model.js";
import { daysLeft } from "./lines.js";
import { ObjectionForm } from "./ObjectionForm.js";

/** /notices (公示): every registration in public notice, readable without logging in. */
export function NoticesPage() {
  const { t } = useTranslation();
  const list = useRegistrationsIn("in_notice");
  const items = list.data?.items ?? [];

  return (
    <section className="card">
      <h1>{t("notices.title")}</h1>
      <p className="muted">{t("notices.intro")}</p>
      <p>
        <Link to="/certificates/verify">{t("notices.verifyCertificate")}</Link>
      </p>
      {list.isPending && <p className="muted">{t("common.loading")}</p>}
      {list.error && <ErrorPanel error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && items.length === 0 && (
        <p className="muted" data-testid="notices-empty">
          {t("notices.empty")}
        </p>
      )}
      {items.map((r) => (
        <NoticeItem key={r.id} registration={r} />
      ))}
    </section>
  );
}

function NoticeItem({ registration: r }: { registration: Registration }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const auth = useAuth();
  const location = useLocation();
  const holder = useParticipantName(r.holderParticipantId);
  const [objecting, setObjecting] = useState(location.hash === `#${r.id}`);
  const [filed, setFiled] = useState(false);
  const left = daysLeft(r.noticeEndsAt, Date.now());
  const own = auth.participant?.id === r.holderParticipantId;
  const next = encodeURIComponent(`/notices#${r.id}`);

  return (
    <article className="notice-item" id={r.id} data-testid="notice-item" data-registration-id={r.id}>
      <h2>
        <Link to={`/registrations/${r.id}`}>{r.name}</Link>
      </h2>
      {r.description && <p className="notice-item-description">{r.description}</p>}
      <dl className="facts">
        <dt>{t("notices.holder")}</dt>
        <dd>{holder ?? r.holderParticipantId}</dd>
        <dt>{t("notices.classGrade")}</dt>
        <dd>
          {t(`registrations.originClass.${r.originClass}`)} · {t(`registrations.grade.${r.grade}`)}
          {r.sensitivePersonal && ` · ${t("registrations.field.sensitivePersonal")}`}
        </dd>
        <dt>{t("notices.endsAt")}</dt>
        <dd data-testid="notice-ends">
          {formatDateTime(r.noticeEndsAt)} (
          {left > 0 ? t("notices.remaining", { days: left }) : t("notices.ended")})
        </dd>
      </dl>
      {filed && (
        <p className="notice notice-success" role="status" data-testid="objection-filed">
          {t("notices.filed")}
        </p>
      )}
      {!objecting && (
        <div className="actions">
          {!auth.session && <Link to={`/login?next=${next}`}>{t("notices.loginToObject")}</Link>}
          {auth.session && own && <span className="muted">{t("notices.yours")}</span>}
          {auth.session && !own && left > 0 && (
            <button type="button" onClick={() => setObjecting(true)} data-testid="notice-object">
              {t("notices.object")}
            </button>
          )}
        </div>
      )}
      {objecting && auth.session && !own && (
        <ObjectionForm
          registrationId={r.id}
          onDone={(done) => {
            setObjecting(false);
            setFiled(done);
          }}
        />
      )}
    </article>
  );
}
