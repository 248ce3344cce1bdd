import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { useAuth } from "../../app/auth.js";
import { useFormatDateTime } from "../../app/format.js";
import { ErrorPanel } from "../../app/ui/ErrorPanel.js";
import { useDataset, useScan } from "./api.js";
import { ClassifyForm } from "./ClassifyForm.js";
import { DeleteDataset } from "./DeleteDataset.js";
import { useNumbers } from "./format.js";
import type { Dataset } from "./model.js";
import { ProfileSection } from "./ProfileSection.js";
import { ScanTable } from "./ScanSection.js";

/** /resources/:id: one dataset of the holder's node — facts, profile, PII scan, classification. */
export function DatasetPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const dataset = useDataset(id);
  return (
    <section className="card resources" data-testid="dataset-page">
      <Link to="/resources">{t("resources.dataset.back")}</Link>
      {dataset.isPending && <p className="muted">{t("common.loading")}</p>}
      {dataset.error && <ErrorPanel error={dataset.error} onRetry={() => void dataset.refetch()} />}
      {dataset.data && <DatasetView dataset={dataset.data} />}
    </section>
  );
}

function DatasetView({ dataset: d }: { dataset: Dataset }) {
  const { t } = useTranslation();
  const { participant } = useAuth();
  const n = useNumbers();
  const formatDate = useFormatDateTime();
  const scan = useScan(d.id);
  return (
    <>
      <h1 data-testid="dataset-name">{d.name}</h1>
      <h2>{t("resources.dataset.facts")}</h2>
      <dl className="facts">
        <dt>{t("resources.dataset.id")}</dt>
        <dd className="mono">{d.id}</dd>
        <dt>{t("resources.list.file")}</dt>
        <dd>{d.sourceFile}</dd>
        <dt>{t("resources.list.format")}</dt>
        <dd>{d.format}</dd>
        <dt>{t("resources.list.rows")}</dt>
        <dd>{n.int(d.rows)}</dd>
        <dt>{t("resources.list.size")}</dt>
        <dd>{n.bytes(d.bytes)}</dd>
        <dt>{t("resources.dataset.sha256")}</dt>
        <dd className="mono resources-hash">{d.sha256}</dd>
        <dt>{t("resources.list.importedAt")}</dt>
        <dd>{formatDate(d.importedAt)}</dd>
      </dl>
      <ProfileSection id={d.id} />
      <section aria-labelledby="scan-title" data-testid="scan">
        <h2 id="scan-title">{t("resources.scan.title")}</h2>
        {scan.isPending && (
          <p className="muted" role="status">
            {t("resources.dataset.loadingScan")}
          </p>
        )}
        {scan.error && <ErrorPanel error={scan.error} onRetry={() => void scan.refetch()} />}
        {scan.data && <ScanTable scan={scan.data} />}
      </section>
      <section aria-labelledby="classify-title">
        <h2 id="classify-title">{t("resources.classify.title")}</h2>
        {scan.data && <ClassifyForm datasetId={d.id} scan={scan.data} holderType={participant?.type ?? ""} />}
      </section>
      <div className="resources-danger">
        <DeleteDataset dataset={d} />
      </div>
    </>
  );
}
