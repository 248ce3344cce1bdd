import { useTranslation } from "react-i18next";
import { useNumbers } from "./format.js";
import type { ColumnFinding, Scan } from "./model.js";

/** The PII scan (PR-1, PR-8): per column the detected label, confidence, match rate and flags. */
export function ScanTable({ scan }: { scan: Scan }) {
  const { t } = useTranslation();
  const n = useNumbers();
  return (
    <>
      <p>{t("resources.scan.summary", { sampled: n.int(scan.sampledRows), rows: n.int(scan.rows) })}</p>
      <div className="table-scroll">
        <table className="table resources-scan" data-testid="scan-columns">
          <thead>
            <tr>
              <th scope="col">{t("resources.scan.column")}</th>
              <th scope="col">{t("resources.scan.label")}</th>
              <th scope="col">{t("resources.scan.confidence")}</th>
              <th scope="col">{t("resources.scan.matchRate")}</th>
              <th scope="col">{t("resources.scan.flags")}</th>
              <th scope="col">{t("resources.scan.example")}</th>
            </tr>
          </thead>
          <tbody>
            {scan.columns.map((c) => (
              <FindingRow key={c.name} finding={c} />
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function FindingRow({ finding: c }: { finding: ColumnFinding }) {
  const { t } = useTranslation();
  const n = useNumbers();
  return (
    <tr
      data-testid="scan-row"
      data-column={c.name}
      data-label={c.label}
      data-personal={c.personal}
      data-sensitive={c.sensitive}
    >
      <th scope="row" className="mono">
        {c.name}
      </th>
      <td>{c.label === "none" ? t("resources.scan.none") : t(`resources.pii.${c.label}`)}</td>
      <td>{c.label === "none" ? t("common.none") : n.pct(c.confidence)}</td>
      <td>{n.pct(c.matchRate)}</td>
      <td>
        {c.sensitive ? (
          <span className="badge badge-sensitive">{t("resources.scan.sensitive")}</span>
        ) : c.personal ? (
          <span className="badge badge-personal">{t("resources.scan.personal")}</span>
        ) : (
          <span className="muted">{t("resources.scan.notPersonal")}</span>
        )}
      </td>
      <td className="mono">{c.example ?? t("common.none")}</td>
    </tr>
  );
}
