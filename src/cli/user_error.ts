/**
 * Unexpected errors as the user sees them: a French message saying what happened, what is safe
 * and what to do, never a stack trace (set OBSERVATOIRE_DEBUG=1 to see it).
 *
 * @module
 */

/** The French message of an unexpected error met while `doing` (« le chargement »…). */
export function unexpectedErrorMessage(error: unknown, doing: string): string {
  const detail = error instanceof Error ? error.message : String(error);
  return `Erreur inattendue pendant ${doing} : ${detail}. Ce qui était déjà chargé reste dans l'entrepôt ` +
    `(chaque fichier est chargé en une seule transaction). Relancez la commande ; si l'erreur revient, ` +
    `transmettez ce message à l'équipe technique (OBSERVATOIRE_DEBUG=1 affiche le détail technique).`;
}

/** Prints the technical detail of an error on stderr when OBSERVATOIRE_DEBUG is set. */
export function debugDetail(error: unknown): void {
  if (Deno.env.get("OBSERVATOIRE_DEBUG")) console.error(error instanceof Error ? error.stack : error);
}

/**
 * Runs a command's work; an unexpected error prints its French message on stderr and exits 1.
 *
 * @example
 * ```ts
 * await explainFailure("la construction du site", async () => { await runPipeline(); });
 * ```
 */
export async function explainFailure<T>(doing: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    debugDetail(error);
    console.error(unexpectedErrorMessage(error, doing));
    Deno.exit(1);
  }
}
