import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import type { OpenDataCatalogueEntry } from "@shared/observatory.ts";
import { useQuery } from "@tanstack/react-query";
import { observatoryApi } from "../../api.ts";
import { LoadingMessage } from "../../components/LoadingMessage.tsx";

const FORMAT_LABELS = { csv: "CSV", json: "JSON" } as const;

function DownloadLinks({ entry }: { entry: OpenDataCatalogueEntry }) {
  return (
    <ul className="fr-raw-list">
      {entry.formats.map(({ format, url }) => (
        <li key={format}>
          <a className="fr-link fr-link--download" href={url} download>
            {`Télécharger « ${entry.title} » au format ${FORMAT_LABELS[format]}`}
          </a>
        </li>
      ))}
    </ul>
  );
}

/** Public: what Repère publishes without sign-in, protected aggregates only, and how they are counted. */
export default function OpenDataPage() {
  const catalogue = useQuery({ queryKey: ["open-data", "catalogue"], queryFn: observatoryApi.getOpenDataCatalogue });

  return (
    <>
      <title>Données ouvertes — Repère</title>
      <h1 className="fr-mt-4w">Données ouvertes</h1>
      <p className="fr-text--lead">
        Chiffres agrégés de l'observatoire Repère sur les mineurs et jeunes majeurs victimes de traite des êtres
        humains, publiés après contrôle du secret statistique. Aucune donnée ne concerne une personne identifiable.
      </p>

      <h2>Tableaux publiés</h2>
      {catalogue.error && (
        <Alert severity="error" small description={`Le catalogue est indisponible : ${catalogue.error.message}`} />
      )}
      {!catalogue.data && !catalogue.error && <LoadingMessage />}
      {catalogue.data && (
        <>
          {catalogue.data.isSynthetic && (
            <p>
              <Badge as="span" severity="warning" small className="fr-mr-1w">
                Données synthétiques
              </Badge>
              {catalogue.data.syntheticLabel}
            </p>
          )}
          <ul className="fr-raw-list">
            {catalogue.data.tables.map((entry) => (
              <li key={entry.id} className="fr-mb-4w">
                <h3 className="fr-h5 fr-mb-1w">{entry.title}</h3>
                <p className="fr-mb-1w">{entry.description}</p>
                <DownloadLinks entry={entry} />
              </li>
            ))}
          </ul>
          <p className="fr-text--sm">
            Licence : {catalogue.data.licence}. Version des données : {catalogue.data.dataVersion}.
          </p>
        </>
      )}

      <h2>Méthodologie</h2>
      <h3 className="fr-h5">Qui est compté</h3>
      <p>
        Chaque personne est comptée une seule fois par tableau, même si plusieurs professionnels l'ont suivie : les
        dossiers qui désignent la même personne sont rapprochés avant le comptage. Les tableaux publiés comptent les
        victimes présumées ou d'un statut supérieur (identifiées par les forces de l'ordre, reconnues par une
        juridiction) ; un simple repérage préoccupant n'est pas publié. Les niveaux de statut ne s'additionnent jamais :
        une personne reconnue par une juridiction a d'abord été présumée victime et n'est comptée qu'une fois.
      </p>
      <h3 className="fr-h5">Période et géographie</h3>
      <p>
        Les tableaux couvrent les cinq dernières années complètes. Chaque personne est comptée l'année où elle a été
        reconnue victime présumée pour la première fois, dans le département de son premier dossier (celui de l'aide
        sociale à l'enfance qui en a la charge pour un jeune confié). Quand un département compte trop peu de personnes,
        il est regroupé avec d'autres de sa région (ou les départements d'outre-mer entre eux) et le tableau le signale.
      </p>
      <h3 className="fr-h5">Secret statistique</h3>
      <p>
        Un effectif de 0 à 10 personnes est affiché « &lt; 11 » : dans un petit territoire, il pourrait désigner un
        enfant, et un zéro affiché renseignerait sur ses voisins. Seuls les zéros structurels (impossibles par
        construction) sont affichés. D'autres cellules sont masquées (« s ») quand on pourrait retrouver un petit
        effectif par différence avec les totaux. Chaque tableau indique le nombre de cellules masquées et la règle de
        comptage appliquée.
      </p>
    </>
  );
}
