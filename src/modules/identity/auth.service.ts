import { jwtVerify, SignJWT } from "jose";
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
 * Login gives a short-lived access token (JWT, HS256 under a subkey of the master key) and a
 * long-lived refresh token (random; only its keyed hash is stored). Each access token names its
 * session, and every request checks that session, user and participant are still live — so
 * logout, suspension and exit take effect at once.
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
  const refreshToken = randomToken(32);
  const sessionId = k.newId("session");
  const refreshExpiresAt = new Date(now.getTime() + k.config.refreshTokenTtlSeconds * 1000).toISOString();
  await insertSession(trx, {
    id: sessionId,
    user_id: userId,
    token_hash: keyedHash(k.keyring.subkey("jwt"), refreshToken),
    expires_at: refreshExpiresAt,
    revoked_at: null,
    created_at: now.toISOString(),
  });
  const accessToken = await new SignJWT({ sid: sessionId })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(userId)
    .setIssuedAt(Math.floor(now.getTime() / 1000))
    .setExpirationTime(Math.floor(now.getTime() / 1000) + k.config.accessTokenTtlSeconds)
    .sign(k.keyring.subkey("jwt"));
  return {
    accessToken,
    tokenType: "Bearer" as const,
    expiresIn: k.config.accessTokenTtlSeconds,
    refreshToken,
    refreshExpiresAt,
    sessionId,
  };
}

/** Exchanges a refresh token for new tokens; the old refresh token is spent (rotation). */
export async function refresh(k: Kernel, refreshToken: string): Promise<LoginResult> {
  const session = await findSessionByTokenHash(k.db, keyedHash(k.keyring.subkey("jwt"), refreshToken));
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

/** Turns a bearer access token into the principal of the request, or refuses it. */
export async function principalFromAccessToken(
  k: Kernel,
  token: string,
): Promise<Principal & { sessionId: string }> {
  let userId: string;
  let sessionId: string;
  try {
    const { payload } = await jwtVerify(token, k.keyring.subkey("jwt"), {
      algorithms: ["HS256"],
      currentDate: k.clock.now(),
    });
    if (typeof payload.sub !== "string" || typeof payload.sid !== "string") throw new Error("claims");
    userId = payload.sub;
    sessionId = payload.sid;
  } catch {
    throw unauthorized("invalid_token", "the access token is invalid or expired");
  }
  const row = await findSessionPrincipal(k.db, userId, sessionId);
  if (!row || row.session_revoked_at)
    throw unauthorized("invalid_token", "the session has ended; log in again");
  if (row.user_status !== "active" || row.participant_status !== "admitted") {
    throw forbidden("participant_not_active", "this account can no longer act");
  }
  return {
    participantId: row.participant_id,
    participantType: row.participant_type,
    userId: row.user_id,
    apiKeyId: null,
    roles: JSON.parse(row.roles) as string[],
    scopes: null,
    sessionId,
  };
}
