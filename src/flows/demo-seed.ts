import { randomToken } from "../kernel/crypto/digest.js";
import { hashPassword } from "../kernel/crypto/password.js";
import type { Kernel } from "../kernel/kernel.js";
import { makeResidentId, makeUscc } from "../lib/cn-identifiers/index.js";
import {
  createParticipant,
  createUser,
  findUserByUsername,
  type NewParticipant,
  type Role,
} from "../modules/identity/index.js";

/**
 * The demo world a newcomer meets on `npm start`: one participant of each kind the market needs,
 * all admitted, each with one user named after it. Idempotent: users that exist are left alone.
 */
interface DemoMember {
  username: string;
  roles: Role[];
  participant: NewParticipant;
}

/** The demo citizen's resident ID (generated, valid check digit, nobody's). */
export const DEMO_CITIZEN_RESIDENT_ID = makeResidentId("310104", "19900307", "123");

const org = (authority: string, n: number) => makeUscc(`${authority}310000MA1YA00${n}0`);

export const DEMO_MEMBERS: DemoMember[] = [
  {
    username: "operator",
    roles: ["admin", "reviewer"],
    participant: {
      type: "exchange_operator",
      name: "要素数据交易所（演示）",
      uscc: org("91", 1),
      region: "310000",
      contactEmail: "ops@exchange.example",
    },
  },
  {
    username: "regulator",
    roles: ["admin", "reviewer"],
    participant: {
      type: "regulator",
      name: "市数据管理局（演示）",
      uscc: org("11", 2),
      region: "310000",
      contactEmail: "data-admin@gov.example",
    },
  },
  {
    username: "bureau",
    roles: ["admin"],
    participant: {
      type: "government_body",
      name: "市大数据中心（演示）",
      uscc: org("11", 3),
      region: "310000",
      contactEmail: "bigdata@gov.example",
    },
  },
  {
    username: "enterprise-a",
    roles: ["admin"],
    participant: {
      type: "enterprise",
      name: "甲数据科技有限公司（演示）",
      uscc: org("91", 4),
      region: "310115",
      contactEmail: "data@a.example",
    },
  },
  {
    username: "enterprise-b",
    roles: ["admin"],
    participant: {
      type: "enterprise",
      name: "乙智能制造有限公司（演示）",
      uscc: org("91", 5),
      region: "320505",
      contactEmail: "data@b.example",
    },
  },
  {
    username: "vendor",
    roles: ["admin"],
    participant: {
      type: "data_vendor",
      name: "丙数商服务有限公司（演示）",
      uscc: org("91", 6),
      region: "310104",
      contactEmail: "hello@vendor.example",
    },
  },
  {
    username: "notary",
    roles: ["admin"],
    participant: {
      type: "third_party",
      name: "丁公证处（演示）",
      uscc: org("12", 7),
      region: "310101",
      contactEmail: "notary@notary.example",
      serviceKinds: ["notary"],
    },
  },
  {
    username: "citizen",
    roles: ["admin"],
    participant: {
      type: "individual",
      name: "张三（演示）",
      residentId: DEMO_CITIZEN_RESIDENT_ID,
      contactEmail: "zhangsan@mail.example",
    },
  },
];

export interface DemoSeedResult {
  created: string[];
  existing: string[];
  /** set when this run chose a random password (YAOSU_DEMO_PASSWORD unset) */
  generatedPassword: string | null;
}

export async function seedDemo(k: Kernel, password = k.config.demoPassword): Promise<DemoSeedResult> {
  const result: DemoSeedResult = { created: [], existing: [], generatedPassword: null };
  const missing: DemoMember[] = [];
  for (const member of DEMO_MEMBERS) {
    if (await findUserByUsername(k.db, member.username)) result.existing.push(member.username);
    else missing.push(member);
  }
  if (missing.length === 0) return result;
  const chosen = password ?? randomToken(12);
  if (!password) result.generatedPassword = chosen;
  const passwordHash = await hashPassword(chosen);
  const actor = { system: "demo-seed" };
  for (const member of missing) {
    await k.transaction(async (trx) => {
      const participant = await createParticipant(k, trx, member.participant, "admitted", actor);
      await createUser(
        k,
        trx,
        { participantId: participant.id, username: member.username, passwordHash, roles: member.roles },
        actor,
      );
    });
    result.created.push(member.username);
  }
  return result;
}
