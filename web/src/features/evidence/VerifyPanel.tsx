import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ErrorPanel } from "../../app/ui/ErrorPanel.js";
import { NotYetCheckpointedError, useVerifyEntry, type VerifyTarget } from "./useVerify.js";
import { type Fact, type VerifyReport, type VerifyStep, WebCryptoUnavailableError } from "./verify.js";

/** "Verify it yourself": runs every check in this browser and shows each step with its hashes. */
export function VerifyPanel({ target }: { target: VerifyTarget }) {
  const { t } = useTranslation();
  const verify = useVerifyEntry();

  return (
    <section aria-labelledby="verify-title">
      <h2 id="verify-title">{t("evidence.verify.title")}</h2>
      <p className="muted">{t("evidence.verify.intro")}</p>
      <button
        type="button"
        onClick={() => verify.mutate(target)}
        disabled={verify.isPending}
        data-testid="verify-button"
      >
        {verify.isPending
          ? t("evidence.verify.running")
          : verify.data
            ? t("evidence.verify.again")
            : t("evidence.verify.button")}
      </button>
      <div aria-live="polite">
        {verify.error && <VerifyError error={verify.error} />}
        {verify.data && !verify.isPending && <VerifyResult report={verify.data} />}
      </div>
    </section>
  );
}

function VerifyError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (error instanceof WebCryptoUnavailableError) {
    return (
      <div className="notice" role="alert">
        <p>{error.reason === "no_subtle" ? t("evidence.verify.noSubtle") : t("evidence.verify.noEd25519")}</p>
      </div>
    );
  }
  if (error instanceof NotYetCheckpointedError) {
    return (
      <div className="notice" role="alert">
        <p>{t("evidence.verify.notYetCheckpointed", { size: error.size })}</p>
      </div>
    );
  }
  return <ErrorPanel error={error} />;
}

function VerifyResult({ report }: { report: VerifyReport }) {
  const { t } = useTranslation();
  const valid = report.verdict === "valid";
  return (
    <div data-testid="verify-result" data-verdict={report.verdict}>
      <ol className="verify-steps">
        {report.steps.map((step, i) => (
          <StepItem key={step.id} step={step} n={i + 1} />
        ))}
      </ol>
      <div className={valid ? "notice notice-success" : "notice notice-error"} role="status">
        <p className="verify-verdict">
          {valid
            ? t("evidence.verify.valid", { size: report.checkpoint?.size ?? 0 })
            : t("evidence.verify.invalid")}
        </p>
      </div>
    </div>
  );
}

function StepItem({ step, n }: { step: VerifyStep; n: number }) {
  const { t } = useTranslation();
  return (
    <li className="verify-step" data-status={step.status} data-testid={`verify-step-${step.id}`}>
      <div className="verify-step-head">
        <span>
          {n}. {t(`evidence.verify.step.${step.id}`)}
        </span>
        <span className={`verify-mark-${step.status}`}>{t(`evidence.verify.status.${step.status}`)}</span>
      </div>
      {step.reason && <p className="verify-reason">{t(`evidence.verify.reason.${step.reason}`)}</p>}
      {step.facts.length > 0 && (
        <dl className="facts">
          {step.facts.map((fact) => (
            <FactRow key={`${fact.label}-${fact.n ?? 0}`} fact={fact} />
          ))}
        </dl>
      )}
    </li>
  );
}

const TEXT_FACTS = new Set<Fact["label"]>(["keyName", "origin", "expectedOrigin", "signer"]);

function FactRow({ fact }: { fact: Fact }) {
  const { t } = useTranslation();
  const label =
    fact.label === "proofHash"
      ? t("evidence.verify.fact.proofHash", { n: fact.n ?? 0 })
      : t(`evidence.verify.fact.${fact.label}`);
  let value: ReactNode;
  if (fact.label === "signedText") value = <pre className="evidence-note">{fact.value}</pre>;
  else if (fact.label === "entryBytes" || fact.label === "treeSize" || fact.label === "leafIndex")
    value = fact.value;
  else if (TEXT_FACTS.has(fact.label)) value = <span className="mono">{fact.value}</span>;
  else value = <code className="hash">{fact.value}</code>;
  return (
    <>
      <dt>{label}</dt>
      <dd data-fact={fact.label}>{value}</dd>
    </>
  );
}
