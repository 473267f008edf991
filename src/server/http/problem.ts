import { type ErrorCode, type FieldError, PROBLEM_TITLES, type Problem } from "@shared/problem.ts";
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { ZodError } from "zod";
import { AppError } from "./errors.ts";
import { safeError } from "./safe-error.ts";

function problem(code: ErrorCode, status: number, instance: string, extra: Partial<Problem> = {}): Problem {
  // Absolute type URIs, as RFC 9457 recommends; they name the code and need not resolve.
  return { type: `urn:repere:problem:${code}`, title: PROBLEM_TITLES[code], status, instance, code, ...extra };
}

function zodFieldErrors(error: ZodError): FieldError[] {
  return error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
}

// Fastify's own errors for malformed requests, mapped to stable codes.
const FASTIFY_CODES: Record<string, [ErrorCode, number]> = {
  FST_ERR_CTP_INVALID_JSON_BODY: ["invalid_json", 400],
  FST_ERR_CTP_EMPTY_JSON_BODY: ["invalid_json", 400],
  FST_ERR_CTP_BODY_TOO_LARGE: ["payload_too_large", 413],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: ["unsupported_media_type", 415],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: ["invalid_input", 400],
  FST_CSRF_INVALID_TOKEN: ["csrf_invalid", 403],
  FST_CSRF_MISSING_SECRET: ["csrf_invalid", 403],
  FST_ERR_BAD_URL: ["not_found", 404],
};

/** Turns anything thrown into a problem. Only AppError, validation and known framework errors keep their meaning. */
export function toProblem(error: unknown, requestId: string): Problem {
  const instance = `urn:uuid:${requestId}`;
  if (error instanceof AppError) {
    return problem(error.code, error.status, instance, {
      ...(error.detail ? { detail: error.detail } : {}),
      ...(error.errors ? { errors: error.errors } : {}),
    });
  }
  if (error instanceof ZodError) {
    return problem("invalid_input", 400, instance, { errors: zodFieldErrors(error) });
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const part = (error as FastifyError).validationContext ?? "body";
    const errors = error.validation.map((v) => ({
      path: [part === "body" ? "" : part, ...v.instancePath.split("/")].filter((x) => x !== "").join("."),
      message: v.message ?? "Valeur invalide.",
    }));
    return problem("invalid_input", 400, instance, { errors });
  }
  const fastifyError = error as Partial<FastifyError>;
  const known = fastifyError.code ? FASTIFY_CODES[fastifyError.code] : undefined;
  if (known) return problem(known[0], known[1], instance);
  if (fastifyError.statusCode === 429) return problem("too_many_requests", 429, instance);
  if (typeof fastifyError.statusCode === "number" && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    return problem("invalid_input", fastifyError.statusCode, instance);
  }
  return problem("internal_error", 500, instance);
}

export function sendProblem(reply: FastifyReply, request: FastifyRequest, error: unknown) {
  const body = toProblem(error, request.id);
  if (body.status >= 500) request.log.error({ error: safeError(error) }, "unhandled error");
  else request.log.info({ code: body.code, status: body.status }, "request refused");
  return reply.status(body.status).type("application/problem+json").send(body);
}
