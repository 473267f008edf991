import countries from "i18n-iso-countries";
import fr from "i18n-iso-countries/langs/fr.json";

countries.registerLocale(fr);

/** An ISO 3166-1 alpha-2 code ("FR", "NG", "MA"…), upper case. */
export function isCountryCode(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && countries.isValid(code);
}

/** The French name of a country, for display ("Nigeria", "Maroc"); the code itself when unknown. */
export function countryLabel(code: string): string {
  return countries.getName(code, "fr") ?? code;
}
