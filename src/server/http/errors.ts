import type { ErrorCode, FieldError } from "@shared/problem.ts";

/** The one error type services throw; the problem handler turns it into RFC 9457 problem+json. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    readonly detail?: string,
    readonly errors?: FieldError[],
  ) {
    super(code);
  }
}

export const notFound = () => new AppError("not_found", 404);
export const forbidden = () => new AppError("forbidden", 403);
export const conflict = (detail?: string) => new AppError("conflict", 409, detail);
