// Auth state for React: the session store (session.ts) exposed through context, refreshed from
// GET /participants/me, and a 401 from any signed-in request sends the user to /login.
import { queryOptions, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useSyncExternalStore,
} from "react";
import { Navigate, useLocation, useNavigate } from "react-router";
import { api, setUnauthorizedHandler } from "./api.js";
import { getSession, type Session, sessionEnd, setSession, subscribeSession } from "./session.js";
import type { LoginResponse, MeResponse, Participant, User } from "./types.js";

export interface Auth {
  session: Session | null;
  user: User | null;
  participant: Participant | null;
  signIn: (response: LoginResponse) => void;
  signOut: () => Promise<void>;
}

const AuthContext = createContext<Auth | null>(null);

/** GET /participants/me, keyed by user so a different sign-in never sees the previous answer. */
export function meQuery(userId: string | undefined) {
  return queryOptions({
    queryKey: ["participants", "me", userId],
    queryFn: ({ signal }) => api<MeResponse>("/participants/me", { signal }),
    enabled: userId !== undefined,
    staleTime: 60_000,
  });
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const session = useSyncExternalStore(subscribeSession, getSession);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();

  const me = useQuery(meQuery(session?.user.id));

  useEffect(() => {
    setUnauthorizedHandler(() => {
      setSession(null, "expired");
      queryClient.clear();
      const next = location.pathname + location.search;
      navigate(`/login?next=${encodeURIComponent(next)}`, { replace: true, state: { expired: true } });
    });
    return () => setUnauthorizedHandler(null);
  }, [navigate, location, queryClient]);

  const signIn = useCallback(
    (response: LoginResponse) => {
      queryClient.clear();
      setSession({
        accessToken: response.accessToken,
        expiresAt: Date.now() + response.expiresIn * 1000,
        user: response.user,
        participant: response.participant,
      });
    },
    [queryClient],
  );

  const signOut = useCallback(async () => {
    try {
      await api<void>("/auth/logout", { method: "POST", ignoreUnauthorized: true });
    } catch {
      // The token may already be invalid; signing out locally is what matters.
    }
    setSession(null);
    queryClient.clear();
  }, [queryClient]);

  const value = useMemo<Auth>(() => {
    const fresh = session && me.data ? me.data : null;
    return {
      session,
      user: fresh?.user ?? session?.user ?? null,
      participant: fresh?.participant ?? session?.participant ?? null,
      signIn,
      signOut,
    };
  }, [session, me.data, signIn, signOut]);

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error("useAuth outside <AuthProvider>");
  return auth;
}

/** Renders its children only with a session; otherwise goes to /login and comes back after. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { session } = useAuth();
  const location = useLocation();
  if (!session) {
    const next = encodeURIComponent(location.pathname + location.search);
    const expired = sessionEnd() === "expired";
    return <Navigate to={`/login?next=${next}`} replace state={{ expired }} />;
  }
  return children;
}
