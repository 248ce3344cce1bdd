import { useTranslation } from "react-i18next";
import { useFormatDateTime } from "../../app/format.js";
import { CopyButton } from "../../app/ui/CopyButton.js";
import { ErrorPanel } from "../../app/ui/ErrorPanel.js";
import { type CheckpointRecord, useCheckpointNote, useEvidenceKey, useRecentCheckpoints } from "./api.js";
import { LookupForm } from "./LookupForm.js";
import { parseCheckpoint, parseSignedNote, toHex } from "./verify.js";

/** /evidence: the latest signed checkpoint, the verifier key, recent checkpoints, and lookup. */
export function OverviewPage() {
  const { t } = useTranslation();
  const note = useCheckpointNote();
  const key = useEvidenceKey();
  // Shown as served; "verify it yourself" on an entry is what checks the signature.
  const signed = note.data === undefined ? null : parseSignedNote(note.data);
  const checkpoint = signed ? parseCheckpoint(signed.text) : null;
  const recent = useRecentCheckpoints(checkpoint?.size);

  return (
    <div className="evidence-stack">
      <section>
        <h1>{t("evidence.title")}</h1>
        <p className="muted">{t("evidence.intro")}</p>
      </section>

      <section className="card" aria-labelledby="lookup-title">
        <h2 id="lookup-title">{t("evidence.lookupTitle")}</h2>
        <LookupForm />
      </section>

      <section className="card" aria-labelledby="checkpoint-title">
        <h2 id="checkpoint-title">{t("evidence.latestCheckpoint")}</h2>
        {note.isPending && <p className="muted">{t("common.loading")}</p>}
        {note.error && <ErrorPanel error={note.error} onRetry={() => void note.refetch()} />}
        {note.data !== undefined && (
          <>
            <dl className="facts" data-testid="evidence-checkpoint">
              <dt>{t("evidence.origin")}</dt>
              <dd className="mono">{checkpoint?.origin ?? t("common.none")}</dd>
              <dt>{t("evidence.size")}</dt>
              <dd data-testid="evidence-checkpoint-size">{checkpoint?.size ?? t("common.none")}</dd>
              <dt>{t("evidence.rootHash")}</dt>
              <dd>
                <code className="hash" data-testid="evidence-root">
                  {checkpoint ? toHex(checkpoint.rootHash) : t("common.none")}
                </code>
              </dd>
              <dt>{t("evidence.signer")}</dt>
              <dd className="mono" data-testid="evidence-signer">
                {signed?.signatures.map((s) => `${s.name} (${toHex(s.keyId)})`).join(", ") ||
                  t("common.none")}
              </dd>
              <dt>{t("evidence.createdAt")}</dt>
              <dd>
                <CreatedAt size={checkpoint?.size} recent={recent.data} />
              </dd>
            </dl>
            <h3>{t("evidence.rawNote")}</h3>
            <pre className="evidence-note" data-testid="evidence-note">
              {note.data}
            </pre>
          </>
        )}
      </section>

      <section className="card" aria-labelledby="key-title">
        <h2 id="key-title">{t("evidence.verifierKey")}</h2>
        {key.isPending && <p className="muted">{t("common.loading")}</p>}
        {key.error && <ErrorPanel error={key.error} onRetry={() => void key.refetch()} />}
        {key.data && (
          <>
            <div className="key">
              <code className="mono key-value" data-testid="evidence-verifier-key">
                {key.data.verifierKey}
              </code>
              <CopyButton
                text={key.data.verifierKey}
                label={t("evidence.copyKey")}
                testId="copy-verifier-key"
              />
            </div>
            <p className="field-hint">{t("evidence.verifierKeyHint")}</p>
          </>
        )}
      </section>

      {checkpoint && (
        <section className="card" aria-labelledby="recent-title">
          <h2 id="recent-title">{t("evidence.recentCheckpoints")}</h2>
          {recent.isPending && <p className="muted">{t("common.loading")}</p>}
          {recent.error && <ErrorPanel error={recent.error} onRetry={() => void recent.refetch()} />}
          {recent.data && <RecentCheckpoints items={recent.data} />}
        </section>
      )}
    </div>
  );
}

function CreatedAt({ size, recent }: { size: number | undefined; recent: CheckpointRecord[] | undefined }) {
  const formatDateTime = useFormatDateTime();
  return <>{formatDateTime(recent?.find((c) => c.size === size)?.createdAt)}</>;
}

function RecentCheckpoints({ items }: { items: CheckpointRecord[] }) {
  const { t } = useTranslation();
  const formatDateTime = useFormatDateTime();
  if (items.length === 0) return <p className="muted">{t("evidence.noCheckpoints")}</p>;
  return (
    <table className="table table-cards" data-testid="evidence-checkpoints">
      <thead>
        <tr>
          <th scope="col">{t("evidence.size")}</th>
          <th scope="col">{t("evidence.rootHash")}</th>
          <th scope="col">{t("evidence.createdAt")}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((c) => (
          <tr key={c.size}>
            <td data-label={t("evidence.size")}>{c.size}</td>
            <td data-label={t("evidence.rootHash")}>
              <code className="hash">{c.rootHash}</code>
            </td>
            <td data-label={t("evidence.createdAt")}>{formatDateTime(c.createdAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
