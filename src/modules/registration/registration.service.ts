import { badRequest, conflict } from "../../kernel/errors.js";
import type { Kernel } from "../../kernel/kernel.js";
import type { Actor } from "../../kernel/outbox.js";
import { insertRegistration, updateRegistration } from "./registration.repo.js";
import type { DraftInput } from "./registration.schema.js";
import type { RegistrationRow } from "./registration.tables.js";
import { holderOwned, participantOf, transition } from "./registration.transition.js";

/**
 * The holder's side and the formal review (PR-3, PD-3): drafts (holder only), submission with a
 * completeness check, the exchange reviewers' formal review, and cancellation. Every change is one
 * transaction with its outbox event; transitions are guarded UPDATEs, so a race has one winner.
 */

const json = (value: unknown) => JSON.stringify(value);

export function columns(input: DraftInput): Partial<RegistrationRow> {
  const c: Partial<RegistrationRow> = {};
  const set = <K extends keyof RegistrationRow>(key: K, value: RegistrationRow[K] | undefined) => {
    if (value !== undefined) c[key] = value;
  };
  set("name", input.name);
  set("origin_class", input.originClass);
  set("grade", input.grade);
  if (input.sensitivePersonal !== undefined) c.sensitive_personal = input.sensitivePersonal ? 1 : 0;
  set("description", input.description);
  set("source_unit", input.sourceUnit);
  set("catalog_code", input.catalogCode);
  set("legal_basis", input.legalBasis);
  set("legal_basis_note", input.legalBasisNote);
  set("collection_method", input.collectionMethod);
  set("dataset_id", input.datasetId);
  if (input.fields !== undefined) c.fields = json(input.fields);
  set("volume_rows", input.volumeRows);
  set("volume_bytes", input.volumeBytes);
  set("format", input.format);
  set("update_frequency", input.updateFrequency);
  set("time_from", input.timeFrom);
  set("time_to", input.timeTo);
  set("spatial_coverage", input.spatialCoverage);
  set("industry", input.industry);
  if (input.keywords !== undefined) c.keywords = json([...new Set(input.keywords)]);
  if (input.quality !== undefined) c.quality = json(input.quality);
  if (input.contact !== undefined) c.contact = json(input.contact);
  return c;
}

/** Rules across fields, checked on the draft as it would be after the change. */
export function checkConsistent(row: RegistrationRow): void {
  if (Number(row.sensitive_personal) === 1 && row.origin_class !== "personal")
    throw badRequest(
      "sensitive_requires_personal_class",
      "only personal data carries the sensitive-personal-information flag",
      "sensitivePersonal",
    );
  if (row.time_from && row.time_to && row.time_from > row.time_to)
    throw badRequest("time_coverage_reversed", "timeTo is before timeFrom", "timeTo");
}

/** What a registration needs before it can be submitted; the first gap is a 409 naming the field. */
function checkComplete(row: RegistrationRow): void {
  const required: [keyof RegistrationRow, string][] = [
    ["description", "description"],
    ["legal_basis", "legalBasis"],
    ["collection_method", "collectionMethod"],
    ["format", "format"],
    ["update_frequency", "updateFrequency"],
    ["industry", "industry"],
  ];
  if (row.origin_class === "public")
    required.push(["source_unit", "sourceUnit"], ["catalog_code", "catalogCode"]);
  for (const [column, field] of required) {
    if (row[column] === null)
      throw conflict("registration_incomplete", `${field} is required to submit`, field);
  }
  if ((JSON.parse(row.fields) as unknown[]).length === 0)
    throw conflict("registration_incomplete", "describe at least one field to submit", "fields");
  if (JSON.parse(row.contact) === null)
    throw conflict("registration_incomplete", "a contact is required to submit", "contact");
}

export async function createDraft(
  k: Kernel,
  actor: Actor,
  input: DraftInput & Pick<Required<DraftInput>, "name" | "originClass" | "grade">,
): Promise<RegistrationRow> {
  const holder = participantOf(actor);
  const at = k.clock.now().toISOString();
  const row = {
    id: k.newId("registration"),
    status: "draft",
    kind: "initial",
    amends_registration_id: null,
    change_reason: null,
    version: 1,
    reclassification_reason: null,
    reclassified_by: null,
    registration_number: null,
    holder_participant_id: holder,
    ...Object.fromEntries(
      ["description", "source_unit", "catalog_code", "legal_basis", "legal_basis_note", "collection_method"]
        .concat(["dataset_id", "volume_rows", "volume_bytes", "format", "update_frequency", "time_from"])
        .concat(["time_to", "spatial_coverage", "industry", "review_reason", "reviewed_by"])
        .concat(["notice_starts_at", "notice_ends_at", "decided_at", "cancel_reason"])
        .map((c) => [c, null]),
    ),
    sensitive_personal: 0,
    fields: "[]",
    keywords: "[]",
    quality: "{}",
    contact: "null",
    created_at: at,
    updated_at: at,
    ...columns(input),
  } as RegistrationRow;
  checkConsistent(row);
  return k.transaction(async (trx) => {
    await insertRegistration(trx, row);
    await k.outbox.emit(trx, {
      type: "registration.draft_created",
      subjectIds: [row.id, holder],
      actor,
      payload: { registrationId: row.id, originClass: row.origin_class, grade: row.grade },
    });
    return row;
  });
}

export async function updateDraft(
  k: Kernel,
  actor: Actor,
  id: string,
  input: DraftInput,
): Promise<RegistrationRow> {
  return k.transaction(async (trx) => {
    const before = await holderOwned(trx, actor, id);
    if (before.status !== "draft") throw conflict("not_a_draft", "only a draft can be edited", "status");
    const changes = { ...columns(input), updated_at: k.clock.now().toISOString() };
    const after = { ...before, ...changes };
    checkConsistent(after);
    if (!(await updateRegistration(trx, id, ["draft"], changes)))
      throw conflict("not_a_draft", "the registration left the draft state meanwhile", "status");
    await k.outbox.emit(trx, {
      type: "registration.draft_updated",
      subjectIds: [id],
      actor,
      payload: { registrationId: id, changed: Object.keys(input).sort() },
    });
    return after;
  });
}

export async function submit(k: Kernel, actor: Actor, id: string): Promise<RegistrationRow> {
  return k.transaction(async (trx) => {
    const row = await holderOwned(trx, actor, id);
    if (row.status === "draft") checkComplete(row);
    return transition(k, trx, actor, row, "submit");
  });
}
