import { Tile } from "@codegouvfr/react-dsfr/Tile";
import { ROLE_LABELS } from "@shared/roles.ts";
import { capabilitiesFor } from "../../capabilities.ts";
import { useActiveSession } from "../../session.ts";
import { InboxSummary } from "../pathway/InboxSummary.tsx";
import { ROLE_DESCRIPTIONS } from "./role-descriptions.ts";

export function HomePage() {
  const session = useActiveSession();
  const { user } = session;
  const capabilities = capabilitiesFor(session.can);

  return (
    <>
      <title>Accueil — Repère</title>
      <h1 className="fr-mt-4w">Accueil</h1>
      <p className="fr-text--lead">
        Bonjour {user.displayName}, vous êtes connecté(e) pour {user.organisation.name}.
      </p>

      {session.can.includes("pathway.inbox") && <InboxSummary />}

      <h2>{user.roles.length > 1 ? "Vos rôles" : "Votre rôle"}</h2>
      <ul>
        {user.roles.map((role) => (
          <li key={role}>
            <strong>{ROLE_LABELS[role]}</strong> : {ROLE_DESCRIPTIONS[role]}
          </li>
        ))}
      </ul>

      <h2 className="fr-mt-4w">Ce que vous pouvez faire</h2>
      <ul className="fr-grid-row fr-grid-row--gutters fr-raw-list">
        {capabilities.map((capability) => (
          <li key={capability.path} className="fr-col-12 fr-col-md-6 fr-col-lg-4">
            <Tile
              title={capability.title}
              titleAs="h3"
              desc={capability.description}
              linkProps={{ to: capability.path }}
              enlargeLinkOrButton
              orientation="horizontal"
            />
          </li>
        ))}
      </ul>
    </>
  );
}
