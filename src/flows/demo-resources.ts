import type { Kernel } from "../kernel/kernel.js";
import type { Actor } from "../kernel/outbox.js";
import { findUserByUsername } from "../modules/identity/index.js";
import {
  closeNotice,
  createDraft,
  listRegistrations,
  review,
  submit,
} from "../modules/registration/index.js";
import { importDemoDataset } from "./demo-dataset.js";
import { DEMO_RESOURCES, type DemoResource } from "./demo-resources.data.js";

/**
 * Registered resources for the demo world (PR-3), so a newcomer's catalog, registry and
 * certificates are not empty: each goes the real way — draft, submit, formal review by the
 * operator, public notice, registered — except that the notice of the "registered" ones lasts zero
 * days. One stays in its public notice (10 days) so objections can be tried; one has its data in
 * enterprise-a's node, so data-source copy requests (PR-5) can be tried. Idempotent by name.
 */
export async function seedDemoResources(k: Kernel): Promise<{ created: string[] }> {
  const operator = await actorOf(k, "operator");
  const created: string[] = [];
  for (const resource of DEMO_RESOURCES) {
    const holder = await actorOf(k, resource.holder);
    if (!holder.participantId || (await exists(k, holder.participantId, resource))) continue;
    const datasetId = resource.inNode ? await importDemoDataset(k, holder.participantId) : undefined;
    const draft = await createDraft(k, holder, { ...resource.draft, ...(datasetId ? { datasetId } : {}) });
    await submit(k, holder, draft.id);
    await review(k, operator, draft.id, "pass", "形式审查通过（演示）", {
      noticeDays: resource.stage === "registered" ? 0 : 10,
    });
    if (resource.stage === "registered") await closeNotice(k, { system: "demo-seed" }, draft.id);
    created.push(resource.draft.name);
  }
  return { created };
}

async function actorOf(k: Kernel, username: string): Promise<Actor> {
  const user = await findUserByUsername(k.db, username);
  if (!user) throw new Error(`demo user ${username} is missing: seed the demo participants first`);
  return { participantId: user.participant_id, userId: user.id };
}

async function exists(k: Kernel, holderId: string, resource: DemoResource): Promise<boolean> {
  const mine = await listRegistrations(k.db, { holder: holderId, limit: 1000 });
  return mine.some((r) => r.name === resource.draft.name);
}
