import { formatIssuesInFrench } from "./french-errors";
import { QualificationInput } from "./qualification-input";
import { qualify } from "./qualify";

export interface QualifyCliOutput {
  stdout: string;
  stderr: string;
  exitCode: 0 | 2;
}

/**
 * The whole `npx repere qualify FILE.json` contract, minus reading the file: stdout carries one JSON object and
 * nothing else so it can be piped; every message goes to stderr.
 */
export function runQualifyCli(rawJsonText: string, today?: Date): QualifyCliOutput {
  let data: unknown;
  try {
    data = JSON.parse(rawJsonText);
  } catch (error) {
    const detail = error instanceof Error ? ` (${error.message})` : "";
    return { stdout: "", stderr: `Entrée invalide : le fichier n'est pas un JSON valide${detail}.\n`, exitCode: 2 };
  }

  const parsed = QualificationInput.safeParse(data);
  if (!parsed.success) {
    return { stdout: "", stderr: `Entrée invalide :\n${formatIssuesInFrench(parsed.error.issues)}\n`, exitCode: 2 };
  }
  const result = qualify(parsed.data, { today });
  return { stdout: `${JSON.stringify(result)}\n`, stderr: "", exitCode: 0 };
}
