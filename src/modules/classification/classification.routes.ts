import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf, allow, principalOf } from "../../kernel/http/access.js";
import { withProblems } from "../../kernel/http/problem.schema.js";
import type { Kernel } from "../../kernel/kernel.js";
import type { RuleKey } from "./classification.model.js";
import {
  decideQuery,
  decisionSchema,
  ruleChangeBody,
  ruleParams,
  ruleSchema,
  sensitiveQuery,
} from "./classification.schema.js";
import {
  type CirculationRule,
  decideCirculation,
  getRule,
  listRules,
  ruleHistory,
  updateRule,
} from "./rules.service.js";

/**
 * Classification and grading rules (PR-1). The rules are published: anyone may read them and
 * their history (like the negative list, SG-1, they bind every participant). Asking for a decision
 * takes a login; changing a rule is for the regulator's admins and reviewers only.
 */
const regulators = allow.participantTypes(["regulator"], { roles: ["admin", "reviewer"] });

/** Who changed a rule, as published: the participant (or the system), not the user. */
const present = (rule: CirculationRule) => ({
  ...rule,
  updatedBy: {
    ...(rule.updatedBy.participantId ? { participantId: rule.updatedBy.participantId } : {}),
    ...(rule.updatedBy.system ? { system: rule.updatedBy.system } : {}),
  },
});

const keyOf = (
  params: { originClass: RuleKey["originClass"]; grade: RuleKey["grade"] },
  sensitive: string,
) => ({
  originClass: params.originClass,
  grade: params.grade,
  sensitivePersonal: sensitive === "true",
});

export const classificationRoutes =
  (k: Kernel): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/classification/rules",
      {
        config: { access: allow.public() },
        schema: {
          tags: ["classification"],
          summary: "The circulation rules for every class × grade (分类分级)",
          response: withProblems({ 200: z.object({ items: z.array(ruleSchema) }) }),
        },
      },
      async () => ({ items: (await listRules(k.db)).map(present) }),
    );

    app.get(
      "/classification/rules/:originClass/:grade",
      {
        config: { access: allow.public() },
        schema: {
          tags: ["classification"],
          summary: "One circulation rule",
          params: ruleParams,
          querystring: sensitiveQuery,
          response: withProblems({ 200: ruleSchema }),
        },
      },
      async (request) => present(await getRule(k.db, keyOf(request.params, request.query.sensitive))),
    );

    app.get(
      "/classification/rules/:originClass/:grade/history",
      {
        config: { access: allow.public() },
        schema: {
          tags: ["classification"],
          summary: "Every version of one circulation rule, oldest first",
          params: ruleParams,
          querystring: sensitiveQuery,
          response: withProblems({ 200: z.object({ items: z.array(ruleSchema) }) }),
        },
      },
      async (request) => ({
        items: (await ruleHistory(k.db, keyOf(request.params, request.query.sensitive))).map(present),
      }),
    );

    app.get(
      "/classification/decide",
      {
        config: { access: allow.authenticated() },
        schema: {
          tags: ["classification"],
          summary: "May data of this class, grade and sensitivity circulate in this mode, and on what terms?",
          querystring: decideQuery,
          response: withProblems({ 200: decisionSchema }),
        },
      },
      async (request) => {
        const { originClass, grade, sensitive, mode } = request.query;
        return decideCirculation(k.db, { originClass, grade, sensitivePersonal: sensitive === "true", mode });
      },
    );

    app.patch(
      "/classification/rules/:originClass/:grade",
      {
        config: { access: regulators },
        schema: {
          tags: ["classification"],
          summary:
            "Change the modes of one rule, with a reason (regulator); core data's modes stay forbidden (409)",
          params: ruleParams,
          querystring: sensitiveQuery,
          body: ruleChangeBody,
          response: withProblems({ 200: ruleSchema }),
        },
      },
      async (request) => {
        const { modes, reason, expectedVersion } = request.body;
        const rule = await updateRule(
          k,
          actorOf(principalOf(request)),
          keyOf(request.params, request.query.sensitive),
          { modes, expectedVersion },
          reason,
        );
        return present(rule);
      },
    );
  };
