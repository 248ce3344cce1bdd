import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { notFound } from "../../kernel/errors.js";
import { allow } from "../../kernel/http/access.js";
import { withProblems } from "../../kernel/http/problem.schema.js";
import type { Kernel } from "../../kernel/kernel.js";
import {
  findEntriesByLeafHash,
  findTrail,
  latestCheckpoint,
  listCheckpoints,
  listEntries,
} from "./evidence.repo.js";
import {
  checkpointSchema,
  consistencyProofSchema,
  consistencyQuery,
  entrySchema,
  inclusionProofSchema,
  indexParams,
  leafHashParams,
  pageQuery,
  proofQuery,
  rangeQuery,
  rawEntrySchema,
  subjectParams,
} from "./evidence.schema.js";
import type { CheckpointRow, EntryRow } from "./evidence.tables.js";
import type { LogKey } from "./log-key.js";
import { proveConsistency, proveInclusion, requireEntry } from "./proofs.service.js";

/**
 * The public evidence API (CT-7, SG-9): anyone, without logging in, can fetch the signed
 * checkpoint, any entry, inclusion and consistency proofs, and an object's trail — and check
 * them with any RFC 9162 / C2SP verifier.
 */
const presentEntry = (row: EntryRow) => ({
  index: Number(row.idx),
  leafHash: row.leaf_hash.toString("hex"),
  entry: JSON.parse(row.entry.toString("utf8")) as Record<string, unknown>,
  sequencedAt: row.sequenced_at,
});
const presentCheckpoint = (row: CheckpointRow) => ({
  size: Number(row.size),
  rootHash: row.root_hash.toString("hex"),
  note: row.note,
  createdAt: row.created_at,
});
const tags = ["evidence"];
const open = { access: allow.public() };

export const evidenceRoutes =
  (k: Kernel, logKey: LogKey): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/evidence/key",
      {
        config: open,
        schema: {
          tags,
          summary: "The log's C2SP verifier key",
          response: { 200: z.object({ origin: z.string(), verifierKey: z.string() }) },
        },
      },
      async () => ({
        origin: logKey.origin,
        verifierKey: logKey.verifierKey,
      }),
    );

    app.get(
      "/evidence/checkpoint",
      {
        config: open,
        schema: {
          tags,
          summary: "The latest signed checkpoint (C2SP tlog-checkpoint signed note, text/plain)",
          response: withProblems({ 200: z.string() }),
        },
      },
      async (_request, reply) => {
        const row = await latestCheckpoint(k.db);
        if (!row) throw notFound("no_checkpoint", "the log has not published a checkpoint yet");
        return reply.type("text/plain; charset=utf-8").send(row.note);
      },
    );

    app.get(
      "/evidence/checkpoints",
      {
        config: open,
        schema: {
          tags,
          summary: "Every published checkpoint, oldest first (for auditors)",
          querystring: pageQuery,
          response: withProblems({ 200: z.object({ items: z.array(checkpointSchema) }) }),
        },
      },
      async (request) => ({
        items: (await listCheckpoints(k.db, request.query.after ?? -1, request.query.limit)).map(
          presentCheckpoint,
        ),
      }),
    );

    app.get(
      "/evidence/entries",
      {
        config: open,
        schema: {
          tags,
          summary: "A run of entries with their exact bytes (base64), for auditors",
          querystring: rangeQuery,
          response: withProblems({ 200: z.object({ items: z.array(rawEntrySchema) }) }),
        },
      },
      async (request) => ({
        items: (await listEntries(k.db, request.query.start, request.query.limit)).map((row) => ({
          index: Number(row.idx),
          leafHash: row.leaf_hash.toString("hex"),
          entryBase64: row.entry.toString("base64"),
        })),
      }),
    );

    app.get(
      "/evidence/entries/:index",
      {
        config: open,
        schema: {
          tags,
          summary: "One entry as JSON, with its leaf hash",
          params: indexParams,
          response: withProblems({ 200: entrySchema }),
        },
      },
      async (request) => presentEntry(await requireEntry(k.db, request.params.index)),
    );

    app.get(
      "/evidence/entries/:index/raw",
      {
        config: open,
        schema: {
          tags,
          summary: "Exactly the bytes that were hashed (canonical JSON, RFC 8785)",
          params: indexParams,
        },
      },
      async (request, reply) =>
        reply.type("application/octet-stream").send((await requireEntry(k.db, request.params.index)).entry),
    );

    app.get(
      "/evidence/entries/:index/proof",
      {
        config: open,
        schema: {
          tags,
          summary: "Inclusion proof (RFC 9162 §2.1.3) for a tree size (default: latest checkpoint)",
          params: indexParams,
          querystring: proofQuery,
          response: withProblems({ 200: inclusionProofSchema }),
        },
      },
      async (request) => proveInclusion(k.db, request.params.index, request.query.treeSize),
    );

    app.get(
      "/evidence/consistency",
      {
        config: open,
        schema: {
          tags,
          summary: "Consistency proof (RFC 9162 §2.1.4) between two tree sizes",
          querystring: consistencyQuery,
          response: withProblems({ 200: consistencyProofSchema }),
        },
      },
      async (request) => proveConsistency(k.db, request.query.from, request.query.to),
    );

    app.get(
      "/evidence/leaves/:leafHash",
      {
        config: open,
        schema: {
          tags,
          summary: "Entries with this leaf hash",
          params: leafHashParams,
          response: withProblems({ 200: z.object({ items: z.array(entrySchema) }) }),
        },
      },
      async (request) => {
        const rows = await findEntriesByLeafHash(k.db, Buffer.from(request.params.leafHash, "hex"));
        if (rows.length === 0) throw notFound("entry_not_found", "no entry has this leaf hash", "leafHash");
        return { items: rows.map(presentEntry) };
      },
    );

    app.get(
      "/evidence/trail/:subjectId",
      {
        config: open,
        schema: {
          tags,
          summary: "The evidence trail of a record: every entry about it, in log order",
          params: subjectParams,
          querystring: pageQuery,
          response: withProblems({ 200: z.object({ items: z.array(entrySchema) }) }),
        },
      },
      async (request) => ({
        items: (
          await findTrail(k.db, request.params.subjectId, request.query.after ?? -1, request.query.limit)
        ).map(presentEntry),
      }),
    );
  };
