import { useTranslation } from "react-i18next";
import { CopyButton } from "../../app/ui/CopyButton.js";
import { canonicalJson } from "./canonical.js";
import { saveFile } from "./download.js";
import type { Contract } from "./model.js";
import { useParticipantName } from "./names.js";
import { useContractVerification } from "./useContractVerification.js";
import { contractFile, PARTIES, type Party, type SignatureStatus } from "./verify-contract.js";

/**
 * The signed document, its SHA-256, both signatures with their public keys, a check in the browser,
 * and the JSON for `yaosu verify contract FILE`.
 */
export function ContractSignatures({ contract }: { contract: Contract }) {
  const { t } = useTranslation();
  const { state, run } = useContractVerification(contract);
  const file = contractFile(contract);
  const result = state.phase === "done" ? state.result : null;
  const verdict = !result
    ? null
    : result.valid
      ? "valid"
      : result.typeOk &&
          result.hashMatches &&
          PARTIES.every((p) => ["valid", "missing"].includes(result[p].status))
        ? "incomplete"
        : "invalid";

  return (
    <section className="card" aria-labelledby="contract-signatures-title">
      <h2 id="contract-signatures-title">{t("rights.contract.signaturesTitle")}</h2>
      <p className="muted">{t("rights.contract.signaturesIntro")}</p>
      <dl className="facts">
        <dt>{t("rights.contract.documentSha256")}</dt>
        <dd className="mono contract-hash" data-testid="contract-sha256">
          {contract.documentSha256}
        </dd>
      </dl>
      <table className="table table-cards contract-signatures">
        <thead>
          <tr>
            <th scope="col">{t("rights.contract.party")}</th>
            <th scope="col">{t("rights.contract.participant")}</th>
            <th scope="col">{t("rights.contract.publicKey")}</th>
            <th scope="col">{t("rights.contract.signature")}</th>
          </tr>
        </thead>
        <tbody>
          {PARTIES.map((party) => (
            <SignatureRow key={party} contract={contract} party={party} status={result?.[party].status} />
          ))}
        </tbody>
      </table>
      <div className="actions">
        <button
          type="button"
          onClick={() => void run()}
          disabled={state.phase === "running"}
          data-testid="contract-verify"
        >
          {state.phase === "running" ? t("rights.contract.verifying") : t("rights.contract.verify")}
        </button>
        <button
          type="button"
          className="button-secondary"
          onClick={() => saveFile(file.name, file.text)}
          data-testid="contract-download"
        >
          {t("rights.contract.download")}
        </button>
      </div>
      <p className="muted">
        <code>{t("rights.contract.downloadHint", { file: file.name })}</code>
      </p>
      <div aria-live="polite">
        {state.phase === "unsupported" && (
          <p className="notice notice-error" data-testid="contract-verdict" data-valid="false">
            {t(
              state.reason === "no_subtle"
                ? "rights.contract.verdict.noSubtle"
                : "rights.contract.verdict.noEd25519",
            )}
          </p>
        )}
        {result && verdict && (
          <div data-testid="contract-verdict" data-valid={String(result.valid)} data-verdict={verdict}>
            <p
              className={
                verdict === "invalid"
                  ? "notice notice-error"
                  : verdict === "valid"
                    ? "notice notice-success"
                    : "notice"
              }
            >
              {t(`rights.contract.verdict.${verdict}`)}
            </p>
            <ul className="contract-checks">
              <li data-testid="contract-check-type" data-ok={String(result.typeOk)}>
                {result.typeOk ? t("rights.contract.pass") : t("rights.contract.fail")}{" "}
                {t("rights.contract.check.type")}
              </li>
              <li data-testid="contract-check-hash" data-ok={String(result.hashMatches)}>
                {result.hashMatches ? t("rights.contract.pass") : t("rights.contract.fail")}{" "}
                {t("rights.contract.check.hash")}
                <br />
                <span className="mono muted">
                  {t("rights.contract.check.computed", { hash: result.computedSha256 })}
                </span>
              </li>
            </ul>
          </div>
        )}
      </div>
      <details className="contract-document">
        <summary>{t("rights.contract.document")}</summary>
        <pre className="mono" data-testid="contract-document">
          {canonicalJson(contract.document)}
        </pre>
        <CopyButton text={canonicalJson(contract.document)} label={t("common.copy")} />
      </details>
    </section>
  );
}

function SignatureRow({
  contract,
  party,
  status,
}: {
  contract: Contract;
  party: Party;
  status: SignatureStatus | undefined;
}) {
  const { t } = useTranslation();
  const signed = contract.signatures[party];
  const id = party === "holder" ? contract.proposerParticipantId : contract.counterpartyParticipantId;
  const name = useParticipantName(id);
  return (
    <tr data-testid={`signature-${party}`} data-signature-status={status ?? "unchecked"}>
      <th scope="row" data-label={t("rights.contract.party")}>
        {t(party === "holder" ? "rights.contract.holder" : "rights.contract.counterparty")}
        {status && (
          <div
            className={status === "valid" ? "signature-ok" : "signature-bad"}
            data-testid={`signature-${party}-status`}
          >
            {t(`rights.contract.signatureStatus.${status}`)}
          </div>
        )}
      </th>
      <td data-label={t("rights.contract.participant")}>
        {name ?? id}
        <div className="mono muted">{id}</div>
      </td>
      <td data-label={t("rights.contract.publicKey")} className="mono contract-key">
        {signed ? signed.publicKeyJwk.x : t("common.none")}
      </td>
      <td data-label={t("rights.contract.signature")} className="mono contract-key">
        {signed ? signed.signature : <span className="muted">{t("rights.contract.unsigned")}</span>}
      </td>
    </tr>
  );
}
