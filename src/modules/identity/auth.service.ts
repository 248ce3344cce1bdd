import { keyedHash, randomToken } from "../../kernel/crypto/digest.js";
import { DUMMY_PASSWORD_HASH, verifyPassword } from "../../kernel/crypto/password.js";
import { AppError, forbidden, unauthorized } from "../../kernel/errors.js";
import type { Principal } from "../../kernel/http/access.js";
import type { Kernel } from "../../kernel/kernel.js";
import type { ParticipantRow, UserRow } from "./identity.tables.js";
import { getParticipant } from "./participants.service.js";
import { findSessionByTokenHash, insertSession, revokeSession } from "./sessions.repo.js";
import { findSessionPrincipal, findUser, findUserByUsername } from "./users.repo.js";
import { normaliseUsername } from "./users.service.js";

/**
 * Login gives a short-lived access token and a long-lived refresh token, both random and stored
 * only as keyed hashes. Every request looks its access token up (one indexed query) and checks
 * that session, user and participant are still live — so logout, suspension and exit take
 * effect at once. (A signed JWT would add nothing: the lookup happens anyway.)
 */
export interface LoginResult {
  accessToken: string;
  tokenType: "Bearer";
  expiresIn: number;
  refreshToken: string;
  refreshExpiresAt: string;
  user: UserRow;
  participant: ParticipantRow;
}

export async function login(k: Kernel, username: string, password: string, ip: string): Promise<LoginResult> {
  const user = await findUserByUsername(k.db, normaliseUsername(username));
  // Always run scrypt, so a missing user costs the same time as a wrong password.
  const passwordOk = await verifyPassword(password, user?.password_hash ?? DUMMY_PASSWORD_HASH);
  if (!user || !passwordOk || user.status !== "active") {
    await recordLoginFailure(k, user, username, ip);
    throw unauthorized("invalid_credentials", "wrong username or password");
  }
  const participant = await getParticipant(k.db, user.participant_id);
  if (participant.status !== "admitted") {
    await recordLoginFailure(k, user, username, ip, `participant_${participant.status}`);
    throw new AppError(
      403,
      "participant_not_active",
      `your organisation's admission is ${participant.status}`,
      undefined,
      {
        participantStatus: participant.status,
        statusReason: participant.status_reason,
      },
    );
  }
  return k.transaction(async (trx) => {
    const issued = await openSession(k, trx, user.id);
    await k.outbox.emit(trx, {
      type: "identity.login_succeeded",
      subjectIds: [user.id, participant.id],
      actor: { userId: user.id, participantId: participant.id },
      payload: {
        userId: user.id,
        participantId: participant.id,
        sessionId: issued.sessionId,
        ipHash: hashIp(k, ip),
      },
    });
    return { ...issued, user, participant };
  });
}

async function recordLoginFailure(
  k: Kernel,
  user: UserRow | undefined,
  username: string,
  ip: string,
  reason = "invalid_credentials",
) {
  // The attempted username may be someone's personal data or a mistyped password: store a keyed hash.
  await k.events.publish({
    type: "identity.login_failed",
    subjectIds: user ? [user.id, user.participant_id] : [],
    actor: null,
    payload: {
      reason,
      userId: user?.id ?? null,
      usernameHash: keyedHash(k.keyring.subkey("pii-hash"), normaliseUsername(username)),
      ipHash: hashIp(k, ip),
    },
  });
}

const hashIp = (k: Kernel, ip: string) => keyedHash(k.keyring.subkey("pii-hash"), `ip:${ip}`).slice(0, 16);

async function openSession(k: Kernel, trx: Kernel["db"], userId: string) {
  const now = k.clock.now();
  const accessToken = `yat_${randomToken(32)}`;
  const refreshToken = `yrt_${randomToken(32)}`;
  const sessionId = k.newId("session");
  const at = (seconds: number) => new Date(now.getTime() + seconds * 1000).toISOString();
  const refreshExpiresAt = at(k.config.refreshTokenTtlSeconds);
  await insertSession(trx, {
    id: sessionId,
    user_id: userId,
    access_token_hash: tokenHash(k, accessToken),
    access_expires_at: at(k.config.accessTokenTtlSeconds),
    token_hash: tokenHash(k, refreshToken),
    expires_at: refreshExpiresAt,
    revoked_at: null,
    created_at: now.toISOString(),
  });
  return {
    accessToken,
    tokenType: "Bearer" as const,
    expiresIn: k.config.accessTokenTtlSeconds,
    refreshToken,
    refreshExpiresAt,
    sessionId,
  };
}

const tokenHash = (k: Kernel, token: string) => keyedHash(k.keyring.subkey("session-token"), token);

/** Exchanges a refresh token for new tokens; the old refresh token is spent (rotation). */
export async function refresh(k: Kernel, refreshToken: string): Promise<LoginResult> {
  const session = await findSessionByTokenHash(k.db, tokenHash(k, refreshToken));
  const now = k.clock.now();
  if (!session || session.revoked_at || session.expires_at <= now.toISOString()) {
    throw unauthorized("invalid_refresh_token", "the refresh token is unknown, spent or expired");
  }
  const user = await findUser(k.db, session.user_id);
  const participant = user ? await getParticipant(k.db, user.participant_id) : undefined;
  if (user?.status !== "active" || participant?.status !== "admitted") {
    throw forbidden("participant_not_active", "this account can no longer act");
  }
  return k.transaction(async (trx) => {
    if (!(await revokeSession(trx, session.id, now.toISOString()))) {
      throw unauthorized("invalid_refresh_token", "the refresh token is unknown, spent or expired");
    }
    return { ...(await openSession(k, trx, user.id)), user, participant };
  });
}

export async function logout(k: Kernel, sessionId: string): Promise<void> {
  await k.transaction(async (trx) => {
    if (await revokeSession(trx, sessionId, k.clock.now().toISOString())) {
      await k.outbox.emit(trx, {
        type: "identity.logout",
        subjectIds: [sessionId],
        actor: null,
        payload: { sessionId },
      });
    }
  });
}

/** What authenticating an access token yields: the principal, plus the rows it was read from. */
export interface SessionIdentity {
  principal: Principal;
  sessionId: string;
  user: UserRow;
  participant: ParticipantRow;
}

/** Turns a bearer access token into the principal of the request, or refuses it. */
export async function principalFromAccessToken(k: Kernel, token: string): Promise<SessionIdentity> {
  const found = token.startsWith("yat_") ? await findSessionPrincipal(k.db, tokenHash(k, token)) : undefined;
  if (!found || found.revokedAt || found.accessExpiresAt <= k.clock.now().toISOString()) {
    throw unauthorized(
      "invalid_token",
      "the access token is invalid, expired or its session has ended; log in again",
    );
  }
  const { user, participant } = found;
  if (user.status !== "active" || participant.status !== "admitted") {
    throw forbidden("participant_not_active", "this account can no longer act");
  }
  return {
    principal: {
      participantId: participant.id,
      participantType: participant.type,
      userId: user.id,
      apiKeyId: null,
      roles: JSON.parse(user.roles) as string[],
      scopes: null,
    },
    sessionId: found.sessionId,
    user,
    participant,
  };
}
