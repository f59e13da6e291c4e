/**
 * Publishes the marts a notebook (the Explorateur page, the officer's analyses) may query in
 * the browser, as Arrow IPC stream files read by DuckDB-wasm offline, with a generated catalogue.
 *
 * **What is publishable.** Only tables whose rows are aggregates (or public facts about the
 * structures), after the disclosure rule:
 *
 * - people counts from 1 to threshold − 1 are replaced by NULL and named in the row's `secret`
 *   column (or flagged `suppressed`), with the figures that would reveal them (visits and hours
 *   of a hidden participant count, the share of a small part);
 * - secondary suppression: when exactly one member of an additive group is hidden (the structures
 *   of the Coopération in a year, the months of a year, the age bands, the structures of a
 *   Coopération / cluster / département total), the smallest other non-zero member is hidden too;
 * - never a staging table (`stg_*`), an intermediate view (`int_*`, `ind_*`), a pseudonym
 *   (`person_key`, `person_ref`, `volunteer_ref`…), a load or a file name, free text (testimonies,
 *   survey answers, load messages).
 *
 * Every published table is listed in {@link PUBLISHED_MARTS}; anything else stays in the warehouse.
 * Files are rewritten only when their bytes change, so a rebuild without new data copies nothing.
 *
 * @module
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import {
  Bool,
  type DataType,
  DateDay,
  Float64,
  Int32,
  Table,
  tableToIPC,
  Utf8,
  type Vector,
  vectorFromArray,
} from "apache-arrow";
import { join } from "node:path";
import { complementIndices, DEFAULT_THRESHOLD, suppress, suppressGroup } from "../privacy/disclosure.ts";
import { queryRows } from "../warehouse/connect.ts";
import { BASELINE_YEARS } from "../indicators/build_marts.ts";
import { protectGroup, type PublishedRow, publishYear } from "./publish_cooperation.ts";
import { publishPublicYears, toPublicMartRow } from "./publish_publics.ts";
import { writeBytesIfChanged } from "./write_if_changed.ts";
import { COLUMN_LABELS, labelFromDescription } from "../../pages/components/notebook_labels.js";

type Row = Record<string, unknown>;

/** Column types a published table may have (the DuckDB names shown in the catalogue). */
export type PublishedType = "VARCHAR" | "INTEGER" | "DOUBLE" | "BOOLEAN" | "DATE";

/** One published table: where it comes from, what a row is, and how it is protected. */
export interface MartSpec {
  /** Table name in the notebooks (SQL identifier, French). */
  table: string;
  /** French title. */
  title: string;
  /** Warehouse mart(s) it is read from. */
  source: string;
  /** What one row is (French). */
  grain: string;
  /** The disclosure rule applied (French). */
  disclosure: string;
  /** Output columns in order, with a French description each. */
  columns: Record<string, string>;
  /** Query on the warehouse; its column types give the published types. */
  sql: string;
  /** Types of the columns computed after the query (not in its result). */
  types?: Record<string, PublishedType>;
  /** Suppression applied to the query's rows (returns the published rows). */
  protect?: (rows: Row[], conn: DuckDBConnection, threshold: number) => Promise<Row[]> | Row[];
}

/** A published table as described in `marts.json`. */
export interface MartEntry {
  table: string;
  title: string;
  source: string;
  grain: string;
  disclosure: string;
  rows: number;
  bytes: number;
  file: string;
  /** `label`: the short French header a notebook shows (pages/components/notebook_labels.js). */
  columns: { name: string; type: PublishedType; description: string; label?: string }[];
}

/** The catalogue written next to the Arrow files. */
export interface MartCatalogue {
  threshold: number;
  rule: string;
  tables: MartEntry[];
}

const SECRET_COLUMN =
  "champs masqués par la règle de confidentialité (liste séparée par des virgules), vide sinon";
const SCOPE_COLUMN = "périmètre : identifiant de la structure (voir la table structures) ou « cooperation »";

function num(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}

function groupBy<T>(rows: T[], key: (r: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = groups.get(k);
    if (list) list.push(r);
    else groups.set(k, [r]);
  }
  return [...groups.values()];
}

/** Structures of the Coopération (their yearly rows form an additive group). */
async function cooperationMembers(conn: DuckDBConnection): Promise<Set<string>> {
  const rows = await queryRows(conn, "SELECT structure_id FROM stg_structures WHERE in_cooperation");
  return new Set(rows.map((r) => String(r.structure_id)));
}

const withSecretText = (r: PublishedRow): Row => ({ ...r, secret: r.secret.join(",") });

/** Key figures per scope and year, as on « La Coopération en chiffres ». */
async function protectYears(rows: Row[], conn: DuckDBConnection, threshold: number): Promise<Row[]> {
  const members = await cooperationMembers(conn);
  const published = rows.map((r) => publishYear(r, threshold));
  for (const group of groupBy(published.filter((r) => members.has(String(r.scope))), (r) => String(r.year))) {
    protectGroup(group, "visits", ["person_hours"]);
  }
  return published.map(withSecretText);
}

/** Monthly figures: small participant counts hidden, then one more month per scope and year. */
function protectMonths(rows: Row[], _conn: DuckDBConnection, threshold: number): Row[] {
  const published: PublishedRow[] = rows.map((r) => {
    const participants = num(r.participants);
    const hidden = participants !== null && suppress(participants, threshold) === null;
    return {
      scope: String(r.scope),
      year: Number(r.year),
      month: r.month as string,
      participants: hidden ? null : participants,
      visits: hidden ? null : num(r.visits),
      person_hours: hidden ? null : num(r.person_hours),
      secret: hidden ? ["participants", "visits", "person_hours"] : [],
    };
  });
  for (const group of groupBy(published, (r) => `${r.scope}|${r.year}`)) {
    protectGroup(group, "visits", ["person_hours"]);
  }
  return published.map(withSecretText);
}

/** Age bands: primary and secondary suppression within each scope and year (or the given `keys`). */
function protectAges(
  rows: Row[],
  _conn: DuckDBConnection,
  threshold: number,
  keys: readonly string[] = ["scope", "year"],
): Row[] {
  const out: Row[] = [];
  for (const group of groupBy(rows, (r) => keys.map((k) => String(r[k])).join("|"))) {
    const values = suppressGroup(group.map((r) => num(r.participants)), threshold);
    group.forEach((r, i) =>
      out.push({ ...r, participants: values[i], secret: values[i] === null ? "participants" : "" })
    );
  }
  return out;
}

/**
 * Indicator values: the engine's primary rule (`suppressed`), then secondary suppression of the
 * people counts (`effectif_personnes`) within every total a parent scope publishes: when exactly
 * one structure of the Coopération, the cluster or the département is hidden, the smallest other
 * is hidden too. Numerator and denominator are published only with a published value.
 */
export async function protectIndicatorValues(
  rows: Row[],
  conn: DuckDBConnection,
  _threshold: number,
): Promise<Row[]> {
  const scopes = await queryRows(conn, "SELECT scope_level, scope, structure_id FROM ind_scopes");
  const parents = groupBy(
    scopes.filter((s) => s.scope_level !== "structure"),
    (s) => `${s.scope_level}|${s.scope}`,
  )
    .map((g) => new Set(g.map((s) => String(s.structure_id))));
  const out = rows.map((r) => ({ ...r }));
  const counts = out.filter((r) => r.disclosure === "effectif_personnes" && r.scope_level === "structure");
  for (const group of groupBy(counts, (r) => `${r.indicator_id}|${r.year}`)) {
    const extra = complementIndices(
      group.map((r) => String(r.scope)),
      group.map((r) => num(r.value)),
      group.map((r) => r.suppressed === true),
      parents,
    );
    for (const i of extra) group[i].suppressed = true;
  }
  return out.map(({ disclosure: _d, ...r }) =>
    r.suppressed ? { ...r, value: null, numerator: null, denominator: null } : r
  );
}

/** Change since the baseline: hidden wherever the value or the baseline is hidden. */
async function protectBaseline(rows: Row[], conn: DuckDBConnection, threshold: number): Promise<Row[]> {
  const values = await protectIndicatorValues(await queryRows(conn, INDICATOR_VALUES_SQL), conn, threshold);
  const hidden = new Set(
    values.filter((v) => v.suppressed).map((v) => `${v.indicator_id}|${v.scope_level}|${v.scope}|${v.year}`),
  );
  const baselineHidden = new Set(
    values.filter((v) => v.suppressed && Number(v.year) <= BASELINE_YEARS[1]).map((v) =>
      `${v.indicator_id}|${v.scope_level}|${v.scope}`
    ),
  );
  return rows.map((r) => {
    const key = `${r.indicator_id}|${r.scope_level}|${r.scope}`;
    const secret = r.suppressed === true || hidden.has(`${key}|${r.year}`) || baselineHidden.has(key);
    return secret
      ? { ...r, baseline: null, value: null, change_abs: null, change_rel: null, suppressed: true }
      : r;
  });
}

const INDICATOR_VALUES_SQL =
  `SELECT v.indicator_id, v.scope_level, v.scope, v.year, v.published_value AS value,
    v.numerator, v.denominator, v.structures_in_scope, v.structures_with_data, v.complete, v.suppressed,
    c.disclosure
  FROM mart_indicator_values v JOIN mart_indicator_catalogue c USING (indicator_id)
  ORDER BY c.position, v.scope_level, v.scope, v.year`;

const YEAR = "année civile";

/** Every table a notebook can query, in the catalogue's order. */
export const PUBLISHED_MARTS: MartSpec[] = [
  {
    table: "structures",
    title: "Registre des structures",
    source: "stg_structures",
    grain: "une ligne par structure du registre",
    disclosure: "informations publiques sur les structures : aucune donnée de personne",
    columns: {
      structure_id: "identifiant de la structure",
      name: "nom de la structure",
      structure_type: "type (centre social, EVS…)",
      insee_code: "code INSEE de la commune",
      commune: "commune",
      qpv_served: "quartier prioritaire desservi",
      in_cooperation: "membre de La Coopération",
      in_cluster: "membre du cluster Valence Romans Agglo",
      in_federation: "adhérente à la Fédération des centres sociaux de la Drôme",
    },
    sql:
      `SELECT structure_id, name, structure_type, insee_code, commune, qpv_served, in_cooperation, in_cluster,
      in_federation FROM stg_structures ORDER BY structure_id`,
  },
  {
    table: "activite_annuelle",
    title: "Activité par structure et par année",
    source: "mart_activity_year",
    grain: "une ligne par périmètre (structure ou Coopération) et par année",
    disclosure:
      "participants et bénévoles de 1 à 4 masqués avec leurs passages et heures ; part QPV masquée si " +
      "la part ou son complément porte sur moins de 5 personnes ; masquage secondaire entre les structures " +
      "de La Coopération d'une même année",
    columns: {
      scope: SCOPE_COLUMN,
      year: YEAR,
      participants: "personnes différentes venues au moins une fois (présence réelle)",
      visits: "passages (présences)",
      person_hours: "heures de présence (heures × personnes)",
      qpv_share:
        "part des participants vivant en quartier prioritaire, parmi ceux dont le quartier est connu (0–1)",
      volunteers: "bénévoles différents (leur unité est dans la colonne suivante)",
      volunteer_hours: "heures de bénévolat déclarées",
      volunteers_unit:
        "unité du nombre de bénévoles : « personnes », ou « bénévoles × structures » pour La Coopération quand un relevé " +
        "sans date de naissance ne permet pas de reconnaître un bénévole d'une structure à l'autre (il compte " +
        "alors une fois par structure)",
      secret: SECRET_COLUMN,
    },
    sql: "SELECT * FROM mart_activity_year ORDER BY scope, year",
    types: { qpv_share: "DOUBLE", secret: "VARCHAR" },
    protect: protectYears,
  },
  {
    table: "activite_mensuelle",
    title: "Activité par mois",
    source: "mart_activity_month",
    grain: "une ligne par périmètre (structure ou Coopération) et par mois",
    disclosure:
      "mois de 1 à 4 participants masqués (participants, passages, heures), et un second mois de la " +
      "même année pour que le total annuel ne les révèle pas",
    columns: {
      scope: SCOPE_COLUMN,
      year: YEAR,
      month: "premier jour du mois",
      participants: "personnes différentes venues dans le mois",
      visits: "passages",
      person_hours: "heures de présence",
      secret: SECRET_COLUMN,
    },
    sql:
      "SELECT scope, year, month, participants, visits, person_hours FROM mart_activity_month ORDER BY scope, month",
    types: { secret: "VARCHAR" },
    protect: protectMonths,
  },
  {
    table: "tranches_age",
    title: "Participants par tranche d'âge",
    source: "mart_age_bands",
    grain: "une ligne par périmètre, année et tranche d'âge (âge atteint dans l'année)",
    disclosure: "tranches de 1 à 4 participants masquées, et une seconde tranche si une seule l'est",
    columns: {
      scope: SCOPE_COLUMN,
      year: YEAR,
      age_band: "tranche d'âge",
      participants: "personnes différentes",
      secret: SECRET_COLUMN,
    },
    sql: "SELECT scope, year, age_band, participants FROM mart_age_bands ORDER BY scope, year, age_band",
    types: { secret: "VARCHAR" },
    protect: protectAges,
  },
  {
    table: "publics",
    title: "Fréquentation par public (tranche d'âge, habitants d'un QPV)",
    source: "mart_activity_public",
    grain: "une ligne par périmètre, année et public : une tranche d'âge (âge atteint dans l'année) ou " +
      "« qpv » (habitants d'un quartier prioritaire) ; l'âge inconnu et les habitants hors QPV ne sont pas publiés",
    disclosure: "publics de 1 à 4 participants masqués (participants, passages, heures), puis un second " +
      "public du même périmètre, et pour les passages la même tranche d'une autre structure de La Coopération, " +
      "pour qu'aucun total publié ne les révèle",
    columns: {
      scope: SCOPE_COLUMN,
      year: YEAR,
      public: "tranche d'âge (« 0-5 ans » … « 60 ans et plus ») ou « qpv »",
      participants: "personnes différentes de ce public venues dans l'année",
      visits: "passages",
      person_hours: "heures de présence",
      qpv_share:
        "part des habitants d'un QPV parmi les participants de ce public dont le quartier est connu " +
        "(vide pour « qpv »)",
      secret: SECRET_COLUMN,
    },
    sql: `SELECT scope, year, dimension, public, participants, visits, person_hours, participants_qpv,
      participants_known_residence FROM mart_activity_public ORDER BY scope, year, dimension, public`,
    types: { secret: "VARCHAR", qpv_share: "DOUBLE" },
    protect: async (rows, conn, threshold) =>
      publishPublicYears(rows.map(toPublicMartRow), {
        threshold,
        members: [...await cooperationMembers(conn)],
      })
        .map(withSecretText),
  },
  {
    table: "jours_semaine",
    title: "Participants par jour de la semaine et tranche d'âge",
    source: "mart_weekday_age",
    grain: "une ligne par périmètre, année, jour de la semaine et tranche d'âge (une personne venue " +
      "plusieurs samedis compte une fois pour le samedi, et une fois pour chaque autre jour où elle est venue)",
    disclosure:
      "tranches de 1 à 4 participants masquées, et une seconde tranche du même jour si une seule l'est",
    columns: {
      scope: SCOPE_COLUMN,
      year: YEAR,
      weekday: "jour de la semaine, de 1 (lundi) à 7 (dimanche)",
      weekday_name: "nom du jour (lundi … dimanche)",
      age_band: "tranche d'âge (âge atteint dans l'année)",
      participants: "personnes différentes venues ce jour de la semaine dans l'année",
      secret: SECRET_COLUMN,
    },
    sql: `SELECT scope, year, weekday, ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi',
      'dimanche'][weekday] AS weekday_name, age_band, participants
      FROM mart_weekday_age ORDER BY scope, year, weekday, age_band`,
    types: { secret: "VARCHAR" },
    protect: (rows, conn, threshold) => protectAges(rows, conn, threshold, ["scope", "year", "weekday"]),
  },
  {
    table: "indicateurs",
    title: "Catalogue des indicateurs",
    source: "mart_indicator_catalogue",
    grain: "une ligne par indicateur",
    disclosure: "définitions : aucune donnée de personne",
    columns: {
      indicator_id: "identifiant de l'indicateur",
      label: "libellé",
      definition: "définition",
      unit: "unité",
      stage: "étape de la chaîne de valeur (ressources, activités, réalisations, effets, impacts)",
      dimension: "dimension du socle commun",
      target: "cible FONDA (habitants, territoire, communauté d'action)",
      question: "question évaluative",
      iso_subject: "question centrale ISO 26000",
      iso_issue: "domaine d'action ISO 26000",
      direction: "sens souhaité (plus_est_mieux, moins_est_mieux, neutre)",
      disclosure:
        "règle de diffusion (effectif_personnes, taux_personnes, moyenne_personnes, montant, aucune)",
      sources: "tables sources requises (séparées par des virgules)",
      position: "ordre dans le catalogue",
    },
    sql:
      `SELECT indicator_id, label, definition, unit, stage, dimension, target, question, iso_subject, iso_issue,
      direction, disclosure, array_to_string(sources, ',') AS sources, position
      FROM mart_indicator_catalogue ORDER BY position`,
  },
  {
    table: "valeurs_indicateurs",
    title: "Valeurs des indicateurs",
    source: "mart_indicator_values",
    grain: "une ligne par indicateur, niveau, périmètre et année pour lesquels une valeur a été calculée " +
      "(pas de ligne = pas de donnée, jamais zéro)",
    disclosure:
      "règle propre à chaque indicateur (colonne disclosure de la table indicateurs) : effectifs de 1 à 4 " +
      "masqués, taux et moyennes masqués sous 5 personnes au dénominateur ; masquage secondaire des effectifs " +
      "entre les structures d'un même total (Coopération, cluster, département) ; numérateur et dénominateur " +
      "publiés seulement avec la valeur",
    columns: {
      indicator_id: "identifiant de l'indicateur (table indicateurs)",
      scope_level: "niveau : structure, cooperation, cluster, departement",
      scope: "périmètre : identifiant de la structure, ou cooperation, cluster, departement",
      year: YEAR,
      value: "valeur publiée (vide si masquée)",
      numerator: "numérateur d'un taux ou d'une moyenne",
      denominator: "dénominateur d'un taux ou d'une moyenne",
      structures_in_scope: "structures du périmètre",
      structures_with_data: "structures du périmètre ayant envoyé toutes les sources requises cette année-là",
      complete: "toutes les structures du périmètre ont envoyé les sources requises",
      suppressed: "valeur masquée par la règle de confidentialité",
    },
    sql: INDICATOR_VALUES_SQL,
    protect: protectIndicatorValues,
  },
  {
    table: "evolution_indicateurs",
    title: "Évolution depuis la référence 2017–2018",
    source: "mart_indicator_baseline",
    grain: "une ligne par indicateur, niveau, périmètre et année postérieure à 2018",
    disclosure: "masquée dès que la valeur de l'année ou l'une des valeurs de référence est masquée",
    columns: {
      indicator_id: "identifiant de l'indicateur",
      scope_level: "niveau",
      scope: "périmètre",
      baseline: "valeur de référence (moyenne 2017–2018 disponible)",
      baseline_years: "années de la référence (séparées par des virgules)",
      year: YEAR,
      value: "valeur de l'année",
      change_abs: "écart à la référence",
      change_rel: "écart relatif à la référence (0,1 = +10 %)",
      direction: "sens souhaité",
      trend: "lecture : amélioration, dégradation, stable, sans objet",
      suppressed: "masquée par la règle de confidentialité",
    },
    sql:
      `SELECT indicator_id, scope_level, scope, baseline, array_to_string(baseline_years, ',') AS baseline_years,
      year, value, change_abs, change_rel, b.direction, trend, suppressed
      FROM mart_indicator_baseline b JOIN mart_indicator_catalogue c USING (indicator_id)
      ORDER BY c.position, scope_level, scope, year`,
    protect: protectBaseline,
  },
  {
    table: "iso26000_matrice",
    title: "Auto-évaluation ISO 26000 : matrice",
    source: "mart_iso26000_matrix",
    grain: "une ligne par structure, année et domaine d'action",
    disclosure: "appréciations des structures sur elles-mêmes : aucune donnée de personne",
    columns: {
      structure_id: "identifiant de la structure",
      year: "année de l'auto-évaluation",
      issue_code: "domaine d'action (ex. 6.8.3)",
      core_subject: "question centrale (ex. 6.8)",
      relevance: "pertinence 0–3 (0 : non pertinent)",
      maturity: "maturité 1–4",
    },
    sql: "SELECT * FROM mart_iso26000_matrix ORDER BY structure_id, year, issue_code",
  },
  {
    table: "iso26000_questions",
    title: "Auto-évaluation ISO 26000 : maturité par question centrale",
    source: "mart_iso26000_subjects",
    grain: "une ligne par périmètre (structure, cooperation, cluster), année et question centrale",
    disclosure: "appréciations des structures : aucune donnée de personne",
    columns: {
      scope: "périmètre : structure, cooperation ou cluster",
      year: "année de l'auto-évaluation",
      core_subject: "question centrale",
      structures: "structures évaluées",
      relevant_domains: "domaines pertinents",
      maturity_mean: "maturité moyenne des domaines pertinents",
      maturity_weighted: "maturité pondérée par la pertinence",
      maturity_min: "maturité la plus basse",
    },
    sql: "SELECT * FROM mart_iso26000_subjects ORDER BY scope, year, core_subject",
  },
];

/** The rule stated once in the catalogue and on the Explorateur page. */
export function disclosureRule(threshold: number): string {
  return `Seules des tables agrégées sont publiées : tout effectif de 1 à ${
    threshold - 1
  } personnes est remplacé ` +
    `par une valeur vide (affichée « < ${threshold} »), avec les chiffres qui permettraient de le retrouver ; ` +
    "aucune ligne par personne, aucun pseudonyme, aucun texte libre.";
}

function publishedType(duckdbType: string): PublishedType {
  if (/^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT)$/.test(duckdbType)) {
    return "INTEGER";
  }
  if (/^(DOUBLE|FLOAT|REAL)$/.test(duckdbType) || duckdbType.startsWith("DECIMAL")) return "DOUBLE";
  if (duckdbType === "BOOLEAN") return "BOOLEAN";
  if (duckdbType === "DATE") return "DATE";
  return "VARCHAR";
}

const ARROW_TYPES: Record<PublishedType, () => DataType> = {
  VARCHAR: () => new Utf8(),
  INTEGER: () => new Int32(),
  DOUBLE: () => new Float64(),
  BOOLEAN: () => new Bool(),
  DATE: () => new DateDay(),
};

function cell(value: unknown, type: PublishedType): unknown {
  if (value === null || value === undefined) return null;
  switch (type) {
    case "INTEGER":
    case "DOUBLE":
      return Number(value);
    case "BOOLEAN":
      return Boolean(value);
    case "DATE":
      return value instanceof Date ? value : new Date(`${String(value).slice(0, 10)}T00:00:00Z`);
    default:
      return Array.isArray(value) ? value.join(",") : String(value);
  }
}

/** Arrow IPC stream bytes of `rows` with the given column types. */
export function toArrowStream(
  rows: Row[],
  columns: { name: string; type: PublishedType }[],
): Uint8Array {
  const vectors: Record<string, Vector> = {};
  for (const { name, type } of columns) {
    const values = rows.map((r) => cell(r[name], type));
    const outOfRange = (v: unknown) =>
      v !== null && (!Number.isSafeInteger(v) || Math.abs(v as number) > 2 ** 31 - 1);
    if (type === "INTEGER" && values.some(outOfRange)) {
      throw new Error(`${name}: entier hors limites`);
    }
    vectors[name] = vectorFromArray(values, ARROW_TYPES[type]());
  }
  return tableToIPC(new Table(vectors), "stream");
}

/** The published rows and column types of one table. */
export async function publishMart(
  conn: DuckDBConnection,
  spec: MartSpec,
  threshold = DEFAULT_THRESHOLD,
): Promise<{ rows: Row[]; columns: MartEntry["columns"] }> {
  const described = await queryRows(conn, `DESCRIBE ${spec.sql}`);
  const types = new Map(described.map((d) => [String(d.column_name), publishedType(String(d.column_type))]));
  for (const [name, type] of Object.entries(spec.types ?? {})) types.set(name, type);
  const columns = Object.entries(spec.columns).map(([name, description]) => {
    const type = types.get(name);
    if (!type) throw new Error(`${spec.table}.${name} : colonne absente de ${spec.source}`);
    return { name, type, description };
  });
  const raw = await queryRows(conn, spec.sql);
  const rows = spec.protect ? await spec.protect(raw, conn, threshold) : raw;
  return { rows, columns };
}

/** The generated module that lists the Arrow files for Framework (FileAttachment needs literals). */
export function martsModule(tables: readonly string[]): string {
  return [
    "// Généré par src/site/publish_marts.ts à chaque chargement : ne pas modifier à la main.",
    "// Les tables publiées (agrégées, règle « < 5 » appliquée) que les carnets peuvent interroger.",
    'import {FileAttachment} from "npm:@observablehq/stdlib";',
    "",
    "/** Nom de table → fichier Arrow, à passer à DuckDBClient.of(MARTS). */",
    "export const MARTS = {",
    ...tables.map((t) => `  ${t}: FileAttachment("./marts/${t}.arrow"),`),
    "};",
    "",
  ].join("\n");
}

/**
 * Writes `marts/<table>.arrow`, `marts.json` and `marts.js` under `dir`; returns the catalogue.
 * Files whose content did not change are left untouched.
 */
export async function publishMarts(
  conn: DuckDBConnection,
  dir: string,
  threshold = DEFAULT_THRESHOLD,
  specs: readonly MartSpec[] = PUBLISHED_MARTS,
): Promise<MartCatalogue> {
  await Deno.mkdir(join(dir, "marts"), { recursive: true });
  const tables: MartEntry[] = [];
  for (const spec of specs) {
    const { rows, columns } = await publishMart(conn, spec, threshold);
    const bytes = toArrowStream(rows, columns);
    await writeBytesIfChanged(join(dir, "marts", `${spec.table}.arrow`), bytes);
    tables.push({
      table: spec.table,
      title: spec.title,
      source: spec.source,
      grain: spec.grain,
      disclosure: spec.disclosure,
      rows: rows.length,
      bytes: bytes.length,
      file: `marts/${spec.table}.arrow`,
      columns: columns.map((c) => ({
        ...c,
        label: (COLUMN_LABELS as Record<string, string>)[c.name] ?? labelFromDescription(c.description),
      })),
    });
  }
  const wanted = new Set(specs.map((s) => `${s.table}.arrow`));
  for await (const entry of Deno.readDir(join(dir, "marts"))) {
    if (entry.isFile && !wanted.has(entry.name)) await Deno.remove(join(dir, "marts", entry.name));
  }
  const catalogue: MartCatalogue = { threshold, rule: disclosureRule(threshold), tables };
  const encode = (text: string) => new TextEncoder().encode(text);
  await writeBytesIfChanged(join(dir, "marts.json"), encode(JSON.stringify(catalogue, null, 1)));
  await writeBytesIfChanged(join(dir, "marts.js"), encode(martsModule(specs.map((s) => s.table))));
  return catalogue;
}
