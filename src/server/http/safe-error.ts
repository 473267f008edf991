/**
 * What a log line may say about an unexpected error. Driver messages can quote SQL parameters (names, birth dates),
 * so only the error's type, its code and the stack frames are kept: enough to find the bug, nothing about a person.
 */
export function safeError(error: unknown): { type: string; code?: string; frames: string[] } {
  if (!(error instanceof Error)) return { type: typeof error, frames: [] };
  const code = (error as { code?: unknown }).code;
  const frames = (error.stack ?? "")
    .split("\n")
    .filter((line) => line.trimStart().startsWith("at "))
    .slice(0, 12)
    .map((line) => line.trim());
  return { type: error.name, ...(typeof code === "string" ? { code } : {}), frames };
}
