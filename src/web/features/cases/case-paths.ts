import { PATHS } from "../../paths.ts";

export function caseFilePath(id: string): string {
  return PATHS.caseFile.replace(":id", encodeURIComponent(id));
}

/** The case opened on its pathway tab. */
export function casePathwayPath(id: string): string {
  return `${caseFilePath(id)}?onglet=parcours`;
}
