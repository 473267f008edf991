import { ROLES, type Role } from "@shared/roles.ts";
import type { Command } from "commander";
import { eq } from "drizzle-orm";
import { createUser } from "../admin/admin.service.ts";
import { openContext } from "../bootstrap.ts";
import { readConfig } from "../config.ts";
import { organisations } from "../db/schema.ts";
import { AppError } from "../http/errors.ts";
import { systemActor } from "../policy/actor.ts";
import { explainFailure, fail } from "./main.ts";

export function userCommands(program: Command) {
  const user = program.command("user").description("comptes");
  user
    .command("create")
    .description("crée un compte (mot de passe provisoire à changer à la première connexion)")
    .requiredOption("--email <adresse>")
    .requiredOption("--name <nom>", "nom affiché")
    .requiredOption("--role <rôle...>", `un ou plusieurs rôles parmi : ${ROLES.join(", ")}`)
    .requiredOption("--organisation <id ou nom>", "organisation de rattachement")
    .action(async (options: { email: string; name: string; role: string[]; organisation: string }) => {
      const unknown = options.role.filter((r) => !(ROLES as readonly string[]).includes(r));
      if (unknown.length) fail(`Rôle inconnu : ${unknown.join(", ")}.`);
      const ctx = await openContext(readConfig(), { createKeys: true }).catch(explainFailure);
      try {
        const isUuid = /^[0-9a-f-]{36}$/i.test(options.organisation);
        const [organisation] = await ctx.db
          .select()
          .from(organisations)
          .where(isUuid ? eq(organisations.id, options.organisation) : eq(organisations.name, options.organisation));
        if (!organisation) fail(`Organisation introuvable : ${options.organisation}.`);
        // Whoever runs the CLI has shell access to the server: Repère acts as itself, and the audit log says so.
        const operator = systemActor("cli:user-create");
        const { user: created, temporaryPassword } = await createUser(ctx, operator, {
          organisationId: organisation.id,
          email: options.email,
          displayName: options.name,
          roles: options.role as Role[],
        });
        process.stdout.write(`Compte créé : ${created.email}\nMot de passe provisoire : ${temporaryPassword}\n`);
      } catch (error) {
        if (error instanceof AppError)
          fail(error.errors?.map((e) => e.message).join(" ") || error.detail || error.code);
        explainFailure(error);
      } finally {
        await ctx.database.close();
      }
    });
}
