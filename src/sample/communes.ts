/**
 * Real Drôme communes (INSEE codes, populations, EPCI) from
 * @etalab/decoupage-administratif.
 */
import communesData from "@etalab/decoupage-administratif/data/communes.json" with {
  type: "json",
};
import epciData from "@etalab/decoupage-administratif/data/epci.json" with { type: "json" };

/** A current commune of the Drôme. */
export interface Commune {
  code: string;
  nom: string;
  population: number;
  codePostal: string;
  /** Member of Valence Romans Agglo (EPCI 200068781). */
  valenceRomansAgglo: boolean;
}

/** SIREN of the Valence Romans Agglo EPCI. */
export const VALENCE_ROMANS_AGGLO = "200068781";

interface RawCommune {
  code: string;
  nom: string;
  departement?: string;
  type: string;
  population?: number;
  codesPostaux?: string[];
}

interface RawEpci {
  code: string;
  membres: { code: string }[];
}

/**
 * Current communes of département 26, sorted by INSEE code.
 * (The package gives no EPCI on communes, so membership comes from epci.json.)
 */
export function dromeCommunes(): Commune[] {
  const agglo = (epciData as RawEpci[]).find((e) => e.code === VALENCE_ROMANS_AGGLO);
  const members = new Set((agglo?.membres ?? []).map((m) => m.code));
  return (communesData as RawCommune[])
    .filter((c) => c.departement === "26" && c.type === "commune-actuelle")
    .map((c) => ({
      code: c.code,
      nom: c.nom,
      population: c.population ?? 0,
      codePostal: c.codesPostaux?.[0] ?? "",
      valenceRomansAgglo: members.has(c.code),
    }))
    .sort((a, b) => a.code.localeCompare(b.code));
}

/**
 * URL-style slug of a name: "Saint-Paul-Trois-Châteaux" -> "saint-paul-trois-chateaux".
 * @param text any French name
 */
export function slugify(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}
