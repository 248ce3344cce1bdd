import { useCallback, useState } from "react";
import { WebCryptoUnavailableError, webCryptoSupport } from "../evidence/webcrypto.js";
import type { Contract } from "./model.js";
import { type ContractVerification, verifyContract } from "./verify-contract.js";

export type VerificationState =
  | { phase: "idle" }
  | { phase: "running" }
  | { phase: "done"; result: ContractVerification }
  | { phase: "unsupported"; reason: "no_subtle" | "no_ed25519" };

/** Runs the in-browser check on demand (WebCrypto; nothing the server says is trusted but its bytes). */
export function useContractVerification(contract: Contract) {
  const [state, setState] = useState<VerificationState>({ phase: "idle" });
  const run = useCallback(async () => {
    setState({ phase: "running" });
    const support = await webCryptoSupport();
    if (support !== "ok") return setState({ phase: "unsupported", reason: support });
    try {
      setState({ phase: "done", result: await verifyContract(contract) });
    } catch (error) {
      if (error instanceof WebCryptoUnavailableError)
        setState({ phase: "unsupported", reason: error.reason });
      else throw error;
    }
  }, [contract]);
  return { state, run };
}
