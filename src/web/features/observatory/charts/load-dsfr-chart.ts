let loading: Promise<void> | undefined;

/**
 * Registers dsfr-chart's web components (map-chart, line-chart, bar-chart, scatter-chart) once. The whole
 * library is loaded rather than one file per chart: each file carries its own Vue runtime, and a dashboard uses four.
 */
export function loadDsfrChart(): Promise<void> {
  loading ??= Promise.all([import("@gouvfr/dsfr-chart"), import("@gouvfr/dsfr-chart/css")]).then(
    () => undefined,
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}
