import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { AppError, conflict, forbidden, notFound } from "../kernel/errors.js";
import { actorOf, allow, principalOf } from "../kernel/http/access.js";
import { withProblems } from "../kernel/http/problem.schema.js";
import type { Kernel } from "../kernel/kernel.js";
import { getParticipant } from "../modules/identity/index.js";
// The registration module exports no reader yet; the flow reads the row through its repository.
import { findRegistration, OVERSEER_TYPES, PUBLIC_STATUSES } from "../modules/registration/index.js";
import {
  fulfilBody,
  fulfilSourceRequest,
  identifierToMatch,
  presentSourceRequest,
  sourceRequestParams,
  sourceRequestSchema,
  submitBody,
  submitSourceRequest,
} from "../modules/source-requests/index.js";
import { matchRows, renderRows } from "../node/vault/match.js";
import { openNodeVault } from "../node/vault/vault.js";

/**
 * The two steps of a copy request (PR-5) that span modules. Submitting reads the registration (its
 * holder; only registered resources) and the requester's admitted identity (to check the identifier
 * is the requester's own). Fulfilling runs on the holder's node: the dataset the registration names
 * must be in this node's vault, the node matches rows by the identifier in one column, and only
 * those rows become the copy, sealed for the requester.
 */
const tags = ["source-requests"];

export const sourceRequestFlowRoutes =
  (k: Kernel): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      "/source-requests",
      {
        config: { access: allow.authenticated() },
        schema: {
          tags,
          summary: "Ask the holder of a registered resource for a copy of the data about oneself (PR-5)",
          body: submitBody,
          response: withProblems({ 201: sourceRequestSchema }),
        },
      },
      async (request, reply) => {
        const p = principalOf(request);
        const { registrationId, identifier, note } = request.body;
        const reg = await findRegistration(k.db, registrationId);
        const visible =
          reg &&
          (PUBLIC_STATUSES.includes(reg.status) ||
            reg.holder_participant_id === p.participantId ||
            OVERSEER_TYPES.includes(p.participantType));
        if (!reg || !visible)
          throw notFound("registration_not_found", `no registration ${registrationId}`, "registrationId");
        if (reg.status !== "registered")
          throw conflict(
            "registration_not_registered",
            `copies are asked of registered resources; this one is ${reg.status}`,
            "registrationId",
          );
        const me = await getParticipant(k.db, p.participantId);
        const row = await submitSourceRequest(k, actorOf(p), {
          registrationId,
          holderParticipantId: reg.holder_participant_id,
          identifier,
          note,
          requester: {
            residentIdHash: me.resident_id_hash,
            uscc: me.uscc,
            contactEmail: me.contact_email,
            contactPhone: me.contact_phone,
          },
        });
        return reply.code(201).send(presentSourceRequest(row, k.clock.now()));
      },
    );

    app.post(
      "/source-requests/:id/fulfil",
      {
        config: { access: allow.authenticated() },
        schema: {
          tags,
          summary:
            "Fulfil a copy request on the holder's node: match rows by the identifier in one column, seal them for the requester",
          params: sourceRequestParams,
          body: fulfilBody,
          response: withProblems({ 200: sourceRequestSchema }),
        },
      },
      async (request) => {
        const p = principalOf(request);
        const actor = actorOf(p);
        const { id } = request.params;
        const { request: open, value } = await identifierToMatch(k, actor, id);
        const reg = await findRegistration(k.db, open.registration_id);
        if (!reg || reg.holder_participant_id !== p.participantId)
          throw forbidden("not_holder", "only the registration's holder may fulfil");
        if (!reg.dataset_id)
          throw conflict(
            "no_dataset",
            "the registration names no node dataset to match in; refuse with a reason instead",
            "registrationId",
          );
        const vault = await openNodeVault(k);
        const record = await vault.get(reg.dataset_id).catch((error: unknown) => {
          if (error instanceof AppError && error.status === 404)
            throw conflict(
              "dataset_not_in_node",
              `dataset ${reg.dataset_id} is not in this node's vault`,
              "datasetId",
            );
          throw error;
        });
        // datasets imported before ownership was recorded carry no owner; the registration vouches for them
        if (record.ownerParticipantId && record.ownerParticipantId !== p.participantId)
          throw forbidden("not_dataset_owner", "the dataset in this node belongs to another participant");
        const matched = await matchRows(vault, reg.dataset_id, request.body.column, value);
        const bytes = renderRows(matched, request.body.format);
        const row = await fulfilSourceRequest(k, actor, id, {
          format: request.body.format,
          rows: matched.rows.length,
          bytes,
        });
        return presentSourceRequest(row, k.clock.now());
      },
    );
  };
