import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Kernel } from "../kernel/kernel.js";
import { makeResidentId } from "../lib/cn-identifiers/index.js";
import { importFile, openNodeVault } from "../node/vault/index.js";
import { DEMO_CITIZEN_RESIDENT_ID } from "./demo-seed.js";

/**
 * A small personal-information dataset in enterprise-a's node for the demo (PR-5, PR-8): member
 * purchases of fictitious people — two rows of them are the demo citizen's — so a newcomer can
 * ask for "a copy of the data about me" as `citizen` and fulfil it as `enterprise-a`. Every
 * identifier is generated with valid check digits; none belongs to anyone.
 */
const NAMES = ["王伟", "李娜", "张敏", "刘洋", "陈静", "杨磊", "赵丽", "黄强", "周婷", "吴斌"];
const REGIONS = ["310104", "310115", "320505", "110105", "440305"];

export function demoMemberRows(): string {
  const lines = ["member_no,name,resident_id,mobile,amount_yuan,purchased_on"];
  for (let i = 0; i < 40; i++) {
    const own = i === 7 || i === 23;
    const id = own
      ? DEMO_CITIZEN_RESIDENT_ID
      : makeResidentId(
          REGIONS[i % REGIONS.length] as string,
          `19${60 + ((i * 7) % 40)}0${1 + (i % 9)}${10 + (i % 18)}`,
          String(100 + i * 17).slice(0, 3),
        );
    const name = own ? "张三" : (NAMES[i % NAMES.length] as string);
    const mobile = `13${String(800000000 + i * 1234567).slice(0, 9)}`;
    const amount = ((i * 3779) % 500000) / 100;
    const day = `2025-${String(1 + (i % 12)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}`;
    lines.push(`M${String(i + 1).padStart(5, "0")},${name},${id},${mobile},${amount.toFixed(2)},${day}`);
  }
  return `${lines.join("\n")}\n`;
}

/** Imports the member dataset into the node for `ownerParticipantId`; returns its dataset id. */
export async function importDemoDataset(k: Kernel, ownerParticipantId: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "yaosu-demo-"));
  try {
    const path = join(dir, "members.csv");
    await writeFile(path, demoMemberRows());
    const record = await importFile(await openNodeVault(k), {
      path,
      ownerParticipantId,
      name: "会员消费记录（演示）",
      maxBytes: k.config.nodeMaxImportBytes,
      newId: () => k.newId("dataset"),
      now: () => k.clock.now(),
    });
    return record.id;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
