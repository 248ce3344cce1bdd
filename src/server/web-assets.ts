import { existsSync } from "node:fs";
import { join } from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { sendProblem } from "../kernel/http/problem.js";
import { packageRoot } from "./package-root.js";

/**
 * Serves the built portal (dist/web) at `/`. Unknown non-API paths that ask for HTML get
 * index.html so the portal's client-side routes survive a reload; everything else is a 404 problem.
 */
export async function registerWebAssets(
  app: FastifyInstance,
  webRoot = join(packageRoot, "dist", "web"),
): Promise<void> {
  const built = existsSync(join(webRoot, "index.html"));
  if (built)
    await app.register(fastifyStatic, { root: webRoot, prefix: "/", wildcard: false, index: ["index.html"] });
  else
    app.get("/", { schema: { hide: true } }, async (_request, reply) =>
      reply.type("text/html").send(NOT_BUILT),
    );

  app.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split("?")[0] ?? "/";
    const wantsPage =
      (request.method === "GET" || request.method === "HEAD") &&
      !path.startsWith("/api/") &&
      (request.headers.accept ?? "").includes("text/html");
    if (wantsPage && built) return reply.type("text/html").sendFile("index.html");
    return sendProblem(request, reply, 404, "route_not_found", `no route ${request.method} ${path}`);
  });
}

const NOT_BUILT = `<!doctype html><meta charset="utf-8"><title>Yaosu</title>
<p>The portal is not built. Run <code>npm run build</code> (npm start does it for you). The API is at <a href="/docs">/docs</a>.</p>`;
