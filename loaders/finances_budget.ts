/**
 * Loader for budgets per action (« budget par action »): planned charges and income of each
 * action for a year, with the actual charges when the year is closed. One line per action and
 * year: the same action sent again for the same year updates it.
 */
import { z } from "zod";
import type { LoaderSpec } from "../src/ingest/loader_spec.ts";
import { amount, optionalAmount, year } from "./finances_common.ts";

const schema = z.object({
  action: z.string().min(1),
  year,
  planned_costs: amount,
  planned_income: amount,
  actual_costs: optionalAmount,
}).refine((r) => r.planned_costs !== 0 || r.planned_income !== 0 || r.actual_costs !== null, {
  message: "aucun montant : indiquez au moins les charges ou les produits prévus",
  path: ["planned_costs"],
});

export const financesBudgetLoader: LoaderSpec<z.infer<typeof schema>> = {
  kind: "finances",
  format: "budget-actions",
  label: "budget par action",
  tables: { stg_budgets: ["structure_id", "action", "year"] },
  needsStructure: true,
  fields: {
    action: {
      type: "text",
      aliases: ["Action", "Actions", "Intitulé de l'action", "Projet", "Activité", "Poste budgétaire"],
      required: true,
    },
    year: { type: "text", aliases: ["Année", "Exercice", "Année budgétaire", "Budget"], required: true },
    planned_costs: {
      type: "number",
      aliases: [
        "Charges prévues",
        "Charges prévisionnelles",
        "Dépenses prévues",
        "Charges (prévisionnel)",
        "Budget charges",
        "Total charges prévues",
      ],
      required: true,
      optional: true,
    },
    planned_income: {
      type: "number",
      aliases: [
        "Produits prévus",
        "Produits prévisionnels",
        "Recettes prévues",
        "Produits (prévisionnel)",
        "Budget produits",
        "Total produits prévus",
      ],
      required: true,
      optional: true,
    },
    actual_costs: {
      type: "number",
      aliases: ["Réalisé", "Charges réalisées", "Réalisé charges", "Dépenses réalisées", "Réel"],
      optional: true,
    },
  },
  schema,
  toRows(r, ctx) {
    return [{
      table: "stg_budgets",
      row: {
        structure_id: ctx.structureId,
        action: r.action.replace(/\s+/g, " "),
        year: r.year,
        planned_costs: r.planned_costs,
        planned_income: r.planned_income,
        actual_costs: r.actual_costs,
      },
    }];
  },
};
