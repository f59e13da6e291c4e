/**
 * Recognises a column holding personal data by what it holds, not only by its name: birth dates,
 * people's names, e-mail addresses, phone numbers, postal addresses, GPS points. Used at
 * validation on every column a loader would keep without knowing it is personal (unmapped
 * survey questions, SENACS extras, free-text fields). Pure: no I/O, no state.
 *
 * Rule (documented in the README): each non-empty value is matched against the categories; the
 * column is personal when at least half of its non-empty values match (and at least one value
 * for e-mails, phones, addresses and GPS points, whose patterns are specific; at least two for
 * names and birth dates, unless the header asks for one). The header helps in three ways only: a
 * name header (« nom », « prénom », `participant_name`…) accepts any short word-only value as a
 * name; a birth header (« naissance », « anniversaire », « birthday ») accepts dates at least five
 * years old and day–month dates; a phone, GPS or address header accepts the forms a spreadsheet
 * leaves (a phone number that lost its leading 0, a bare latitude, a street without number).
 * Without a birth header, dates are birth dates only when they are spread over decades (first
 * to last at least 20 years apart, half of them at least 15 years old): session dates never are.
 * Without a name header, a name must contain a first name of {@link FIRST_NAMES}.
 *
 * @module
 */
import { parseDate } from "../read/parse_date.ts";
import { FIRST_NAMES } from "./first_names.ts";

/** What a personal column holds. */
export type PersonalCategory = "emails" | "phones" | "gps" | "addresses" | "birth_dates" | "names";

/** French wording of each category, as used in messages (« elle contient … »). */
export const PERSONAL_LABELS: Record<PersonalCategory, string> = {
  emails: "des adresses e-mail",
  phones: "des numéros de téléphone",
  gps: "des coordonnées GPS",
  addresses: "des adresses postales",
  birth_dates: "des dates de naissance",
  names: "des noms de personnes",
};

/** Share of the non-empty values that must match. */
export const MIN_SHARE = 0.5;

/** Lower case without accents, ligatures spelled out. */
function fold(text: string): string {
  return text.toLowerCase().replace(/œ/g, "oe").replace(/æ/g, "ae").normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "");
}

/** Words of a header, folded; camelCase and snake_case split (`Participant_name`, `birthDate`). */
function headerWords(header: string): string[] {
  return fold(header.replace(/([a-z])([A-Z])/g, "$1 $2")).split(/[^a-z0-9]+/).filter((w) => w !== "");
}

const NAME_CUES = new Set([
  "nom",
  "noms",
  "prenom",
  "prenoms",
  "nomprenom",
  "prenomnom",
  "name",
  "names",
  "firstname",
  "lastname",
  "surname",
  "fullname",
  "appelez",
  "appelles",
  "appelle",
]);
/** Words that make a « nom » innocent: « nom du quartier », « nom de l'atelier ». */
export const NOT_A_PERSON = new Set([
  "quartier",
  "structure",
  "centre",
  "activite",
  "atelier",
  "association",
  "commune",
  "ville",
  "projet",
  "action",
  "partenaire",
  "organisme",
  "financeur",
  "lieu",
  "salle",
  "ecole",
  "etablissement",
  "entreprise",
  "fichier",
  "formulaire",
  "rue",
  "voie",
  "evenement",
  "sortie",
  "groupe",
]);
const BIRTH_CUES = new Set([
  "naissance",
  "anniversaire",
  "birthday",
  "birth",
  "birthdate",
  "dob",
  "ddn",
  "nee",
]);
const EMAIL_CUES = new Set(["email", "mail", "courriel", "mel"]);
const PHONE_CUES = new Set(["telephone", "tel", "phone", "portable", "mobile", "gsm", "whatsapp"]);
const ADDRESS_CUES = new Set(["adresse", "address", "domicile", "habitez", "habites", "habite"]);
const CONTACT_CUES = new Set(["contact", "contacts", "coordonnees", "joindre"]);
const GPS_CUES = new Set([
  "geopoint",
  "geotrace",
  "geoshape",
  "gps",
  "latitude",
  "longitude",
  "lat",
  "lon",
  "lng",
  "geolocation",
  "geolocalisation",
]);

/** Header cues of a column, by category (a header may give several). */
export interface HeaderCues {
  names: boolean;
  birth: boolean;
  emails: boolean;
  phones: boolean;
  addresses: boolean;
  gps: boolean;
}

/**
 * What the header of a column suggests it holds. The last segment of a group path counts
 * (`participants/Participant_name`), and so does the whole text of a question.
 *
 * @example
 * ```ts
 * headerCues("participants/Participant_name").names // true
 * headerCues("Nom du quartier").names // false
 * ```
 */
export function headerCues(header: string): HeaderCues {
  const words = headerWords(header);
  const has = (set: ReadonlySet<string>) => words.some((w) => set.has(w));
  const contact = has(CONTACT_CUES);
  return {
    names: has(NAME_CUES) && !has(NOT_A_PERSON),
    birth: has(BIRTH_CUES) || /\bdate\s+de\s+naissance\b|\bne\(?e?\)?\s+le\b/.test(fold(header)),
    emails: has(EMAIL_CUES) || contact,
    phones: has(PHONE_CUES) || contact,
    addresses: has(ADDRESS_CUES) || contact,
    gps: has(GPS_CUES),
  };
}

const EMAIL = /[\p{L}\p{N}._%+\-]+@[\p{L}\p{N}\-]+(?:\.[\p{L}\p{N}\-]+)*\.\p{L}{2,}/u;
// French numbers « 06 12 34 56 78 », « 06.12.34.56.78 », « +33 6 12 34 56 78 », « 0612345678 ».
const FRENCH_PHONE = /^(?:(?:\+|00)33[\s.\-]?(?:\(0\)[\s.\-]?)?[1-9]|0[1-9])(?:[\s.\-]?\d{2}){4}$/;
// International numbers: a + or 00 prefix, then 8 to 15 digits with usual separators.
const INTERNATIONAL_PHONE = /^(?:\+|00)[1-9][\d\s.\-()/]{6,20}\d$/;
/** A French number without its leading 0, as a spreadsheet keeps it (612345678). */
const PHONE_WITHOUT_ZERO = /^[1-9]\d{8}$/;
const STREET_TYPES = String
  .raw`(?:rue|r\.|avenue|av\.?|bd|boulevard|blvd|chemin|ch\.|all[ée]e|impasse|imp\.|place|pl\.|route|rte|cours|quai|square|sq\.|passage|cit[ée]|r[ée]sidence|lotissement|lot\.|hameau|voie|sentier|mont[ée]e|esplanade|parvis|faubourg|fbg|promenade|rond-point|villa|clos|street|st\.|road|rd\.|lane|drive)`;
/** A number (with bis/ter), then a street type: « 12 rue des Lilas », « 3bis, allée… ». */
const NUMBERED_STREET = new RegExp(
  String.raw`(?:^|[^\p{L}\p{N}])\d{1,4}\s*(?:bis|ter|b|t)?\s*,?\s+${STREET_TYPES}(?![\p{L}])`,
  "iu",
);
/** A street type followed by a word, anywhere: « rue des Lilas » (only under an address header). */
const STREET = new RegExp(String.raw`(?:^|[^\p{L}])${STREET_TYPES}\s+\p{L}`, "iu");
/** « lat lon [alt [precision]] » or « lat,lon », decimal points; several points joined by « ; ». */
const POINT = /^(-?\d{1,3}\.\d{2,})(?:\s*,\s*|\s+)(-?\d{1,3}\.\d{2,})(?:\s+-?\d+(?:\.\d+)?){0,2}$/;
const DECIMAL = /^-?\d{1,3}\.\d{3,}$/;
/** What a date looks like before it is parsed (plain numbers are not dates: Likert, counts). */
const DATE_LIKE = /^\d{1,4}[\/.\-]\d{1,2}[\/.\-]\d{2,4}(?:[T ].*)?$|^\d{1,2}(?:er)?\s+\p{L}+\.?\s+\d{2,4}$/u;
/** A day and month without year (a birthday): « 14/03 », « 14 mars ». */
const DAY_MONTH =
  /^\d{1,2}[\/.\-]\d{1,2}$|^\d{1,2}(?:er)?\s+(?:janv|f[ée]vr|mars|avr|mai|juin|juil|ao[uû]t|sept|oct|nov|d[ée]c)\p{L}*\.?$/iu;
/** Particles inside names: « Marie de la Tour », « Ben Ali ». */
const PARTICLES = new Set([
  "de",
  "du",
  "des",
  "la",
  "le",
  "d",
  "van",
  "von",
  "ben",
  "bin",
  "el",
  "al",
  "da",
  "di",
  "dos",
]);
const NAME_WORD = /^\p{L}[\p{L}'’\-]*\.?$/u;

function isGpsPoint(value: string): boolean {
  const parts = value.split(/\s*;\s*/).filter((p) => p !== "");
  return parts.length > 0 && parts.every((p) => {
    const m = POINT.exec(p);
    return m !== null && Math.abs(Number(m[1])) <= 90 && Math.abs(Number(m[2])) <= 180;
  });
}

function wordCount(value: string): number {
  return value.split(/\s+/).filter((w) => w !== "").length;
}

/** An answer that is an e-mail address, with at most a few words around (« mail : a@b.fr »). */
function isEmail(value: string): boolean {
  const m = EMAIL.exec(value);
  return m !== null && wordCount(value.replace(m[0], " ")) <= 3;
}

function isPhone(value: string, cue: boolean): boolean {
  const v = value.trim();
  if (FRENCH_PHONE.test(v)) return true;
  if (INTERNATIONAL_PHONE.test(v)) {
    const digits = v.replace(/\D/g, "").length;
    return digits >= 8 && digits <= 15;
  }
  return cue && PHONE_WITHOUT_ZERO.test(v);
}

/** Whether `value` is shaped like a person's name (1 to 4 words of letters). */
function isNameShaped(value: string, cue: boolean): boolean {
  const words = value.trim().split(/\s+/);
  if (words.length > (cue ? 5 : 4)) return false;
  if (!words.every((w) => NAME_WORD.test(w))) return false;
  if (cue) return true;
  // Without a cue: capitalised words (or particles), one of them a known first name.
  const capitalised = words.every((w) => PARTICLES.has(fold(w)) || /^\p{Lu}/u.test(w));
  return capitalised && words.some(isFirstName);
}

/** A known first name, or a compound of known first names (« Jean-Pierre », not « Saint-Nicolas »). */
function isFirstName(word: string): boolean {
  const folded = fold(word).replace(/[.'’]/g, "");
  if (FIRST_NAMES.has(folded)) return true;
  const parts = folded.split("-");
  return parts.length > 1 && parts.every((p) => FIRST_NAMES.has(p));
}

/** Years between a date and today (fractional). */
function yearsBefore(iso: string, today: Date): number {
  return (today.getTime() - Date.parse(`${iso}T00:00:00Z`)) / (365.25 * 24 * 3600 * 1000);
}

/** Count of values that are birth dates, by the column rule (see the module notes). */
function birthDates(values: readonly string[], cue: boolean, today: Date): number {
  const dates: string[] = [];
  let dayMonth = 0;
  for (const v of values) {
    const t = v.trim();
    if (cue && DAY_MONTH.test(t)) dayMonth++;
    else if (DATE_LIKE.test(t)) {
      const parsed = parseDate(t);
      if (parsed.ok) dates.push(parsed.value);
    }
  }
  if (cue) return dayMonth + dates.filter((d) => yearsBefore(d, today) >= 5).length;
  if (dates.length < 2) return 0;
  const years = dates.map((d) => Number(d.slice(0, 4)));
  const spread = Math.max(...years) - Math.min(...years);
  const old = dates.filter((d) => yearsBefore(d, today) >= 15).length;
  return spread >= 20 && old >= dates.length / 2 ? dates.length : 0;
}

/** The category of one value for the value-level categories, or null. */
function valueCategory(value: string, cues: HeaderCues): PersonalCategory | null {
  const v = value.trim();
  if (isGpsPoint(v) || (cues.gps && DECIMAL.test(v))) return "gps";
  if (isEmail(v)) return "emails";
  if (isPhone(v, cues.phones)) return "phones";
  // An address is a short answer; a sentence that mentions one is free text (redacted apart).
  if (wordCount(v) <= 15 && (NUMBERED_STREET.test(v) || (cues.addresses && STREET.test(v)))) {
    return "addresses";
  }
  return null;
}

/** Options of {@link detectPersonal}. */
export interface DetectOptions {
  /** Judge the values alone: the header is a loader's alias whose meaning the loader knows. */
  contentOnly?: boolean;
  /** Categories not looked for. */
  ignore?: readonly PersonalCategory[];
}

/**
 * The kind of personal data a column holds, or null for an ordinary column. `values` are the
 * column's non-empty cells as text (dates as typed, or ISO for date cells).
 *
 * @example
 * ```ts
 * detectPersonal("Votre contact", ["awa.diallo@exemple.fr", "06 12 34 56 78", "lucas@exemple.fr"])
 * // "emails"
 * detectPersonal("Satisfaction", ["Tout à fait d'accord", "Plutôt d'accord"]) // null
 * ```
 */
export function detectPersonal(
  header: string,
  values: readonly string[],
  today: Date = new Date(),
  options: DetectOptions = {},
): PersonalCategory | null {
  const filled = values.map((v) => v.trim()).filter((v) => v !== "");
  if (filled.length === 0) return null;
  const cues = headerCues(options.contentOnly ? "" : header);
  const counts = new Map<PersonalCategory, number>();
  const add = (c: PersonalCategory, n = 1) => counts.set(c, (counts.get(c) ?? 0) + n);
  const rest: string[] = [];
  for (const v of filled) {
    const category = valueCategory(v, cues);
    if (category) add(category);
    else rest.push(v);
  }
  const births = birthDates(rest, cues.birth, today);
  if (births > 0) add("birth_dates", births);
  const names = rest.filter((v) => isNameShaped(v, cues.names)).length;
  // A date column is not also a name column; names need their own evidence.
  if (births === 0 && names > 0) add("names", names);
  for (const category of options.ignore ?? []) counts.delete(category);
  const matched = [...counts.values()].reduce((a, b) => a + b, 0);
  if (matched < filled.length * MIN_SHARE) return null;
  const [category, count] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  const weak = category === "names" || category === "birth_dates";
  const cued = category === "names" ? cues.names : category === "birth_dates" ? cues.birth : true;
  if (weak && !cued && count < 2) return null;
  return category;
}
