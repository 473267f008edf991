import { Badge } from "@codegouvfr/react-dsfr/Badge";

export interface TableNotesProps {
  note: string;
  countingRule?: string;
  isSynthetic: boolean;
  syntheticLabel: string | null;
  suppressedCount?: { primary: number; secondary: number; total: number };
  /** The displays the table shows, so only the symbols it uses are explained. */
  displays?: readonly string[];
}

const SYMBOLS: { symbol: string; meaning: string }[] = [
  {
    symbol: "< 11",
    meaning: "effectif inférieur à 11 (zéro compris), masqué pour qu'aucun enfant ne soit reconnaissable",
  },
  { symbol: "s", meaning: "secret statistique : valeur masquée pour qu'on ne puisse pas retrouver une petite cellule" },
  { symbol: "n.d.", meaning: "non disponible" },
];

function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString("fr-FR")} ${count > 1 ? many : one}`;
}

/** What every protected table carries under it: hidden cells, the API's notes, the counting rule, synthetic data. */
export function TableNotes({
  note,
  countingRule,
  isSynthetic,
  syntheticLabel,
  suppressedCount,
  displays,
}: TableNotesProps) {
  const symbols = displays ? SYMBOLS.filter(({ symbol }) => displays.includes(symbol)) : [];
  return (
    <div className="fr-text--sm fr-mb-4w">
      {isSynthetic && (
        <p className="fr-mb-1w">
          <Badge as="span" severity="warning" small className="fr-mr-1w">
            Données synthétiques
          </Badge>
          {syntheticLabel}
        </p>
      )}
      {suppressedCount && (
        <p className="fr-mb-1w">
          {suppressedCount.total === 0
            ? "Aucune cellule masquée."
            : suppressedCount.primary === 0
              ? `${plural(suppressedCount.total, "cellule masquée", "cellules masquées")} (« s »).`
              : `${plural(suppressedCount.total, "cellule masquée", "cellules masquées")} (${plural(
                  suppressedCount.primary,
                  "petit effectif",
                  "petits effectifs",
                )}, ${plural(suppressedCount.secondary, "masquée", "masquées")} par secret secondaire).`}
        </p>
      )}
      {symbols.length > 0 && (
        <ul className="fr-mb-1w">
          {symbols.map(({ symbol, meaning }) => (
            <li key={symbol}>
              « {symbol} » : {meaning}.
            </li>
          ))}
        </ul>
      )}
      {note && <p className="fr-mb-1w">{note}</p>}
      {countingRule && (
        <p className="fr-mb-1w">
          <strong>Règle de comptage :</strong> {countingRule}
        </p>
      )}
    </div>
  );
}
