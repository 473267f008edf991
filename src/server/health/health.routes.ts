import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../context.ts";
import { migrationsAreCurrent } from "../db/migrate.ts";
import { AppError } from "../http/errors.ts";

const Health = z.object({
  status: z.literal("ok"),
  database: z.enum(["pglite", "postgres"]),
  migrations: z.literal("current"),
});

export const healthRoutes = (ctx: AppContext) => async (fastify: FastifyInstance) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    "/api/health",
    {
      config: { policy: "public" },
      schema: { summary: "État du service", tags: ["système"], response: { 200: Health } },
    },
    async () => {
      let current: boolean;
      try {
        current = await migrationsAreCurrent(ctx.database);
      } catch {
        throw new AppError("service_unavailable", 503, "Base de données injoignable.");
      }
      if (!current) throw new AppError("service_unavailable", 503, "Migrations de la base en attente.");
      return { status: "ok" as const, database: ctx.database.kind, migrations: "current" as const };
    },
  );
};
