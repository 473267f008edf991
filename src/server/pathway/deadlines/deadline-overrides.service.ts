import { appliedDeadlineRule, DEADLINE_CODES, DeadlineOverrides } from "@shared/calendar/deadline-rules.ts";
import { isDepartmentCode } from "@shared/departments.ts";
import type { DeadlineOverridesView } from "@shared/pathway.ts";
import { recordAudit } from "../../audit/record.ts";
import type { AppContext } from "../../context.ts";
import { AppError } from "../../http/errors.ts";
import type { UserActor } from "../../policy/actor.ts";
import { authorize } from "../../policy/policy.ts";
import { upsertDepartmentOverrides } from "./deadlines.queries.ts";
import { loadDeadlineOverrides } from "./deadlines.service.ts";

function checkDepartment(departmentCode: string): void {
  if (!isDepartmentCode(departmentCode)) {
    throw new AppError("invalid_input", 400, undefined, [
      { path: "departmentCode", message: "Code de département inconnu." },
    ]);
  }
}

function present(departmentCode: string, overrides: DeadlineOverrides | undefined): DeadlineOverridesView {
  return {
    departmentCode,
    overrides: overrides ?? {},
    rules: DEADLINE_CODES.map((code) => appliedDeadlineRule(code, overrides)),
  };
}

/** The catalogue as a département runs it: what each deadline counts, in which unit, after its overrides. */
export async function getDeadlineOverrides(ctx: AppContext, actor: UserActor, departmentCode: string) {
  authorize(actor, "pathway.read_deadline_overrides");
  checkDepartment(departmentCode);
  return present(departmentCode, await loadDeadlineOverrides(ctx.db, departmentCode));
}

/** Replaces a département's overrides; they apply to deadlines started from now on, never to running ones. */
export async function setDeadlineOverrides(
  ctx: AppContext,
  actor: UserActor,
  departmentCode: string,
  input: unknown,
): Promise<DeadlineOverridesView> {
  checkDepartment(departmentCode);
  authorize(actor, "pathway.set_deadline_overrides", { kind: "department", departmentCode });
  // The calendar's own schema: a legal deadline may only be shortened, an alert must precede its deadline.
  const overrides = DeadlineOverrides.parse(input);
  await ctx.db.transaction(async (tx) => {
    await upsertDepartmentOverrides(tx, {
      departmentCode,
      overrides,
      updatedByUserId: actor.userId,
      updatedAt: ctx.now(),
    });
    await recordAudit(tx, ctx.keys.audit, actor, {
      action: "pathway.set_deadline_overrides",
      targetType: "department",
      targetId: departmentCode,
      departmentCode,
      details: { overrides },
    });
  });
  return present(departmentCode, overrides);
}
