import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Upload } from "@codegouvfr/react-dsfr/Upload";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { observatoryApi } from "../../../api.ts";
import { ImportIssuesTable } from "../ImportIssuesTable.tsx";
import { importIssuesOf } from "../import-issues.ts";
import { problemText } from "../problem-text.ts";
import { readTextFile } from "../read-text-file.ts";
import { surveyCampaignsKey } from "./survey-query.ts";

/** The same answer as the form, from the CSV template; a refused file lists its errors line by line. */
export function SurveyCsvUpload({ campaignId }: { campaignId: string }) {
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File>();
  const [missingFile, setMissingFile] = useState(false);
  const upload = useMutation({
    mutationFn: async (chosen: File) => observatoryApi.submitSurveyCsv(campaignId, await readTextFile(chosen)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: surveyCampaignsKey }),
  });
  const issues = importIssuesOf(upload.error);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setMissingFile(!file);
    if (file) upload.mutate(file);
  }

  return (
    <form onSubmit={handleSubmit} noValidate>
      <Upload
        label="Fichier de réponse (CSV)"
        hint="Deux colonnes « categorie,effectif » (en-tête compris), puis une ligne par catégorie : total, sex_female, sex_male, sex_other_or_unknown, age_under_15, age_15_17, age_18_21, age_unknown, form_sexual, form_labour, form_domestic, form_criminal, form_begging, form_other, form_multiple_or_unknown."
        state={missingFile ? "error" : "default"}
        stateRelatedMessage={missingFile ? "Choisissez un fichier CSV." : undefined}
        nativeInputProps={{ accept: ".csv,text/csv", onChange: (event) => setFile(event.target.files?.[0]) }}
      />
      <Button type="submit" priority="secondary" className="fr-mt-2w" disabled={upload.isPending}>
        Envoyer le fichier
      </Button>
      {upload.isSuccess && (
        <p role="status" className="fr-valid-text">
          Réponse transmise à l'observatoire.
        </p>
      )}
      {upload.error && (
        <Alert severity="error" small role="alert" className="fr-my-2w" description={problemText(upload.error)} />
      )}
      {issues.length > 0 && <ImportIssuesTable issues={issues} caption="Erreurs du fichier, ligne par ligne" />}
    </form>
  );
}
