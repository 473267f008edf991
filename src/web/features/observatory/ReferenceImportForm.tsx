import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Upload } from "@codegouvfr/react-dsfr/Upload";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { observatoryApi } from "../../api.ts";
import { ImportIssuesTable } from "./ImportIssuesTable.tsx";
import { importIssuesOf } from "./import-issues.ts";
import { problemText } from "./problem-text.ts";
import { readTextFile } from "./read-text-file.ts";

/** Imports the départements' child-protection indicators; a file with any error changes nothing. */
export function ReferenceImportForm() {
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File>();
  const [missingFile, setMissingFile] = useState(false);
  const outcomeRef = useRef<HTMLDivElement>(null);
  const upload = useMutation({
    mutationFn: async (chosen: File) => observatoryApi.importReferenceIndicators(await readTextFile(chosen)),
    onSuccess: (report) => {
      if (report.imported) queryClient.invalidateQueries({ queryKey: ["observatory"] });
    },
  });
  const issues = importIssuesOf(upload.data ?? upload.error);
  const hasOutcome = upload.data !== undefined || upload.error !== null;

  useEffect(() => {
    if (hasOutcome) outcomeRef.current?.focus();
  }, [hasOutcome]);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setMissingFile(!file);
    if (file) upload.mutate(file);
  }

  return (
    <section aria-labelledby="reference-import" className="fr-p-3w fr-mb-4w fr-background-alt--grey">
      <h2 id="reference-import" className="fr-h4">
        Importer les indicateurs départementaux
      </h2>
      <p className="fr-text--sm">
        Un fichier CSV (séparateur « ; » ou « , », encodage UTF-8), une ligne par département et par année. Si une seule
        ligne est fausse, rien n'est importé et chaque erreur est listée.
      </p>
      <form onSubmit={handleSubmit} noValidate>
        <Upload
          label="Fichier des indicateurs (CSV)"
          hint="Format .csv"
          state={missingFile ? "error" : "default"}
          stateRelatedMessage={missingFile ? "Choisissez un fichier CSV." : undefined}
          nativeInputProps={{
            accept: ".csv,text/csv",
            onChange: (event) => {
              setFile(event.target.files?.[0]);
              upload.reset();
            },
          }}
        />
        <Button type="submit" className="fr-mt-2w" iconId="fr-icon-upload-line" disabled={upload.isPending}>
          Importer
        </Button>
      </form>
      <div ref={outcomeRef} tabIndex={-1} className="fr-mt-3w">
        {upload.data?.imported && (
          <Alert
            severity="success"
            small
            role="status"
            description={`${upload.data.rowCount.toLocaleString("fr-FR")} lignes importées (années ${upload.data.years.join(", ")}).`}
          />
        )}
        {(upload.error || (upload.data && !upload.data.imported)) && (
          <Alert
            severity="error"
            small
            role="alert"
            className="fr-mb-2w"
            description={
              upload.error
                ? problemText(upload.error)
                : `Le fichier contient ${issues.length} erreur${issues.length > 1 ? "s" : ""} : rien n'a été importé.`
            }
          />
        )}
        {issues.length > 0 && <ImportIssuesTable issues={issues} caption="Erreurs du fichier, ligne par ligne" />}
      </div>
    </section>
  );
}
