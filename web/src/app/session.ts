// The signed-in session: held in memory (read by the API client and, through useSyncExternalStore,
// by React) and mirrored to sessionStorage so a reload keeps the user signed in within the tab.
import type { Participant, User } from "./types.js";

export interface Session {
  accessToken: string;
  /** Epoch milliseconds after which the access token is no longer accepted. */
  expiresAt: number;
  user: User;
  participant: Participant;
}

/** Why the last session ended, so the login page can say "your session expired". */
export type SessionEnd = "expired" | "signed-out";

const STORAGE_KEY = "yaosu.session";
const listeners = new Set<() => void>();
let current: Session | null = load();
let lastEnd: SessionEnd | null = null;

function load(): Session | null {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const session = JSON.parse(raw) as Session;
    if (typeof session.accessToken !== "string" || session.expiresAt <= Date.now()) return null;
    return session;
  } catch {
    return null;
  }
}

export function getSession(): Session | null {
  return current;
}

export function sessionEnd(): SessionEnd | null {
  return lastEnd;
}

export function setSession(next: Session | null, end: SessionEnd = "signed-out"): void {
  current = next;
  lastEnd = next ? null : end;
  try {
    if (next) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    else sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage may be unavailable (private mode, quota); the in-memory session still works.
  }
  for (const listener of listeners) listener();
}

export function subscribeSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
