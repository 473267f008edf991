import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import type { ReviewSurveyResponseInput, SurveyResponseView } from "@shared/observatory.ts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { observatoryApi } from "../../../api.ts";
import { problemText } from "../problem-text.ts";
import { surveyCampaignsKey } from "./survey-query.ts";

/** Validate a submitted answer, or send it back with a message saying what to correct. */
export function ReviewResponseActions({ campaignId, response }: { campaignId: string; response: SurveyResponseView }) {
  const queryClient = useQueryClient();
  const [isAsking, setIsAsking] = useState(false);
  const [message, setMessage] = useState("");
  const [messageError, setMessageError] = useState<string>();
  const review = useMutation({
    mutationFn: (input: ReviewSurveyResponseInput) =>
      observatoryApi.reviewSurveyResponse(campaignId, response.organisationId, input),
    onSuccess: () => {
      setIsAsking(false);
      return queryClient.invalidateQueries({ queryKey: surveyCampaignsKey });
    },
  });
  if (response.status !== "submitted") return null;

  function handleRequest(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (message.trim() === "") {
      setMessageError("Dites à l'association ce qu'elle doit corriger.");
      return;
    }
    setMessageError(undefined);
    review.mutate({ decision: "request_correction", message: message.trim() });
  }

  return (
    <>
      {review.error && (
        <p className="fr-error-text" role="alert">
          {problemText(review.error)}
        </p>
      )}
      {isAsking ? (
        <form onSubmit={handleRequest} noValidate>
          <Input
            label={`Correction demandée à ${response.organisationName}`}
            textArea
            state={messageError ? "error" : "default"}
            stateRelatedMessage={messageError}
            nativeTextAreaProps={{
              value: message,
              onChange: (event) => setMessage(event.target.value),
              maxLength: 2000,
            }}
          />
          <ul className="fr-btns-group fr-btns-group--sm">
            <li>
              <Button type="submit" size="small" disabled={review.isPending}>
                Envoyer la demande
              </Button>
            </li>
            <li>
              <Button type="button" size="small" priority="tertiary" onClick={() => setIsAsking(false)}>
                Annuler
              </Button>
            </li>
          </ul>
        </form>
      ) : (
        <ul className="fr-btns-group fr-btns-group--sm">
          <li>
            <Button
              size="small"
              disabled={review.isPending}
              onClick={() => review.mutate({ decision: "validate" })}
              title={`Valider la réponse de ${response.organisationName}`}
            >
              Valider
            </Button>
          </li>
          <li>
            <Button
              size="small"
              priority="secondary"
              onClick={() => setIsAsking(true)}
              title={`Demander une correction à ${response.organisationName}`}
            >
              Demander une correction
            </Button>
          </li>
        </ul>
      )}
    </>
  );
}
