import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Tabs } from "@codegouvfr/react-dsfr/Tabs";
import { useQuery } from "@tanstack/react-query";
import { observatoryApi } from "../../../api.ts";
import { LoadingMessage } from "../../../components/LoadingMessage.tsx";
import { problemText } from "../problem-text.ts";
import { formatDay } from "./format-day.ts";
import { SurveyCsvUpload } from "./SurveyCsvUpload.tsx";
import { SurveyResponseForm } from "./SurveyResponseForm.tsx";
import { SurveyStatusBadge } from "./SurveyStatusBadge.tsx";
import { surveyCampaignsKey } from "./survey-query.ts";

/** An association worker's view: the open campaign, its own answer's status, and the form or the CSV to answer. */
export function AssociationSurvey() {
  const campaigns = useQuery({ queryKey: surveyCampaignsKey, queryFn: observatoryApi.listSurveyCampaigns });
  if (campaigns.error) return <Alert severity="error" small description={problemText(campaigns.error)} />;
  if (!campaigns.data) return <LoadingMessage />;
  const open = campaigns.data.find((campaign) => campaign.status === "open");
  if (!open) {
    return (
      <p>Aucune campagne d'enquête n'est ouverte. L'observatoire vous préviendra à l'ouverture de la prochaine.</p>
    );
  }
  // The server lists only the caller's own association among a campaign's responses.
  const [response] = open.responses;
  const mayAnswer = response?.status !== "validated";

  return (
    <>
      <h2>Campagne {open.year}</h2>
      <p>
        Ouverte du {formatDay(open.opensOn)} au {formatDay(open.closesOn)}. Indiquez les personnes de moins de 22 ans
        accompagnées par votre association dans l'année : des chiffres seulement, aucun nom.
      </p>
      {response && (
        <p>
          État de votre réponse : <SurveyStatusBadge status={response.status} />
        </p>
      )}
      {response?.status === "correction_requested" && response.correctionMessage && (
        <Alert
          severity="warning"
          small
          className="fr-mb-3w"
          title="L'observatoire demande une correction"
          description={response.correctionMessage}
        />
      )}
      {response?.keepsCasesInRepere && (
        <Alert
          severity="info"
          small
          className="fr-mb-3w"
          description="Votre association suit aussi des dossiers dans Repère : ces personnes y sont déjà comptées, vos chiffres d'enquête ne seront pas ajoutés aux totaux nationaux."
        />
      )}
      {mayAnswer ? (
        <Tabs
          tabs={[
            {
              label: "Remplir le formulaire",
              content: <SurveyResponseForm campaignId={open.id} response={response} />,
            },
            { label: "Envoyer un fichier CSV", content: <SurveyCsvUpload campaignId={open.id} /> },
          ]}
        />
      ) : (
        <p>Votre réponse a été validée par l'observatoire. Merci.</p>
      )}
    </>
  );
}
