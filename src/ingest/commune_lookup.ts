/**
 * INSEE code of a commune from a postcode and a town name as typed in an export, using the
 * current communes of `@etalab/decoupage-administratif` (read once per process, when the module
 * is first imported). Pure: no file access, no network.
 *
 * @module
 */
import communesData from "@etalab/decoupage-administratif/data/communes.json" with { type: "json" };

/** One entry of `communes.json` (only the fields used here). */
export interface RawCommune {
  code: string;
  nom: string;
  type: string;
  codesPostaux?: string[];
  /** For a commune déléguée or associée: the current commune it belongs to. */
  chefLieu?: string;
}

/** The outcome of a lookup: a code, or null with the reason (in French) when there is one. */
export interface CommuneMatch {
  code: string | null;
  /** Set when a place was given but could not be resolved: worth a warning, never a rejection. */
  warning: { field: "postcode" | "town"; message: string } | null;
}

/** Looks a place up; either part may be null. */
export type CommuneLookup = (postcode: string | null, town: string | null) => CommuneMatch;

/**
 * Canonical town name: no case, accents, punctuation, « Cedex » or arrondissement suffix;
 * « St » / « Ste » read as « Saint » / « Sainte ».
 *
 * @example
 * normaliseTown("ROMANS SUR ISERE") === normaliseTown("Romans-sur-Isère") // true
 * normaliseTown("St-Marcel-lès-Valence") === normaliseTown("Saint-Marcel-lès-Valence") // true
 */
export function normaliseTown(town: string): string {
  const words = town.toLowerCase().replace(/œ/g, "oe").replace(/æ/g, "ae")
    .normalize("NFD").replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, " ").trim().split(" ")
    .map((w) => w === "st" ? "saint" : w === "ste" ? "sainte" : w);
  const cedex = words.indexOf("cedex");
  return (cedex > 0 ? words.slice(0, cedex) : words).join("");
}

/** A postcode as five digits (« 26 100 », 26100, « 1000 » → « 01000 »), or null. */
export function normalisePostcode(postcode: string): string | null {
  const digits = postcode.replace(/[\s\u00a0\u202f.]/g, "");
  if (/^\d{4}$/.test(digits)) return `0${digits}`; // a spreadsheet dropped the leading zero
  if (/^(\d{5}|2[AB]\d{3})$/i.test(digits)) return digits.toUpperCase();
  return null;
}

/** Builds a lookup from the communes list (current communes only; others map to their chef-lieu). */
export function communeLookupFrom(communes: readonly RawCommune[]): CommuneLookup {
  const byPostcode = new Map<string, RawCommune[]>();
  const byName = new Map<string, string[]>();
  const formerByName = new Map<string, string[]>(); // communes déléguées / associées → chef-lieu
  const push = <T>(map: Map<string, T[]>, key: string, value: T) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  for (const c of communes) {
    if (c.type === "commune-actuelle") {
      for (const cp of c.codesPostaux ?? []) push(byPostcode, cp, c);
      push(byName, normaliseTown(c.nom), c.code);
    } else if ((c.type === "commune-deleguee" || c.type === "commune-associee") && c.chefLieu) {
      push(formerByName, normaliseTown(c.nom), c.chefLieu);
    }
  }
  const found = (code: string): CommuneMatch => ({ code, warning: null });
  const unresolved = (field: "postcode" | "town", message: string): CommuneMatch => ({
    code: null,
    warning: { field, message: `${message} : commune laissée vide` },
  });

  return (postcodeText, townText) => {
    const postcodeGiven = postcodeText !== null && postcodeText.trim() !== "";
    const town = townText === null ? "" : normaliseTown(townText);
    if (!postcodeGiven && town === "") return { code: null, warning: null };
    if (postcodeGiven) {
      const postcode = normalisePostcode(postcodeText);
      const candidates = postcode === null ? [] : byPostcode.get(postcode) ?? [];
      if (candidates.length > 0) {
        if (town !== "") {
          const named = candidates.find((c) => normaliseTown(c.nom) === town);
          if (named) return found(named.code);
          const former = (formerByName.get(town) ?? []).filter((code) =>
            candidates.some((c) => c.code === code)
          );
          if (new Set(former).size === 1) return found(former[0]);
        }
        // A postcode of one commune is enough (the town may be a hamlet or a misspelling).
        if (candidates.length === 1) return found(candidates[0].code);
        return town === ""
          ? unresolved(
            "postcode",
            `code postal « ${postcode} » commun à ${candidates.length} communes et ville absente`,
          )
          : unresolved(
            "town",
            `ville non reconnue parmi les ${candidates.length} communes du code postal « ${postcode} »`,
          );
      }
      if (town === "") {
        return unresolved(
          "postcode",
          postcode === null ? "code postal illisible" : `code postal « ${postcode} » inconnu`,
        );
      }
    }
    // No usable postcode: the town name alone, when no other current commune bears it.
    const codes = byName.get(town) ?? [];
    if (codes.length === 1) return found(codes[0]);
    return unresolved(
      "town",
      codes.length > 1
        ? `ville portée par ${codes.length} communes et code postal absent ou inconnu`
        : "ville non reconnue et code postal absent ou inconnu",
    );
  };
}

let shared: CommuneLookup | null = null;

/**
 * INSEE code of the commune at `postcode` / `town`, from the bundled communes list.
 *
 * @example
 * communeInsee("26100", "Romans-sur-Isère") // { code: "26281", warning: null }
 * communeInsee("26300", "Bourg de Péage") // { code: "26057", warning: null }
 */
export function communeInsee(postcode: string | null, town: string | null): CommuneMatch {
  shared ??= communeLookupFrom(communesData as RawCommune[]);
  return shared(postcode, town);
}
