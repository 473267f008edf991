import {
  CreateOrganisationInput,
  CreateUserInput,
  DepartmentCode,
  UpdateOrganisationInput,
  UpdateUserInput,
} from "@shared/admin.ts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../context.ts";
import { actorOf } from "../http/route-config.ts";
import {
  createOrganisation,
  createUser,
  getUserForAdmin,
  listOrganisationsForAdmin,
  listUsersForAdmin,
  resetUserPassword,
  resetUserTotp,
  updateOrganisation,
  updateUserByAdmin,
} from "./admin.service.ts";

const tags = ["administration"];
const IdParams = z.strictObject({ id: z.uuid("Identifiant invalide.") });
const OrganisationsQuery = z.strictObject({
  q: z.string().trim().max(200).optional(),
  departmentCode: DepartmentCode.optional(),
});
const UsersQuery = OrganisationsQuery.extend({ organisationId: z.uuid().optional() });

export const adminRoutes = (ctx: AppContext) => async (fastify: FastifyInstance) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    "/api/admin/organisations",
    {
      config: { policy: "organisation.list" },
      schema: { tags, summary: "Organisations de mon périmètre", querystring: OrganisationsQuery },
    },
    async (request) => listOrganisationsForAdmin(ctx, actorOf(request), request.query),
  );
  app.post(
    "/api/admin/organisations",
    {
      config: { policy: "organisation.create" },
      schema: { tags, summary: "Créer une organisation", body: CreateOrganisationInput },
    },
    async (request, reply) => reply.status(201).send(await createOrganisation(ctx, actorOf(request), request.body)),
  );
  app.patch(
    "/api/admin/organisations/:id",
    {
      config: { policy: "organisation.update" },
      schema: {
        tags,
        summary: "Modifier ou désactiver une organisation",
        params: IdParams,
        body: UpdateOrganisationInput,
      },
    },
    async (request) => updateOrganisation(ctx, actorOf(request), request.params.id, request.body),
  );

  app.get(
    "/api/admin/users",
    { config: { policy: "user.list" }, schema: { tags, summary: "Comptes de mon périmètre", querystring: UsersQuery } },
    async (request) => listUsersForAdmin(ctx, actorOf(request), request.query),
  );
  app.get(
    "/api/admin/users/:id",
    { config: { policy: "user.read" }, schema: { tags, summary: "Un compte", params: IdParams } },
    async (request) => getUserForAdmin(ctx, actorOf(request), request.params.id),
  );
  app.post(
    "/api/admin/users",
    {
      config: { policy: "user.create" },
      schema: { tags, summary: "Créer un compte (mot de passe provisoire)", body: CreateUserInput },
    },
    async (request, reply) => reply.status(201).send(await createUser(ctx, actorOf(request), request.body)),
  );
  app.patch(
    "/api/admin/users/:id",
    {
      config: { policy: "user.update" },
      schema: { tags, summary: "Modifier ou désactiver un compte", params: IdParams, body: UpdateUserInput },
    },
    async (request) => updateUserByAdmin(ctx, actorOf(request), request.params.id, request.body),
  );
  app.post(
    "/api/admin/users/:id/reset-password",
    {
      config: { policy: "user.reset_password" },
      schema: { tags, summary: "Réinitialiser le mot de passe", params: IdParams },
    },
    async (request) => resetUserPassword(ctx, actorOf(request), request.params.id),
  );
  app.post(
    "/api/admin/users/:id/reset-totp",
    {
      config: { policy: "user.reset_totp" },
      schema: { tags, summary: "Réinitialiser la double authentification", params: IdParams },
    },
    async (request) => resetUserTotp(ctx, actorOf(request), request.params.id),
  );
};
