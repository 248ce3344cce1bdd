// Who sees what in the nav and which buttons show; the server enforces the same rules anyway.
import type { Auth } from "../../app/auth.js";

/** Exchange-operator users with the reviewer role do formal reviews, decide objections, close notices. */
export const isReviewer = (auth: Pick<Auth, "participant" | "user">) =>
  auth.participant?.type === "exchange_operator" && (auth.user?.roles.includes("reviewer") ?? false);

/** Any signed-in participant may hold data; the overseers (operator, regulator) do not register their own. */
export const isHolderKind = (auth: Pick<Auth, "participant">) =>
  !!auth.participant &&
  auth.participant.type !== "exchange_operator" &&
  auth.participant.type !== "regulator";
