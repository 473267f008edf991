import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { type FormErrors, NO_ERRORS } from "../../components/form-errors.ts";
import { nestedErrorsFromUnknown } from "../cases/case-form-errors.ts";
import { casesQueryKey } from "../cases/cases-query.ts";

/** Every pathway query starts with this key, so a step refreshes the case's pathway, the inbox and the reviews. */
export const pathwayQueryKey = ["pathway"] as const;
export const casePathwayQueryKey = (caseId: string) => [...pathwayQueryKey, "case", caseId] as const;
export const inboxQueryKey = (scope: string) => [...pathwayQueryKey, "inbox", scope] as const;
export const reviewQueryKey = (id: string) => [...pathwayQueryKey, "review", id] as const;
export const transferQueryKey = (id: string) => [...pathwayQueryKey, "transfer", id] as const;
export const reviewCandidatesQueryKey = (caseId: string) => [...pathwayQueryKey, "candidates", caseId] as const;

/**
 * A pathway write: errors stay in the form beside the user's input; on success every pathway view and the case
 * (whose timeline and victim status the pathway feeds) are fetched again.
 */
export function usePathwayChange<TInput, TResult>(
  write: (input: TInput) => Promise<TResult>,
  onDone?: (result: TResult) => void,
) {
  const queryClient = useQueryClient();
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const mutation = useMutation({
    mutationFn: write,
    onSuccess: async (result) => {
      setErrors(NO_ERRORS);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: pathwayQueryKey }),
        queryClient.invalidateQueries({ queryKey: casesQueryKey }),
      ]);
      onDone?.(result);
    },
    onError: (error) => setErrors(nestedErrorsFromUnknown(error)),
  });
  return { mutation, errors, setErrors };
}
