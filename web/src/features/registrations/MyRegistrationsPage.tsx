import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useAuth } from "../../app/auth.js";
import { useFormatDateTime } from "../../app/format.js";
import { ErrorPanel } from "../../app/ui/ErrorPanel.js";
import { useMyRegistrations } from "./api.js";
import { RegistrationStatusBadge } from "./StatusBadge.js";

/** /registrations: the holder's registrations in every status, newest first. */
export function MyRegistrationsPage() {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const { participant } = useAuth();
  const list = useMyRegistrations(participant?.id);
  const items = [...(list.data?.items ?? [])].reverse();

  return (
    <section className="card">
      <h1>{t("registrations.mine.title")}</h1>
      <p className="muted">{t("registrations.mine.intro")}</p>
      <div className="actions">
        <Link to="/registrations/new" className="button" data-testid="reg-new">
          {t("registrations.mine.new")}
        </Link>
      </div>
      {list.isPending && <p className="muted">{t("common.loading")}</p>}
      {list.error && <ErrorPanel error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && items.length === 0 && <p className="muted">{t("registrations.mine.empty")}</p>}
      {items.length > 0 && (
        <table className="table table-cards">
          <thead>
            <tr>
              <th scope="col">{t("registrations.field.name")}</th>
              <th scope="col">{t("registrations.field.status")}</th>
              <th scope="col">{t("registrations.field.registrationNumber")}</th>
              <th scope="col">{t("registrations.field.updatedAt")}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((r) => (
              <tr
                key={r.id}
                data-testid="my-registration-row"
                data-registration-id={r.id}
                data-status={r.status}
              >
                <td data-label={t("registrations.field.name")}>
                  <Link to={`/registrations/${r.id}`}>{r.name}</Link>
                </td>
                <td data-label={t("registrations.field.status")}>
                  <RegistrationStatusBadge status={r.status} />
                </td>
                <td data-label={t("registrations.field.registrationNumber")}>
                  {r.registrationNumber ? (
                    <Link className="mono" to={`/certificates/${r.registrationNumber}`}>
                      {r.registrationNumber}
                    </Link>
                  ) : (
                    t("common.none")
                  )}
                </td>
                <td data-label={t("registrations.field.updatedAt")}>{formatDateTime(r.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
