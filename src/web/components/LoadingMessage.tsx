/** Announced politely to screen readers, so a slow screen is not a silent one. */
export function LoadingMessage({ text = "Chargement…" }: { text?: string }) {
  return (
    <p className="fr-my-4w" role="status">
      {text}
    </p>
  );
}
