import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { API_BASE } from "../../app/api.js";
import { useFormatDateTime } from "../../app/format.js";
import type { EvidenceEntry } from "./api.js";
import { trailPath } from "./lookup.js";
import { VerifyPanel } from "./VerifyPanel.js";

/** One entry: its facts, its subjects as links to their trails, the JSON, and self-verification. */
export function EntryView({ entry: e }: { entry: EvidenceEntry }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  const subjects = Array.isArray(e.entry.subjectIds) ? e.entry.subjectIds.filter(isString) : [];
  const type = typeof e.entry.type === "string" ? e.entry.type : null;
  const id = typeof e.entry.id === "string" ? e.entry.id : null;
  const occurredAt = typeof e.entry.occurredAt === "string" ? e.entry.occurredAt : null;

  return (
    <div className="evidence-stack" data-testid="evidence-entry" data-index={e.index}>
      <dl className="facts">
        <dt>{t("evidence.index")}</dt>
        <dd data-testid="evidence-entry-index">{e.index}</dd>
        <dt>{t("evidence.eventType")}</dt>
        <dd>
          <code data-testid="evidence-entry-type">{type ?? t("common.none")}</code>
        </dd>
        <dt>{t("evidence.eventId")}</dt>
        <dd className="mono">{id ?? t("common.none")}</dd>
        <dt>{t("evidence.occurredAt")}</dt>
        <dd>{formatDateTime(occurredAt)}</dd>
        <dt>{t("evidence.sequencedAt")}</dt>
        <dd>{formatDateTime(e.sequencedAt)}</dd>
        <dt>{t("evidence.leafHash")}</dt>
        <dd>
          <code className="hash" data-testid="evidence-entry-leaf-hash">
            {e.leafHash}
          </code>
        </dd>
        <dt>{t("evidence.subjects")}</dt>
        <dd>
          {subjects.length === 0 ? (
            t("common.none")
          ) : (
            <ul className="evidence-subjects">
              {subjects.map((s) => (
                <li key={s}>
                  <Link to={trailPath(s)} className="mono" data-testid="evidence-subject-link">
                    {s}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt>{t("evidence.rawBytes")}</dt>
        <dd>
          <a href={`${API_BASE}/evidence/entries/${e.index}/raw`} className="mono">
            /evidence/entries/{e.index}/raw
          </a>
        </dd>
      </dl>
      <section aria-labelledby="entry-json-title">
        <h2 id="entry-json-title">{t("evidence.entryJson")}</h2>
        <pre className="evidence-note evidence-json" data-testid="evidence-entry-json">
          {JSON.stringify(e.entry, null, 2)}
        </pre>
      </section>
      <VerifyPanel target={{ index: e.index, leafHash: e.leafHash, entry: e.entry }} />
    </div>
  );
}

function isString(value: unknown): value is string {
  return typeof value === "string";
}
