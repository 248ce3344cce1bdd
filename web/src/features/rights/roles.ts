// Who sees which buttons; the server enforces the same rules (admins sign contracts; operator staff
// record successions).
import type { Auth } from "../../app/auth.js";

export const isAdmin = (auth: Pick<Auth, "user">) => auth.user?.roles.includes("admin") ?? false;

export const isOperatorStaff = (auth: Pick<Auth, "participant" | "user">) =>
  auth.participant?.type === "exchange_operator" &&
  (auth.user?.roles.some((r) => r === "admin" || r === "reviewer") ?? false);

export const isOverseer = (auth: Pick<Auth, "participant">) =>
  auth.participant?.type === "exchange_operator" || auth.participant?.type === "regulator";
