import type { CaseView } from "@shared/cases.ts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ApiProblem } from "../../api.ts";
import { type FormErrors, NO_ERRORS } from "../../components/form-errors.ts";
import { nestedErrorsFromUnknown } from "./case-form-errors.ts";
import { caseQueryKey, casesQueryKey } from "./cases-query.ts";

/**
 * A write on one case that answers the updated CaseView: the page shows it at once and the list refreshes.
 * Errors stay in the form with the user's input; a stale version (409 conflict) is flagged so the form can offer to
 * reload the case without clearing what was typed.
 */
export function useCaseChange<TInput>(
  caseId: string,
  write: (input: TInput) => Promise<CaseView>,
  onDone?: (updated: CaseView) => void,
) {
  const queryClient = useQueryClient();
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [isConflict, setIsConflict] = useState(false);

  const mutation = useMutation({
    mutationFn: write,
    onSuccess: async (updated) => {
      setErrors(NO_ERRORS);
      setIsConflict(false);
      queryClient.setQueryData(caseQueryKey(caseId), updated);
      await queryClient.invalidateQueries({ queryKey: casesQueryKey, refetchType: "none" });
      onDone?.(updated);
    },
    onError: (error) => {
      setIsConflict(error instanceof ApiProblem && error.code === "conflict");
      setErrors(nestedErrorsFromUnknown(error));
    },
  });

  return { mutation, errors, setErrors, isConflict };
}

/** Fetches the case again after a conflict; the forms keep their drafts and pick up the new version. */
export function useReloadCase(caseId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: caseQueryKey(caseId), exact: true });
}
