import { AuditQuery } from "@shared/admin.ts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../context.ts";
import { actorOf } from "../http/route-config.ts";
import { browseAuditTrail, latestAnchorFor, takeAnchor, verifyAuditTrailFor } from "./audit.service.ts";

const tags = ["audit"];
const AnchorInput = z.strictObject({
  id: z.number().int().nullable(),
  createdAt: z.iso.datetime(),
  heads: z
    .array(
      z.strictObject({
        shard: z.number().int().min(0),
        position: z.number().int().min(0),
        hash: z.string().regex(/^[0-9a-f]{64}$/),
      }),
    )
    .max(1024),
  keyId: z.string().max(64),
  mac: z.string().regex(/^[0-9a-f]{64}$/),
});
const VerifyInput = z.strictObject({ anchor: AnchorInput.optional() });

export const auditRoutes = (ctx: AppContext) => async (fastify: FastifyInstance) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    "/api/admin/audit",
    {
      config: { policy: "audit.read" },
      schema: { tags, summary: "Journal d'audit de mon périmètre", querystring: AuditQuery },
    },
    async (request) => browseAuditTrail(ctx, actorOf(request), request.query),
  );
  app.post(
    "/api/admin/audit/verify",
    {
      config: { policy: "audit.verify" },
      schema: {
        tags,
        summary: "Vérifier l'intégrité du journal (ancre externe facultative)",
        body: VerifyInput.nullish(),
      },
    },
    async (request) => verifyAuditTrailFor(ctx, actorOf(request), request.body?.anchor),
  );
  app.get(
    "/api/admin/audit/anchor",
    { config: { policy: "audit.verify" }, schema: { tags, summary: "Télécharger la dernière ancre du journal" } },
    async (request, reply) => {
      const anchor = await latestAnchorFor(ctx, actorOf(request));
      return reply
        .header("content-disposition", `attachment; filename="repere-ancre-audit-${anchor.id}.json"`)
        .send(anchor);
    },
  );
  app.post(
    "/api/admin/audit/anchor",
    { config: { policy: "audit.verify" }, schema: { tags, summary: "Prendre une ancre maintenant" } },
    async (request, reply) => reply.status(201).send(await takeAnchor(ctx, actorOf(request))),
  );
};
