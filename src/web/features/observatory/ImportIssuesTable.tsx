import type { ImportIssue } from "@shared/observatory.ts";

/** A refused file's problems, one row each, in the order of its lines. */
export function ImportIssuesTable({ issues, caption }: { issues: readonly ImportIssue[]; caption: string }) {
  const sorted = [...issues].sort((a, b) => a.line - b.line);
  return (
    <div className="fr-table fr-table--bordered">
      <div className="fr-table__wrapper">
        <div className="fr-table__container">
          <div className="fr-table__content">
            <table>
              <caption>{caption}</caption>
              <thead>
                <tr>
                  <th scope="col">Ligne</th>
                  <th scope="col">Colonne</th>
                  <th scope="col">Erreur</th>
                </tr>
              </thead>
              <tbody>
                {sorted.map((issue, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a line may carry several issues on one column.
                  <tr key={index}>
                    <td>{issue.line > 0 ? issue.line : "—"}</td>
                    <td>{issue.column || "—"}</td>
                    <td>{issue.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      </div>
    </div>
  );
}
