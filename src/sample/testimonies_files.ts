/**
 * Testimonies collected by the four structures of La Coopération: short sentences from
 * inhabitants, tagged with the dimensions of the socle commun, with or without consent. Some
 * mention their author's first name (in any case, with or without accents) or « Mme X »: the
 * loader must redact them.
 */
import type { Row } from "write-excel-file/node";
import type { Random } from "./random.ts";
import type { Inbox } from "./inbox.ts";
import type { Truth } from "./truth.ts";
import { csvLine, encodeText } from "./csv.ts";
import { buildWorkbook, dateCell, textCell } from "./xlsx.ts";
import { dayOf, frenchDate } from "./calendar.ts";
import { OLD_FEMALE, OLD_MALE, SURNAMES, YOUNG_FEMALE, YOUNG_MALE } from "./names.ts";

/** Dimension codes (as loaded) with the spellings structures type. */
const DIMENSION_SPELLINGS: Record<string, readonly string[]> = {
  cohesion_sociale: ["Cohésion sociale", "cohésion sociale", "COHESION SOCIALE", "Lien social"],
  epanouissement: ["Épanouissement", "épanouissement", "Epanouissement"],
  gouvernance: ["Gouvernance", "gouvernance", "Participation"],
  environnement: ["Environnement", "environnement", "Transition écologique"],
  richesses_produites: ["Richesses produites", "richesses produites", "Richesse produite"],
};

/** What inhabitants say, by the dimension it shows (no name in these sentences). */
const SAYINGS: Record<string, readonly string[]> = {
  cohesion_sociale: [
    "ici j'ai rencontré des voisines que je croisais sans jamais leur parler",
    "le repas partagé, c'est le moment où tout le quartier se mélange",
    "grâce au café des parents je connais enfin les autres familles de l'école",
    "depuis les ateliers on s'entraide entre voisins pour les courses et les papiers",
    "mes enfants jouent avec ceux de l'immeuble d'en face, avant on ne se disait même pas bonjour",
  ],
  epanouissement: [
    "l'atelier couture m'a redonné confiance en moi",
    "après les cours de français j'ai osé m'inscrire à une formation",
    "mon fils a découvert le théâtre, il en parle tous les soirs",
    "je me sens utile, je ne reste plus seule chez moi",
    "à mon âge j'apprends encore, l'informatique ne me fait plus peur",
  ],
  gouvernance: [
    "je suis entrée au conseil d'administration, on décide vraiment ensemble",
    "on a monté la sortie nous-mêmes, du budget au car",
    "mon avis compte dans les réunions d'habitants",
    "les jeunes ont choisi eux-mêmes le projet de l'été",
  ],
  environnement: [
    "le jardin partagé nous apprend à cultiver sans produits chimiques",
    "au repair café on répare au lieu de jeter",
    "on a nettoyé les berges de l'Isère avec les jeunes du quartier",
    "je viens à vélo maintenant, l'atelier m'a appris à le réparer",
  ],
  richesses_produites: [
    "j'échange des heures de bricolage contre de l'aide aux devoirs",
    "l'épicerie solidaire m'aide à boucler la fin du mois",
    "j'ai trouvé un petit boulot grâce à la permanence emploi",
    "les heures données à l'Accorderie me reviennent en coups de main",
  ],
};

const CLOSINGS = [
  ".",
  " !",
  ". Merci à toute l'équipe !",
  ". Vivement la rentrée.",
  " =)",
  ", c'est super.",
  "...",
];

const PUBLICS = ["moins de 18 ans", "18-29 ans", "30-44 ans", "45-59 ans", "60 ans et plus", "Famille", ""];

const FIRST_NAMES = [...OLD_FEMALE, ...OLD_MALE, ...YOUNG_FEMALE, ...YOUNG_MALE];

/** One testimony before it is rendered. */
interface Testimony {
  day: number;
  author: string;
  text: string;
  dimensions: string[];
  dimensionsCell: string;
  consent: boolean;
  consentText: string;
  public: string;
}

function stripAccents(s: string): string {
  return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
}

/** How the author's first name is written inside the text. */
function spelled(rng: Random, name: string): string {
  return rng.weighted([name, name.toLocaleUpperCase("fr-FR"), stripAccents(name)], [6, 2, 2]);
}

function capitalise(s: string): string {
  return s[0].toLocaleUpperCase("fr-FR") + s.slice(1);
}

function oneTestimony(rng: Random): Testimony {
  const main = rng.pick(Object.keys(SAYINGS));
  const dimensions = [main];
  if (rng.chance(0.35)) {
    const other = rng.pick(Object.keys(SAYINGS));
    if (other !== main) dimensions.push(other);
  }
  const first = rng.pick(FIRST_NAMES);
  const author = rng.weighted([first, `${first} ${rng.pick(SURNAMES)[0]}.`, ""], [6, 2, 2]);
  let saying = rng.pick(SAYINGS[main]);
  if (rng.chance(0.12)) {
    saying += `, merci à ${rng.pick(["Mme", "M.", "Madame", "Monsieur"])} ${rng.pick(SURNAMES)}`;
  }
  let text: string;
  const mention = author !== "" && rng.chance(0.3);
  if (mention) {
    text = rng.chance(0.5)
      ? `Moi c'est ${spelled(rng, first)}, ${saying}${rng.pick(CLOSINGS)}`
      : `${capitalise(saying)}${rng.pick(CLOSINGS)} Signé ${spelled(rng, first)}.`;
  } else {
    // Spreadsheet cells that must stay text: « -> », « <3 », « + ».
    const lead = rng.weighted(["", "-> ", "<3 ", "+ "], [20, 1, 1, 1]);
    text = `${lead}${capitalise(saying)}${rng.pick(CLOSINGS)}`;
  }
  const consent = rng.chance(0.8);
  const separator = rng.pick(["; ", ", ", " / "]);
  return {
    day: dayOf(rng.int(2023, 2025), rng.int(1, 12), rng.int(1, 28)),
    author,
    text,
    dimensions,
    dimensionsCell: dimensions.map((d) => rng.pick(DIMENSION_SPELLINGS[d])).join(separator),
    consent,
    consentText: consent ? rng.pick(["oui", "Oui", "OUI"]) : rng.pick(["non", "Non", "NON"]),
    public: rng.pick(PUBLICS),
  };
}

/** `count` testimonies with distinct (date, text), in date order. */
function testimonies(rng: Random, count: number): Testimony[] {
  const seen = new Set<string>();
  const out: Testimony[] = [];
  while (out.length < count) {
    const t = oneTestimony(rng);
    if (seen.has(`${t.day}|${t.text}`)) continue;
    seen.add(`${t.day}|${t.text}`);
    out.push(t);
  }
  return out.sort((a, b) => a.day - b.day);
}

/**
 * Writes the testimony files of the four structures of La Coopération and records, per
 * structure, how many testimonies, how many with consent, and how many per dimension.
 * @param rng random stream of the testimonies
 * @param inbox output
 * @param truth ground truth
 * @param scale volume multiplier
 */
export async function writeTestimonies(
  rng: Random,
  inbox: Inbox,
  truth: Truth,
  scale: number,
): Promise<void> {
  const count = Math.max(12, Math.round(120 * scale));
  for (const id of ["ors", "saint-nicolas", "noel-guichard", "accorderie"]) {
    const r = rng.fork(id);
    const list = testimonies(r, count + r.int(0, 6));
    const dims: Record<string, number> = {};
    for (const t of list) for (const d of t.dimensions) dims[d] = (dims[d] ?? 0) + 1;
    truth.testimonies[id] = {
      total: list.length,
      consented: list.filter((t) => t.consent).length,
      dimensions: dims,
    };
    if (id === "ors") {
      // A workbook: title row, blank row, header on row 3, real date cells.
      const rows: Row[] = [
        [textCell("Paroles d'habitants – Maison de quartier des Ors"), null, null, null, null, null],
        [null, null, null, null, null, null],
        ["Date", "Prénom", "Témoignage", "Dimensions", "Consentement", "Tranche d'âge"].map(textCell),
      ];
      for (const t of list) {
        rows.push([
          dateCell(t.day),
          t.author ? textCell(t.author) : null,
          textCell(t.text),
          textCell(t.dimensionsCell),
          textCell(t.consentText),
          t.public ? textCell(t.public) : null,
        ]);
      }
      const path = "ors/temoignages.xlsx";
      await inbox.write(
        { path, rows: list.length, encoding: "xlsx", sheets: { "Témoignages": list.length } },
        await buildWorkbook([{ name: "Témoignages", rows }]),
      );
      inbox.mess({ path, kind: "title_rows", detail: "titre en ligne 1, ligne 2 vide, en-tête en ligne 3" });
    } else {
      const style = {
        "saint-nicolas": {
          header: ["Date", "Auteur", "Texte", "Dimensions", "Consentement", "Public"],
          separator: ";",
          encoding: "utf-8-bom",
          eol: "\n",
        },
        "noel-guichard": {
          header: [
            "Date du témoignage",
            "Prénom",
            "Témoignage",
            "Dimensions du socle",
            "Accord de diffusion",
            "Public concerné",
          ],
          separator: ";",
          encoding: "windows-1252",
          eol: "\r\n",
        },
        "accorderie": {
          header: ["Date", "Qui", "Verbatim", "Dimensions", "Consentement", "Tranche d'âge"],
          separator: ",",
          encoding: "utf-8",
          eol: "\n",
        },
      }[id]!;
      const lines = [csvLine(style.header, style.separator)];
      for (const t of list) {
        lines.push(
          csvLine(
            [frenchDate(t.day), t.author, t.text, t.dimensionsCell, t.consentText, t.public],
            style.separator,
          ),
        );
      }
      const encoding = style.encoding as "utf-8" | "utf-8-bom" | "windows-1252";
      await inbox.write(
        { path: `${id}/temoignages.csv`, rows: list.length, encoding },
        encodeText(lines.join(style.eol) + style.eol, encoding),
      );
    }
  }
  inbox.mess({
    path: "ors/temoignages.xlsx",
    kind: "names_in_text",
    detail: "prénom de l'auteur ou « Mme Nom » cité dans le texte (à masquer au chargement)",
  });
}
