import { Button } from "@codegouvfr/react-dsfr/Button";
import { departmentLabel } from "@shared/departments.ts";
import {
  SURVEY_CAMPAIGN_STATUS_LABELS,
  SURVEY_RESPONSE_STATUS_LABELS,
  SURVEY_RESPONSE_STATUSES,
  type SurveyCampaignView,
  type UpdateSurveyCampaignInput,
} from "@shared/observatory.ts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { observatoryApi } from "../../../api.ts";
import { formatDateTime } from "../../../components/format-date.ts";
import { problemText } from "../problem-text.ts";
import { ConsolidationPanel } from "./ConsolidationPanel.tsx";
import { formatDay } from "./format-day.ts";
import { ReviewResponseActions } from "./ReviewResponseActions.tsx";
import { SurveyStatusBadge } from "./SurveyStatusBadge.tsx";

/** One campaign for the analyst: every association's answer and status, the reviews, closing and consolidating. */
export function CampaignDetail({ campaign }: { campaign: SurveyCampaignView }) {
  const queryClient = useQueryClient();
  const update = useMutation({
    mutationFn: (input: UpdateSurveyCampaignInput) => observatoryApi.updateSurveyCampaign(campaign.id, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["observatory", "survey"] }),
  });
  const summary = SURVEY_RESPONSE_STATUSES.map(
    (status) => `${SURVEY_RESPONSE_STATUS_LABELS[status]} : ${campaign.counts[status]}`,
  ).join(" · ");

  return (
    <section aria-labelledby="campaign-detail" className="fr-mt-4w">
      <h2 id="campaign-detail">
        Campagne {campaign.year} — {SURVEY_CAMPAIGN_STATUS_LABELS[campaign.status]}
      </h2>
      <p>
        Du {formatDay(campaign.opensOn)} au {formatDay(campaign.closesOn)}. {summary}.
      </p>
      {update.error && (
        <p className="fr-error-text" role="alert">
          {problemText(update.error)}
        </p>
      )}
      {campaign.status === "open" && (
        <Button priority="secondary" disabled={update.isPending} onClick={() => update.mutate({ status: "closed" })}>
          Clore la campagne
        </Button>
      )}
      {campaign.status === "closed" && (
        <Button disabled={update.isPending} onClick={() => update.mutate({ status: "consolidated" })}>
          Consolider les totaux
        </Button>
      )}
      <div className="fr-table fr-table--bordered fr-mt-3w">
        <div className="fr-table__wrapper">
          <div className="fr-table__container">
            <div className="fr-table__content">
              <table>
                <caption>Réponses des associations ({campaign.responses.length})</caption>
                <thead>
                  <tr>
                    <th scope="col">Association</th>
                    <th scope="col">Département</th>
                    <th scope="col">État</th>
                    <th scope="col">Transmise le</th>
                    <th scope="col">Personnes déclarées</th>
                    <th scope="col">Actions</th>
                  </tr>
                </thead>
                <tbody>
                  {campaign.responses.map((response) => (
                    <tr key={response.organisationId}>
                      <th scope="row">
                        {response.organisationName}
                        {response.keepsCasesInRepere && (
                          <span className="fr-hint-text">Suit des dossiers dans Repère : non additionnée</span>
                        )}
                      </th>
                      <td>{response.departmentCode ? departmentLabel(response.departmentCode) : "—"}</td>
                      <td>
                        <SurveyStatusBadge status={response.status} />
                        {response.correctionMessage && response.status === "correction_requested" && (
                          <span className="fr-hint-text">{response.correctionMessage}</span>
                        )}
                      </td>
                      <td>{response.submittedAt ? formatDateTime(response.submittedAt) : "—"}</td>
                      <td>{response.figures ? response.figures.total : "—"}</td>
                      <td>
                        {campaign.status !== "consolidated" && (
                          <ReviewResponseActions campaignId={campaign.id} response={response} />
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        </div>
      </div>
      {campaign.status === "consolidated" && <ConsolidationPanel campaignId={campaign.id} />}
    </section>
  );
}
