/**
 * Text rendering of Noethys exports (individus, inscriptions, consommations).
 */
import type { Conso, Registration } from "./attendance.ts";
import type { Person } from "./people.ts";
import { clock, frenchDate } from "./calendar.ts";
import { csvLine } from "./csv.ts";

/** Header of individus.csv. */
export const INDIVIDUS_HEADER = "IDindividu;IDfamille;nom;prenom;date_naiss;cp_resid;ville_resid;secteur";
/** Header of inscriptions.csv. */
export const INSCRIPTIONS_HEADER =
  "IDinscription;IDindividu;IDfamille;IDactivite;activite;date_inscription;date_desinscription;statut";
/** Header of consommations files. */
export const CONSOMMATIONS_HEADER =
  "IDconso;IDindividu;IDinscription;IDactivite;date;heure_debut;heure_fin;etat;quantite";

/** One individus.csv data line. */
export function individuLine(p: Person): string {
  return csvLine([
    String(p.id),
    String(p.family),
    p.nom,
    p.prenom,
    p.birthText,
    p.cp,
    p.ville,
    p.secteur,
  ], ";");
}

/** One inscriptions.csv data line. */
export function inscriptionLine(r: Registration): string {
  return csvLine([
    String(r.id),
    String(r.person.id),
    String(r.person.family),
    String(r.activity.id),
    r.activity.def.label,
    frenchDate(r.start),
    r.end === null ? "" : frenchDate(r.end),
    r.statut,
  ], ";");
}

/** One consommations data line (no field ever needs quoting). */
export function consoLine(c: Conso): string {
  const r = c.registration;
  return `${c.id};${r.person.id};${r.id};${r.activity.id};${frenchDate(c.day)};${clock(c.start)};${
    clock(c.end)
  };${c.etat};1`;
}
