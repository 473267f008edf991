import { PATHS } from "../../paths.ts";

export function caseFilePath(id: string): string {
  return PATHS.caseFile.replace(":id", encodeURIComponent(id));
}
