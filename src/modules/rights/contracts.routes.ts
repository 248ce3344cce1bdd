import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf, allow, principalOf } from "../../kernel/http/access.js";
import { withProblems } from "../../kernel/http/problem.schema.js";
import type { Kernel } from "../../kernel/kernel.js";
import { acceptContract, declineContract, withdrawContract } from "./contract-decisions.service.js";
import { contractsOf, findContract } from "./contracts.repo.js";
import { proposeContract } from "./contracts.service.js";
import { type Caller, seen, selfOrOverseers } from "./rights.access.js";
import type { RightsPorts } from "./rights.ports.js";
import { presentContract } from "./rights.present.js";
import {
  contractParams,
  contractSchema,
  contractsQuery,
  participantParams,
  proposalBody,
  reasonBody,
  rightParams,
} from "./rights.schema.js";

/**
 * Rights contracts (PR-2, PR-4): a participant's admin proposes, accepts, declines or withdraws —
 * the approval on which the exchange signs with the participant's key (custodial, ADR 0015). The
 * parties and the overseers read a contract; to anyone else it does not exist. A signed contract's
 * answer carries the document, its hash and both signatures with their keys: `yaosu verify contract`.
 */
const tags = ["rights"];
const admins = allow.authenticated(undefined, ["admin"]);
const one = withProblems({ 200: contractSchema });

export const contractRoutes =
  (k: Kernel, ports: RightsPorts): FastifyPluginAsyncZod =>
  async (app) => {
    const callerOf = (request: Parameters<typeof principalOf>[0]): Caller => {
      const p = principalOf(request);
      return { actor: actorOf(p), viewer: p };
    };

    app.post(
      "/rights/:id/contracts",
      {
        config: { access: admins },
        schema: {
          tags,
          summary: "Propose a grant or transfer of a right you hold; the exchange signs it for you (admins)",
          params: rightParams,
          body: proposalBody,
          response: withProblems({ 201: contractSchema }),
        },
      },
      async (request, reply) => {
        const row = await proposeContract(k, ports, callerOf(request), request.params.id, request.body);
        return reply.code(201).send(presentContract(row));
      },
    );

    app.get(
      "/rights/contracts/:id",
      {
        config: { access: allow.authenticated() },
        schema: {
          tags,
          summary:
            "A rights contract with its signed document, hash, signatures and public keys (parties, overseers)",
          params: contractParams,
          response: one,
        },
      },
      async (request) => {
        const row = seen(callerOf(request), request.params.id, await findContract(k.db, request.params.id));
        return presentContract(row);
      },
    );

    app.post(
      "/rights/contracts/:id/accept",
      {
        config: { access: admins },
        schema: {
          tags,
          summary:
            "Accept and sign a proposed contract; the right is granted or moves at once (counterparty admins)",
          params: contractParams,
          response: one,
        },
      },
      async (request) =>
        presentContract(await acceptContract(k, ports, callerOf(request), request.params.id)),
    );

    for (const [action, decide, who] of [
      ["decline", declineContract, "counterparty"],
      ["withdraw", withdrawContract, "proposer"],
    ] as const) {
      app.post(
        `/rights/contracts/:id/${action}`,
        {
          config: { access: admins },
          schema: {
            tags,
            summary: `${action[0]?.toUpperCase()}${action.slice(1)} a proposed contract, optionally with a reason (${who} admins)`,
            params: contractParams,
            body: reasonBody,
            response: one,
          },
        },
        async (request) => {
          const reason = request.body?.reason ?? null;
          return presentContract(await decide(k, callerOf(request), request.params.id, reason));
        },
      );
    }

    app.get(
      "/participants/:id/rights-contracts",
      {
        config: { access: selfOrOverseers },
        schema: {
          tags,
          summary: "The rights contracts a participant is a party to",
          params: participantParams,
          querystring: contractsQuery,
          response: withProblems({ 200: z.object({ items: z.array(contractSchema) }) }),
        },
      },
      async (request) => {
        const rows = await contractsOf(k.db, request.params.id, request.query);
        return { items: rows.map(presentContract) };
      },
    );
  };
