import { useEffect, useState } from "react";
import { loadDsfrChart } from "./load-dsfr-chart.ts";

export type ChartLibraryState = "loading" | "ready" | "failed";

/** Loads the chart components on first use, so the observatory's charts never weigh on other pages. */
export function useDsfrChart(): ChartLibraryState {
  const [state, setState] = useState<ChartLibraryState>("loading");
  useEffect(() => {
    let isCurrent = true;
    loadDsfrChart().then(
      () => isCurrent && setState("ready"),
      () => isCurrent && setState("failed"),
    );
    return () => {
      isCurrent = false;
    };
  }, []);
  return state;
}
