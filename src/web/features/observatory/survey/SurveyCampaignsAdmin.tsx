import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { SURVEY_CAMPAIGN_STATUS_LABELS } from "@shared/observatory.ts";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { observatoryApi } from "../../../api.ts";
import { LoadingMessage } from "../../../components/LoadingMessage.tsx";
import { problemText } from "../problem-text.ts";
import { CampaignDetail } from "./CampaignDetail.tsx";
import { CreateCampaignForm } from "./CreateCampaignForm.tsx";
import { formatDay } from "./format-day.ts";
import { surveyCampaignsKey } from "./survey-query.ts";

/** The analyst's side: campaigns by year, one opened at a time below the list. */
export function SurveyCampaignsAdmin() {
  const campaigns = useQuery({ queryKey: surveyCampaignsKey, queryFn: observatoryApi.listSurveyCampaigns });
  const [selectedId, setSelectedId] = useState<string>();
  const selected = campaigns.data?.find((campaign) => campaign.id === selectedId) ?? campaigns.data?.[0];

  return (
    <>
      <CreateCampaignForm onCreated={setSelectedId} />
      {campaigns.error && <Alert severity="error" small description={problemText(campaigns.error)} />}
      {!campaigns.data && !campaigns.error && <LoadingMessage />}
      {campaigns.data?.length === 0 && <p>Aucune campagne pour l'instant.</p>}
      {campaigns.data && campaigns.data.length > 0 && (
        <div className="fr-table fr-table--bordered">
          <div className="fr-table__wrapper">
            <div className="fr-table__container">
              <div className="fr-table__content">
                <table>
                  <caption>Campagnes d'enquête</caption>
                  <thead>
                    <tr>
                      <th scope="col">Année</th>
                      <th scope="col">Statut</th>
                      <th scope="col">Période</th>
                      <th scope="col">Réponses transmises ou validées</th>
                      <th scope="col">Détail</th>
                    </tr>
                  </thead>
                  <tbody>
                    {campaigns.data.map((campaign) => (
                      <tr key={campaign.id}>
                        <th scope="row">{campaign.year}</th>
                        <td>{SURVEY_CAMPAIGN_STATUS_LABELS[campaign.status]}</td>
                        <td>
                          {formatDay(campaign.opensOn)} – {formatDay(campaign.closesOn)}
                        </td>
                        <td>
                          {campaign.counts.submitted + campaign.counts.validated} / {campaign.responses.length}
                        </td>
                        <td>
                          <Button
                            size="small"
                            priority="tertiary"
                            aria-pressed={selected?.id === campaign.id}
                            onClick={() => setSelectedId(campaign.id)}
                          >
                            {`Voir la campagne ${campaign.year}`}
                          </Button>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </div>
          </div>
        </div>
      )}
      {selected && <CampaignDetail campaign={selected} />}
    </>
  );
}
