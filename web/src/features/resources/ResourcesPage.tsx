import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import { useAuth } from "../../app/auth.js";
import { useFormatDateTime } from "../../app/format.js";
import { ErrorPanel } from "../../app/ui/ErrorPanel.js";
import { useDatasets } from "./api.js";
import { useNumbers } from "./format.js";
import { UploadPanel } from "./UploadPanel.js";

/** /resources: import a file into the holder's node (PR-3) and the datasets already there. */
export function ResourcesPage() {
  const { t } = useTranslation();
  const { participant } = useAuth();
  const location = useLocation();
  const deleted = (location.state as { deleted?: string } | null)?.deleted;
  const list = useDatasets(participant?.id);
  const n = useNumbers();
  const formatDate = useFormatDateTime();
  const items = list.data?.items ?? [];

  return (
    <section className="card resources" data-testid="resources-page">
      <h1>{t("resources.title")}</h1>
      <p className="muted">{t("resources.intro")}</p>
      {deleted && (
        <p className="notice notice-success" role="status">
          {t("resources.delete.deleted", { name: deleted })}
        </p>
      )}
      <UploadPanel />
      <h2>{t("resources.list.title")}</h2>
      {list.isPending && <p className="muted">{t("common.loading")}</p>}
      {list.error && <ErrorPanel error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && items.length === 0 && (
        <p className="muted" data-testid="datasets-empty">
          {t("resources.list.empty")}
        </p>
      )}
      {items.length > 0 && (
        <table className="table" data-testid="datasets">
          <thead>
            <tr>
              <th scope="col">{t("resources.list.name")}</th>
              <th scope="col">{t("resources.list.file")}</th>
              <th scope="col">{t("resources.list.format")}</th>
              <th scope="col">{t("resources.list.rows")}</th>
              <th scope="col">{t("resources.list.columns")}</th>
              <th scope="col">{t("resources.list.size")}</th>
              <th scope="col">{t("resources.list.importedAt")}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((d) => (
              <tr key={d.id} data-testid="dataset-row" data-id={d.id}>
                <th scope="row">
                  <Link to={`/resources/${d.id}`}>{d.name}</Link>
                </th>
                <td>{d.sourceFile}</td>
                <td>{d.format}</td>
                <td>{n.int(d.rows)}</td>
                <td>{d.columns.length}</td>
                <td>{n.bytes(d.bytes)}</td>
                <td>{formatDate(d.importedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
