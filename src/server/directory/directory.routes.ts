import { DirectoryOrganisationsQuery } from "@shared/directory.ts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../context.ts";
import { actorOf } from "../http/route-config.ts";
import { listMembersInDirectory, listOrganisationsInDirectory } from "./directory.service.ts";

const tags = ["annuaire"];
const IdParams = z.strictObject({ id: z.uuid("Identifiant invalide.") });

export const directoryRoutes = (ctx: AppContext) => async (fastify: FastifyInstance) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    "/api/directory/organisations",
    {
      config: { policy: "directory.list_organisations" },
      schema: {
        tags,
        summary: "Organisations destinataires d'un partage ou d'un transfert",
        querystring: DirectoryOrganisationsQuery,
      },
    },
    async (request) => listOrganisationsInDirectory(ctx, actorOf(request), request.query),
  );
  app.get(
    "/api/directory/organisations/:id/members",
    {
      config: { policy: "directory.list_members" },
      schema: { tags, summary: "Personnes d'une organisation à qui partager un dossier", params: IdParams },
    },
    async (request) => listMembersInDirectory(ctx, actorOf(request), request.params.id),
  );
};
