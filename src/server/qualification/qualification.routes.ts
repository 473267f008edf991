import { QualificationInput } from "@shared/qualification/qualification-input.ts";
import { qualify } from "@shared/qualification/qualify.ts";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { AppContext } from "../context.ts";

// Qualifying abstract facts reads and writes nothing about anyone: no audit entry, no record-level check.
export const qualificationRoutes = (_ctx: AppContext) => async (fastify: FastifyInstance) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.post(
    "/api/qualification",
    {
      config: { policy: "qualification.run" },
      schema: {
        tags: ["identification"],
        summary: "Qualification juridique de faits (CP 225-4-1 et suivants) — même contrat que `repere qualify`",
        body: QualificationInput,
      },
    },
    async (request) => qualify(request.body),
  );
};
