import { ApiProblem } from "../../api.ts";

/** The problem's French title, with its detail when the server gave one. */
export function problemText(error: Error): string {
  if (error instanceof ApiProblem && error.problem.detail) return `${error.problem.title} ${error.problem.detail}`;
  return error.message;
}
