import type { Command } from "commander";
import { currentTotp } from "../auth/totp.ts";

export function totpCommand(program: Command) {
  program
    .command("totp <secret>")
    .description("affiche le code TOTP actuel d'un secret (comptes de démonstration)")
    .action(async (secret: string) => {
      process.stdout.write(`${await currentTotp(secret)}\n`);
    });
}
