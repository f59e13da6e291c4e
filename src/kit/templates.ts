/**
 * The catalogue of the kit's spreadsheet templates: for each kind a structure fills by hand, the
 * loader it feeds, the fields it shows (headers, formats, checks and lists all come from the
 * loader, see columns.ts), an example line, and the French guide.
 *
 * @module
 */
import type { LoaderSpec } from "../ingest/loader_spec.ts";
import { attendanceSheetLoader } from "../../loaders/attendance_sheet.ts";
import { headcountsLoader } from "../../loaders/headcounts.ts";
import { volunteeringLoader } from "../../loaders/volunteering.ts";
import { staffLoader } from "../../loaders/staff.ts";
import { partnershipsLoader } from "../../loaders/partnerships.ts";
import { testimoniesLoader } from "../../loaders/testimonies.ts";
import { iso26000Loader, loadIso26000Reference } from "../../loaders/iso26000.ts";
import { FIELD_LABELS, IMPACT_ALIASES, INVESTMENT_ALIASES } from "../sroi/impact_headers.ts";
import {
  type CellCheck,
  type ColumnOptions,
  type TemplateColumn,
  templateColumns,
  type Vocabularies,
} from "./columns.ts";

/** A cell value of an example or pre-filled line (a Date for dates). */
export type KitValue = string | number | Date | null;

/** One data sheet of a template. */
export interface DataSheet {
  name: string;
  columns: TemplateColumn[];
  /** Lines written under the header (ISO 26000 domains, SROI parameters). */
  prefill?: Record<string, KitValue>[];
  /** Fields whose pre-filled cells are locked (a protected label). */
  lockedFields?: readonly string[];
  /** Formula of a field on spreadsheet row `row` (A1 references), locked and recomputed by Excel. */
  formulas?: Record<string, (row: number, column: (field: string) => string) => string>;
  /** A header-less list « libellé | valeur » (the SROI parameters). */
  keyValue?: boolean;
}

/** A spreadsheet template of the kit. */
export interface Template {
  /** File stem and marker id (« emargement »). */
  id: string;
  title: string;
  /** The loader that reads it (null for the SROI impact map, read by `deno task sroi`). */
  loader: LoaderSpec | null;
  sheets: DataSheet[];
  /** An example line per data sheet (field → value), shown on the Instructions sheet. */
  example: Record<string, KitValue>;
  /** What each field holds, in plain French (completes the type's own explanation). */
  notes: Record<string, string>;
  /** « Comment remplir » and « Erreurs fréquentes » of the guide. */
  howTo: string[];
  mistakes: string[];
  /** Kind as the site names it (« présences »). */
  kindLabel: string;
}

/** Options shared by every template. */
export interface TemplateOptions {
  year: number;
  /** Structure name written in the marker and the title (null: any structure). */
  structure: string | null;
}

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
const COUNT: CellCheck = { kind: "whole", min: 0 };

/** Columns of a loader template (the loader's fields, its values, the structure's lists). */
function columnsOf(spec: LoaderSpec, vocabularies: Vocabularies, options: ColumnOptions): TemplateColumn[] {
  return templateColumns(spec, vocabularies, options);
}

/** The letter of spreadsheet column `index` (0 → A). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Columns of the SROI sheets, from the impact map reader's own labels and aliases. */
function sroiColumns(
  aliases: Record<string, string[]>,
  fields: readonly string[],
  required: readonly string[],
) {
  const percent = new Set(["deadweight", "displacement", "attribution", "dropOff"]);
  return fields.map((field): TemplateColumn => {
    if (!aliases[field]) throw new Error(`champ SROI « ${field} » inconnu`);
    const label = FIELD_LABELS[field];
    const header = label.charAt(0).toUpperCase() + label.slice(1);
    const numeric = ["quantity", "durationYears", "proxy", "amount"].includes(field);
    return {
      field,
      header,
      type: numeric || percent.has(field) ? "number" : "text",
      mandatory: required.includes(field),
      personal: false,
      check: percent.has(field)
        ? { kind: "decimal", min: 0, max: 1 }
        : field === "durationYears"
        ? { kind: "whole", min: 1, max: 50 }
        : field === "start"
        ? { kind: "list", values: ["1", "2"], strict: true }
        : numeric
        ? { kind: "decimal", min: 0 }
        : { kind: "none" },
      format: percent.has(field) ? "0%" : field === "proxy" || field === "amount" ? "#,##0.00 €" : null,
      width: Math.max(12, Math.min(40, header.length + 2)),
    };
  });
}

/** Every template of the kit, for `vocabularies` and `options`. */
export function kitTemplates(vocabularies: Vocabularies, options: TemplateOptions): Template[] {
  const { year } = options;
  const iso = loadIso26000Reference();
  const subjectCode = (code: string) => code.split(".").slice(0, 2).join(".");
  return [
    {
      id: "emargement",
      title: "Feuille d'émargement",
      kindLabel: "présences",
      loader: attendanceSheetLoader,
      sheets: [{
        name: "Émargement",
        columns: columnsOf(attendanceSheetLoader, vocabularies, {
          lists: { activity: "activities" },
          checks: { birth_year: { kind: "whole", min: 1900, max: year } },
          widths: { activity: 30 },
        }),
      }],
      example: {
        date: utc(year, 3, 14),
        last_name: "Exemple",
        first_name: "Camille",
        birth_year: 1988,
        neighbourhood: "La Monnaie",
        activity: vocabularies.activities[0] ?? "Atelier cuisine",
        hours: 2,
      },
      notes: {
        member_id: "numéro d'adhérent de la personne, si elle en a un : relie sa présence à la liste des " +
          "adhérents de la structure (pseudonymisé au chargement, jamais publié)",
        last_name: "nom de famille de la personne présente (pseudonymisé au chargement, jamais publié)",
        first_name: "prénom de la personne (pseudonymisé au chargement)",
        birth_year:
          "année sur 4 chiffres ; sert seulement à distinguer deux homonymes et à calculer une tranche d'âge",
        neighbourhood: "quartier d'habitation (sert à savoir si la personne habite un quartier prioritaire)",
        hours: "durée de présence à la séance",
      },
      howTo: [
        "Une ligne par personne et par séance : si Camille vient à trois séances, elle a trois lignes.",
        "Écrivez la date de la séance sur chaque ligne (vous pouvez la copier vers le bas).",
        "Choisissez l'atelier dans la liste déroulante ; s'il n'y est pas, tapez son nom habituel.",
        "Écrivez toujours le nom et le prénom de la même façon d'une séance à l'autre.",
      ],
      mistakes: [
        "Une date écrite « le 14 mars » ou « 14.03 » : écrivez-la au format jj/mm/aaaa, année comprise.",
        "Une durée écrite « 2 heures » ou « matinée » : écrivez un nombre (2 ou 1,5).",
        "Une ligne de total en bas de la feuille : inutile, les totaux sont recalculés.",
        "Une colonne renommée ou ajoutée : gardez les en-têtes du modèle tels quels.",
      ],
    },
    {
      id: "comptages-evenements",
      title: "Comptage des participants aux événements ouverts",
      kindLabel: "comptages de séances",
      loader: headcountsLoader,
      sheets: [{
        name: "Comptages",
        columns: columnsOf(headcountsLoader, vocabularies, {
          fields: [
            "date",
            "action",
            "adults",
            "children",
            "qpv_inhabitants",
            "volunteers_present",
            "place",
            "total",
          ],
          lists: { action: "activities" },
          checks: { adults: COUNT, children: COUNT, qpv_inhabitants: COUNT, volunteers_present: COUNT },
          widths: { action: 30, place: 20 },
        }),
        formulas: {
          total: (row, col) =>
            `IF(COUNT(${col("adults")}${row}:${col("children")}${row})=0,"",SUM(${col("adults")}${row}:${
              col("children")
            }${row}))`,
        },
      }],
      example: {
        date: utc(year, 6, 21),
        action: "Fête de quartier",
        adults: 85,
        children: 60,
        qpv_inhabitants: 70,
        volunteers_present: 12,
        place: "Place du marché",
      },
      notes: {
        adults: "nombre d'adultes présents (un nombre entier)",
        children: "nombre d'enfants et de jeunes de moins de 18 ans",
        qpv_inhabitants:
          "parmi les adultes et enfants, combien habitent un quartier prioritaire (estimation honnête)",
        volunteers_present: "bénévoles venus aider (non comptés dans les participants)",
        total: "calculé automatiquement (adultes + enfants) : ne rien écrire",
      },
      howTo: [
        "Une ligne par événement et par jour (une fête sur deux jours : deux lignes).",
        "Comptez les adultes et les enfants séparément ; laissez vide ce que vous n'avez pas compté.",
        "Le total se calcule tout seul dans la dernière colonne.",
      ],
      mistakes: [
        "« une centaine » ou « 80-90 » dans une colonne de nombres : écrivez un seul nombre, votre meilleure estimation.",
        "Plus d'habitants QPV que de participants : les habitants QPV font partie des adultes et enfants.",
        "Les bénévoles comptés aussi parmi les adultes : comptez-les seulement dans « Bénévoles présents ».",
      ],
    },
    {
      id: "benevolat",
      title: "Suivi des heures de bénévolat",
      kindLabel: "bénévolat",
      loader: volunteeringLoader,
      sheets: [{
        name: "Bénévolat",
        columns: columnsOf(volunteeringLoader, vocabularies, {
          fields: ["volunteer", "date", "month", "mission", "hours"],
          lists: { mission: "missions" },
          widths: { volunteer: 24, mission: 30 },
        }),
      }],
      example: {
        volunteer: "Camille Exemple",
        date: utc(year, 2, 6),
        month: null,
        mission: "Aide aux devoirs",
        hours: 1.5,
      },
      notes: {
        volunteer: "nom du ou de la bénévole (pseudonymisé au chargement), écrit toujours de la même façon",
        date:
          "jour de l'activité ; si vous ne notez qu'un total par mois, laissez vide et remplissez « Mois »",
        month: "mois des heures (03/2025 ou mars 2025) quand il n'y a pas de date précise",
        mission: "choisir dans la liste : la mission détermine le taux de valorisation",
        hours: "nombre d'heures : 1,5 ou 1h30",
      },
      howTo: [
        "Une ligne par bénévole et par activité (ou par mois si vous notez un total mensuel).",
        "Remplissez la date, ou à défaut le mois : une ligne sans l'un ni l'autre ne peut pas être comptée.",
        "Choisissez la mission dans la liste : conseil d'administration, aide aux devoirs, fête…",
      ],
      mistakes: [
        "Des heures écrites « 2h de 14h à 16h » : écrivez seulement 2.",
        "Le même bénévole écrit « Camille E. » puis « Camille Exemple » : il compte pour deux personnes.",
        "Ni date ni mois : la ligne est refusée.",
      ],
    },
    {
      id: "salaries",
      title: "Tableau du personnel salarié",
      kindLabel: "personnel",
      loader: staffLoader,
      sheets: [{
        name: "Salariés",
        columns: columnsOf(staffLoader, vocabularies, {
          checks: { fte: { kind: "decimal", min: 0.01, max: 1 } },
          widths: { role: 28, contract: 26, funding: 24 },
        }),
      }],
      example: {
        last_name: "Exemple",
        first_name: "Dominique",
        role: "Animateur·rice famille",
        contract: "CDI",
        fte: 0.8,
        start_date: utc(year - 3, 9, 1),
        end_date: null,
        funding: "Poste FONJEP",
      },
      notes: {
        last_name: "nom du ou de la salarié·e (pseudonymisé au chargement)",
        fte: "équivalent temps plein entre 0 et 1 : 1 = temps plein, 0,5 = mi-temps (ou 50 %)",
        end_date: "à laisser vide si le contrat est en cours",
      },
      howTo: [
        "Une ligne par contrat : une personne qui a eu un CDD puis un CDI a deux lignes.",
        "Envoyez à chaque fois la liste complète : elle remplace la précédente.",
        "Choisissez le type de contrat dans la liste.",
      ],
      mistakes: [
        "Un ETP écrit en heures (« 28h ») : écrivez 0,8 ou 80 %.",
        "Une date de sortie avant la date d'entrée.",
        "Un type de contrat hors liste (« vacataire ») : choisissez le plus proche dans la liste.",
      ],
    },
    {
      id: "partenariats",
      title: "Liste des partenariats",
      kindLabel: "partenariats",
      loader: partnershipsLoader,
      sheets: [{
        name: "Partenariats",
        columns: columnsOf(partnershipsLoader, vocabularies, {
          fields: ["partner", "partner_type", "subject", "since", "formal", "intensity"],
          lists: { partner: "structures" },
          widths: { partner: 32, partner_type: 26, subject: 30 },
        }),
      }],
      example: {
        partner: "Médiathèque municipale",
        partner_type: "collectivité",
        subject: "Lecture en famille",
        since: "2019",
        formal: "oui",
        intensity: "régulier",
      },
      notes: {
        partner:
          "nom de l'organisme partenaire (jamais une personne) ; les structures du réseau sont dans la liste",
        since: "année (2019), mois (mars 2019) ou date du début du partenariat",
        formal: "une convention est-elle signée ? oui ou non",
      },
      howTo: [
        "Une ligne par partenaire et par projet commun.",
        "Écrivez le nom de l'organisme, pas celui de la personne qui vous accompagne.",
        "Envoyez à chaque fois la liste complète : elle remplace la précédente.",
      ],
      mistakes: [
        "« Mme Martin (mairie) » comme partenaire : écrivez « Mairie de … ».",
        "« depuis longtemps » dans « Depuis » : écrivez une année, même approximative.",
      ],
    },
    {
      id: "temoignages",
      title: "Recueil de témoignages",
      kindLabel: "témoignages",
      loader: testimoniesLoader,
      sheets: [{
        name: "Témoignages",
        columns: columnsOf(testimoniesLoader, vocabularies, {
          fields: ["date", "text", "dimensions", "consent", "public", "author"],
          widths: { text: 60, dimensions: 28, public: 18 },
        }),
      }],
      example: {
        date: utc(year, 5, 12),
        text: "Depuis que je viens à l'atelier, je connais mes voisins et j'ose proposer des idées.",
        dimensions: "cohésion sociale",
        consent: "oui",
        public: "adulte",
        author: "Camille",
      },
      notes: {
        text: "les mots de la personne, tels qu'elle les a dits",
        dimensions: "une ou plusieurs dimensions du socle commun, séparées par « ; »",
        consent:
          "la personne accepte-t-elle que son témoignage soit cité ? oui ou non — sans « oui », le texte n'est jamais conservé",
        author: "prénom seulement, facultatif : il est retiré du texte au chargement",
      },
      howTo: [
        "Demandez toujours l'accord de la personne avant de noter « oui » dans « Consentement ».",
        "Recopiez les mots de la personne sans les corriger ; n'y mettez pas de nom de famille.",
        "Choisissez une ou plusieurs dimensions du socle commun.",
      ],
      mistakes: [
        "Consentement laissé vide : la ligne est refusée (écrivez oui ou non).",
        "Un nom, une adresse ou un téléphone dans le texte : ne les écrivez pas.",
      ],
    },
    {
      id: "autoevaluation-iso26000",
      title: "Auto-évaluation ISO 26000",
      kindLabel: "auto-évaluation ISO 26000",
      loader: iso26000Loader,
      sheets: [{
        name: "Auto-évaluation",
        columns: columnsOf(iso26000Loader, vocabularies, {
          fields: ["year", "subject", "issue", "relevance", "maturity", "evidence"],
          checks: { year: { kind: "whole", min: 2000, max: 2100 } },
          widths: { subject: 34, issue: 60, relevance: 20, maturity: 20, evidence: 50 },
        }),
        prefill: iso.map((i) => ({
          year,
          subject: `${subjectCode(i.code)} ${i.subject}`,
          issue: `${i.code} ${i.issue}`,
        })),
        lockedFields: ["subject", "issue"],
      }],
      example: {
        year,
        subject: "6.8 Communautés et développement local",
        issue: "6.8.3 Implication auprès des communautés",
        relevance: "3 - forte",
        maturity: "2 - en progrès",
        evidence: "Conseil citoyen co-animé depuis 2021",
      },
      notes: {
        issue: "pré-rempli : les 37 domaines d'action de la norme, à ne pas modifier",
        relevance: "0 à 3 : ce domaine compte-t-il pour votre structure ?",
        maturity: "1 à 4 : où en êtes-vous ? (vide seulement si la pertinence est 0)",
        evidence: "ce qui justifie votre niveau (actions, documents)",
      },
      howTo: [
        "Les 37 domaines sont déjà écrits : remplissez seulement Pertinence, Maturité et Commentaire.",
        "Remplissez-la à plusieurs (salariés, bénévoles, administrateurs) : c'est l'échange qui compte.",
        "Un domaine non pertinent (0) peut rester sans maturité.",
      ],
      mistakes: [
        "Une maturité vide pour un domaine pertinent : la ligne est refusée.",
        "Des domaines supprimés ou renommés : gardez les 37 lignes telles quelles.",
      ],
    },
    {
      id: "carte-impact-sroi",
      title: "Carte d'impact SROI",
      kindLabel: "carte d'impact SROI",
      loader: null,
      sheets: [
        {
          name: "impacts",
          columns: sroiColumns(IMPACT_ALIASES, [
            "stakeholder",
            "outcome",
            "indicator",
            "quantity",
            "durationYears",
            "start",
            "proxy",
            "proxySource",
            "deadweight",
            "displacement",
            "attribution",
            "dropOff",
          ], ["outcome", "quantity", "durationYears", "proxy"]),
        },
        {
          name: "investissements",
          columns: sroiColumns(INVESTMENT_ALIASES, ["stakeholder", "nature", "amount"], ["amount"]),
        },
        {
          name: "parametres",
          keyValue: true,
          columns: [
            {
              field: "label",
              header: "paramètre",
              type: "text",
              mandatory: true,
              personal: false,
              check: { kind: "none" },
              format: null,
              width: 28,
            },
            {
              field: "value",
              header: "valeur",
              type: "number",
              mandatory: true,
              personal: false,
              check: { kind: "decimal", min: 0 },
              format: null,
              width: 14,
            },
          ],
          prefill: [
            { label: "taux d'actualisation", value: 0.035 },
            { label: "horizon (années)", value: 5 },
          ],
          lockedFields: ["label"],
        },
      ],
      example: {
        stakeholder: "Habitants",
        outcome: "Moins d'isolement",
        indicator: "participants_reguliers",
        quantity: 40,
        durationYears: 2,
        start: "1",
        proxy: 350,
        proxySource: "Coût d'une adhésion à un club (exemple)",
        deadweight: 0.25,
        displacement: 0,
        attribution: 0.3,
        dropOff: 0.5,
      },
      notes: {
        quantity: "un nombre, ou l'identifiant d'un indicateur du catalogue (participants_reguliers…)",
        start: "1 si l'effet a lieu pendant l'action, 2 s'il commence l'année suivante",
        deadweight: "part du changement qui serait arrivée sans l'action (0 %, 25 %, 50 %, 75 %, 100 %)",
        displacement: "part du changement qui en empêche un autre ailleurs",
        attribution: "part du changement due à d'autres acteurs",
        dropOff: "perte de l'effet chaque année suivante",
        amount: "valeur en euros de chaque ressource : subventions, bénévolat valorisé, locaux prêtés",
      },
      howTo: [
        "Feuille « impacts » : une ligne par changement vécu par une partie prenante.",
        "Feuille « investissements » : une ligne par ressource mobilisée, avec son montant.",
        "Feuille « parametres » : taux d'actualisation et horizon (3,5 % et 5 ans par défaut).",
        "Justifiez chaque pourcentage (aubaine, attribution…) dans la source ou en réunion.",
        "Calculez ensuite avec : deno task sroi carte-impact-sroi.xlsx",
      ],
      mistakes: [
        "Un pourcentage écrit « 25 » sans le signe % dans une cellule au format texte : écrivez 25 %.",
        "Une durée de 0 année ou une quantité vide : la ligne ne peut pas être valorisée.",
        "Un proxy sans source : le résultat n'est pas vérifiable.",
      ],
    },
  ];
}
