import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { useAuth } from "../../app/auth.js";
import { ErrorPanel } from "../../app/ui/ErrorPanel.js";
import { useRegistration } from "./api.js";
import { HolderActions } from "./HolderActions.js";
import { ObjectionsPanel } from "./ObjectionsPanel.js";
import { RegistrationFacts } from "./RegistrationFacts.js";
import { ReviewActions } from "./ReviewActions.js";
import { isReviewer } from "./roles.js";

/**
 * /registrations/:id: one registration as the caller may see it (public ones for anyone), with the
 * steps the caller may take: the holder's, the reviewer's, and a way to object during the notice.
 */
export function RegistrationPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const auth = useAuth();
  const registration = useRegistration(id);
  const r = registration.data;
  const holder = !!r && auth.participant?.id === r.holderParticipantId;
  const reviewer = isReviewer(auth);

  return (
    <section className="card reg-detail">
      {holder && <Link to="/registrations">{t("registrations.detail.backToMine")}</Link>}
      {reviewer && !holder && <Link to="/review">{t("registrations.review.title")}</Link>}
      {registration.isPending && <p className="muted">{t("common.loading")}</p>}
      {registration.error && <ErrorPanel error={registration.error} />}
      {r && (
        <>
          <h1 data-testid="registration-name">{r.name}</h1>
          <RegistrationFacts registration={r} />
          {r.registrationNumber && (
            <div className="actions">
              <Link
                className="button button-secondary"
                to={`/certificates/${r.registrationNumber}`}
                data-testid="reg-certificate"
              >
                {t("registrations.detail.certificate")}
              </Link>
            </div>
          )}
          {holder && <HolderActions registration={r} />}
          {reviewer && <ReviewActions registration={r} />}
          {r.status === "in_notice" && auth.session && !holder && !reviewer && (
            <div className="actions">
              <Link className="button" to={`/notices#${r.id}`} data-testid="reg-object">
                {t("notices.object")}
              </Link>
            </div>
          )}
          {auth.session && <ObjectionsPanel registration={r} canDecide={reviewer} />}
        </>
      )}
    </section>
  );
}
