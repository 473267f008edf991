import type { CorrelationResult } from "@shared/observatory.ts";

const METHOD_LABELS: Record<CorrelationResult["method"], string> = {
  spearman: "Spearman (rangs)",
  pearson: "Pearson (linéaire)",
};

const formatCoefficient = (value: number | null) =>
  value === null ? "n.d." : value.toLocaleString("fr-FR", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

function intervalOf(result: CorrelationResult): string {
  if (result.lower === null || result.upper === null) return "non calculable (moins de 4 points)";
  return `[${formatCoefficient(result.lower)} ; ${formatCoefficient(result.upper)}]`;
}

/** Both coefficients with their 95 % interval and the API's caveat, which a reader must see next to the number. */
export function CorrelationTable({ results }: { results: CorrelationResult[] }) {
  return (
    <div className="fr-table fr-table--bordered">
      <div className="fr-table__wrapper">
        {/* Five columns overflow narrow screens: the scrolling area must take the keyboard focus. */}
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region needs focus to scroll by keyboard. */}
        <div className="fr-table__container" tabIndex={0}>
          <div className="fr-table__content">
            <table>
              <caption>Corrélation entre exposition et saturation</caption>
              <thead>
                <tr>
                  <th scope="col">Coefficient</th>
                  <th scope="col">Unités géographiques</th>
                  <th scope="col">Valeur</th>
                  <th scope="col">Intervalle de confiance à 95 %</th>
                  <th scope="col">Réserve</th>
                </tr>
              </thead>
              <tbody>
                {results.map((result) => (
                  <tr key={result.method}>
                    <th scope="row">{METHOD_LABELS[result.method]}</th>
                    <td>{result.n}</td>
                    <td>{formatCoefficient(result.coefficient)}</td>
                    <td>{intervalOf(result)}</td>
                    <td>{result.caveat ?? "Aucune"}</td>
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
