import type { SaturationView } from "@shared/observatory.ts";

const formatNumber = (value: number) => value.toLocaleString("fr-FR", { maximumFractionDigits: 2 });

/** The scatter plot's table alternative: one row per département or folded group. */
export function SaturationPointsTable({ view }: { view: SaturationView }) {
  return (
    <div className="fr-table fr-table--bordered fr-mb-1w">
      <div className="fr-table__wrapper">
        <div className="fr-table__container">
          <div className="fr-table__content">
            <table>
              <caption>
                Exposition et saturation par département ({view.query.year})
                <span className="fr-hint-text">Les unités dont l'effectif est masqué ne figurent pas.</span>
              </caption>
              <thead>
                <tr>
                  <th scope="col">Département ou groupe</th>
                  <th scope="col">{view.exposureLabel}</th>
                  <th scope="col">{view.indicatorLabel}</th>
                </tr>
              </thead>
              <tbody>
                {view.points.map((point) => (
                  <tr key={point.code}>
                    <th scope="row">{point.label}</th>
                    <td>{formatNumber(point.exposure)}</td>
                    <td>{formatNumber(point.saturation)}</td>
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
