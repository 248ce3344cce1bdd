import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { registrationDraft } from "../flows/node-registration-draft.js";
import { type Access, allow, principalOf } from "../kernel/http/access.js";
import { withProblems } from "../kernel/http/problem.schema.js";
import type { Kernel } from "../kernel/kernel.js";
import { createBody } from "../modules/registration/registration.schema.js";
import {
  deleteDataset,
  isTooLarge,
  listOwned,
  nodeVault,
  ownedDataset,
  uploadDataset,
} from "./datasets.service.js";
import {
  datasetParams,
  datasetSchema,
  profileQuery,
  profileSchema,
  scanQuery,
  scanSchema,
  uploadQuery,
} from "./node.schema.js";
import { acceptStreamedUploads } from "./upload.js";
import { inspectDataset, scanDataset } from "./vault/index.js";

/**
 * The embedded node over HTTP: "my resources" (PR-3 import into the holder's node, PR-1 scan and
 * classification proposal, PR-8 personal information never shown raw, PD-3 link to registration).
 * Every route is for users of holder participants; each dataset is visible to its owner
 * participant only — anyone else gets the 404 of a dataset that does not exist. Any user of the
 * owner may read; admins and members import and delete (reviewers review, they do not curate).
 */
const HOLDER_TYPES = [
  "government_body",
  "public_institution",
  "enterprise",
  "individual",
  "data_vendor",
  "third_party",
];
// API keys of the holder may call these too (automated imports), with the node scopes.
const read: Access = allow.participantTypes(HOLDER_TYPES, { scope: "node:read" });
const write: Access = allow.participantTypes(HOLDER_TYPES, {
  roles: ["admin", "member"],
  scope: "node:write",
});
const tags = ["node"];

export const nodeRoutes =
  (k: Kernel): FastifyPluginAsyncZod =>
  async (app) => {
    acceptStreamedUploads(app);

    app.post(
      "/node/datasets",
      {
        // The body is a stream the handler consumes; the idempotency hook would hash it as JSON.
        config: { access: write, idempotency: false },
        schema: {
          tags,
          summary: "Import a file into the holder's node (streamed CSV, JSON Lines or Parquet body)",
          description:
            "Send the file itself as the body with Content-Type text/csv, application/x-ndjson, application/vnd.apache.parquet or application/octet-stream. The upload is streamed to disk, refused with 413 `file_too_large` at the first byte over YAOSU_NODE_MAX_IMPORT_BYTES, parsed in full (a broken file is 400 `invalid_file` naming line and column) and sealed into the vault; a refused upload leaves nothing behind.",
          querystring: uploadQuery,
          response: withProblems({ 201: datasetSchema }),
        },
      },
      async (request, reply) => {
        try {
          const record = await uploadDataset(k, principalOf(request), {
            body: request.body,
            contentType: request.headers["content-type"],
            contentLength: request.headers["content-length"],
            ...request.query,
          });
          return reply.code(201).send(record);
        } catch (error) {
          // The rest of an over-long body is not read: close the connection instead of draining it.
          if (isTooLarge(error)) reply.header("connection", "close");
          throw error;
        }
      },
    );

    app.get(
      "/node/datasets",
      {
        config: { access: read },
        schema: {
          tags,
          summary: "The caller's participant's datasets in the node",
          response: withProblems({ 200: z.object({ items: z.array(datasetSchema) }) }),
        },
      },
      async (request) => ({ items: await listOwned(k, principalOf(request)) }),
    );

    app.get(
      "/node/datasets/:id",
      {
        config: { access: read },
        schema: {
          tags,
          summary: "One of the caller's datasets",
          params: datasetParams,
          response: withProblems({ 200: datasetSchema }),
        },
      },
      async (request) => ownedDataset(await nodeVault(k), principalOf(request), request.params.id),
    );

    app.get(
      "/node/datasets/:id/profile",
      {
        config: { access: read },
        schema: {
          tags,
          summary:
            "Profile: types, nulls, distinct, min/max, quality with validity against PII detectors, a masked sample",
          params: datasetParams,
          querystring: profileQuery,
          response: withProblems({ 200: profileSchema }),
        },
      },
      async (request) => {
        const vault = await nodeVault(k);
        await ownedDataset(vault, principalOf(request), request.params.id);
        const inspected = await inspectDataset(vault, request.params.id, {
          sampleRows: request.query.sample,
          now: () => k.clock.now(),
        });
        return inspected.profile;
      },
    );

    app.get(
      "/node/datasets/:id/scan",
      {
        config: { access: read },
        schema: {
          tags,
          summary: "PII scan: per column a label, confidence, match rate and personal/sensitive flags",
          params: datasetParams,
          querystring: scanQuery,
          response: withProblems({ 200: scanSchema }),
        },
      },
      async (request) => {
        const vault = await nodeVault(k);
        await ownedDataset(vault, principalOf(request), request.params.id);
        return scanDataset(vault, request.params.id, request.query.sample, k.clock.now());
      },
    );

    app.get(
      "/node/datasets/:id/registration-draft",
      {
        config: { access: read },
        schema: {
          tags,
          summary:
            "A registration body pre-filled from the profile and scan, to edit and POST to /registrations",
          params: datasetParams,
          response: withProblems({ 200: createBody }),
        },
      },
      async (request) => {
        const p = principalOf(request);
        const vault = await nodeVault(k);
        await ownedDataset(vault, p, request.params.id);
        const inspected = await inspectDataset(vault, request.params.id, {
          sampleRows: 0,
          now: () => k.clock.now(),
        });
        return registrationDraft({ ...inspected, holderType: p.participantType });
      },
    );

    app.delete(
      "/node/datasets/:id",
      {
        config: { access: write },
        schema: {
          tags,
          summary: "Delete one of the caller's datasets from the node",
          params: datasetParams,
          response: withProblems({ 204: z.null().describe("deleted") }),
        },
      },
      async (request, reply) => {
        await deleteDataset(k, principalOf(request), request.params.id);
        return reply.code(204).send(null);
      },
    );
  };
