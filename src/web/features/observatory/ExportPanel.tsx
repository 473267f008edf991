import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Select } from "@codegouvfr/react-dsfr/Select";
import type { ExportFormat, ObservatoryTableQuery } from "@shared/observatory.ts";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { observatoryApi } from "../../api.ts";
import { saveFile } from "../../components/save-file.ts";
import { canDo, useActiveSession } from "../../session.ts";
import { problemText } from "./problem-text.ts";

export interface ExportableTable {
  title: string;
  query: ObservatoryTableQuery;
}

/** Downloads of what the dashboard shows (CSV, ODS) and of the annual report, each as the server protects it. */
export function ExportPanel({ tables, reportYear }: { tables: ExportableTable[]; reportYear: number }) {
  const session = useActiveSession();
  const [chosen, setChosen] = useState(0);
  const exportTable = useMutation({
    mutationFn: ({ query, format }: { query: ObservatoryTableQuery; format: ExportFormat }) =>
      observatoryApi.exportTable(query, format),
    onSuccess: saveFile,
  });
  const report = useMutation({ mutationFn: observatoryApi.downloadAnnualReport, onSuccess: saveFile });
  const mayExport = canDo(session, "observatory.export") && tables.length > 0;
  const mayReport = canDo(session, "observatory.annual_report");
  if (!mayExport && !mayReport) return null;
  const table = tables[chosen] ?? tables[0];
  const error = exportTable.error ?? report.error;

  return (
    <section aria-labelledby="observatory-exports" className="fr-p-3w fr-mb-4w fr-background-alt--grey">
      <h2 id="observatory-exports" className="fr-h4">
        Télécharger
      </h2>
      {error && <Alert severity="error" small role="alert" description={problemText(error)} className="fr-mb-2w" />}
      {mayExport && table && (
        <>
          <Select
            label="Tableau à exporter"
            nativeSelectProps={{ value: String(chosen), onChange: (event) => setChosen(Number(event.target.value)) }}
          >
            {tables.map((option, index) => (
              <option key={option.title} value={index}>
                {option.title}
              </option>
            ))}
          </Select>
          <ul className="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left">
            {(["csv", "ods"] as const).map((format) => (
              <li key={format}>
                <Button
                  priority="secondary"
                  iconId="fr-icon-download-line"
                  disabled={exportTable.isPending}
                  onClick={() => exportTable.mutate({ query: table.query, format })}
                >
                  {`Exporter en ${format.toUpperCase()}`}
                </Button>
              </li>
            ))}
          </ul>
        </>
      )}
      {mayReport && (
        <Button
          priority="secondary"
          iconId="fr-icon-file-pdf-line"
          disabled={report.isPending}
          onClick={() => report.mutate(reportYear)}
        >
          {`Rapport annuel ${reportYear} (PDF)`}
        </Button>
      )}
    </section>
  );
}
