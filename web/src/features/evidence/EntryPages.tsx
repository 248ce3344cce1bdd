import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { useFormatDateTime } from "../../app/format.js";
import { ErrorPanel } from "../../app/ui/ErrorPanel.js";
import { useEntry, useLeafEntries } from "./api.js";
import { EntryView } from "./EntryView.js";
import { LookupForm } from "./LookupForm.js";
import { entryPath } from "./lookup.js";

export function BackToOverview() {
  const { t } = useTranslation();
  return (
    <Link to="/evidence" className="evidence-back">
      ← {t("evidence.backToOverview")}
    </Link>
  );
}

/** /evidence/entries/:index */
export function EntryPage() {
  const { index: param = "" } = useParams();
  const index = /^[0-9]{1,16}$/.test(param) ? Number(param) : Number.NaN;
  return Number.isSafeInteger(index) ? (
    <EntryByIndex key={index} index={index} />
  ) : (
    <BadLookup value={param} />
  );
}

function EntryByIndex({ index }: { index: number }) {
  const { t } = useTranslation();
  const entry = useEntry(index);
  return (
    <div className="evidence-stack">
      <div>
        <BackToOverview />
        <div className="card">
          <LookupForm initial={String(index)} />
        </div>
      </div>
      <section className="card">
        <h1>{t("evidence.entryTitle", { index })}</h1>
        {entry.isPending && <p className="muted">{t("common.loading")}</p>}
        {entry.error && <ErrorPanel error={entry.error} onRetry={() => void entry.refetch()} />}
        {entry.data && <EntryView entry={entry.data} />}
      </section>
    </div>
  );
}

/** /evidence/leaves/:leafHash — one match shows the entry, several are listed. */
export function LeafPage() {
  const { leafHash: param = "" } = useParams();
  const leafHash = param.toLowerCase();
  return /^[0-9a-f]{64}$/.test(leafHash) ? (
    <EntriesByLeaf key={leafHash} leafHash={leafHash} />
  ) : (
    <BadLookup value={param} />
  );
}

function EntriesByLeaf({ leafHash }: { leafHash: string }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const entries = useLeafEntries(leafHash);
  const items = entries.data?.items ?? [];
  const only = items.length === 1 ? items[0] : undefined;

  return (
    <div className="evidence-stack">
      <div>
        <BackToOverview />
        <div className="card">
          <LookupForm initial={leafHash} />
        </div>
      </div>
      <section className="card">
        <h1>{only ? t("evidence.entryTitle", { index: only.index }) : t("evidence.leafTitle")}</h1>
        {entries.isPending && <p className="muted">{t("common.loading")}</p>}
        {entries.error && <ErrorPanel error={entries.error} onRetry={() => void entries.refetch()} />}
        {only && <EntryView entry={only} />}
        {items.length > 1 && (
          <>
            <p>
              {t("evidence.leafMatches")} <code className="hash">{leafHash}</code>
            </p>
            <ul className="link-list">
              {items.map((e) => (
                <li key={e.index}>
                  <Link to={entryPath(e.index)}>{t("evidence.entryTitle", { index: e.index })}</Link>{" "}
                  <code>{String(e.entry.type ?? "")}</code> · {formatDateTime(e.sequencedAt)}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </div>
  );
}

function BadLookup({ value }: { value: string }) {
  const { t } = useTranslation();
  return (
    <div className="evidence-stack">
      <div>
        <BackToOverview />
        <div className="card">
          <LookupForm initial={value} />
        </div>
      </div>
      <div className="notice notice-error" role="alert">
        <p>{t("evidence.lookupInvalid")}</p>
      </div>
    </div>
  );
}
