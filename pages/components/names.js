// Structure names inside French sentences: « la Maison de quartier des Ors a accueilli… »,
// « les exports du Centre social Le Polygone ». Registry names carry no article.

/** First word of a name → its article (elided before a vowel). */
const ARTICLES = {
  maison: "la", centre: "le", espace: "l'", association: "l'", amicale: "l'", foyer: "le", mjc: "la",
  accorderie: "l'", cite: "la", "cité": "la", relais: "le", point: "le", ferme: "la", collectif: "le"
};

/**
 * The name with its article, as it reads inside a sentence; `of: true` after « de » (« du », « de
 * la », « de l' »), `capital: true` at the start of a sentence. A name that already starts with an
 * article (« L'Accorderie ») or whose first word is unknown is kept as it is.
 *
 * @example
 * withArticle("Maison de quartier des Ors") // "la Maison de quartier des Ors"
 * withArticle("Centre social Le Polygone", {of: true}) // "du Centre social Le Polygone"
 */
export function withArticle(name, {of = false, capital = false} = {}) {
  const text = String(name ?? "");
  if (/^(l'|l’|la |le |les )/i.test(text)) return of ? `de ${text}` : text;
  const article = ARTICLES[text.split(/[\s'’-]/)[0].toLowerCase()];
  if (!article) return of ? `de ${text}` : text;
  const joined = article === "l'" ? `l'${text}` : `${article} ${text}`;
  const phrase = of ? (article === "le" ? `du ${text}` : `de ${joined}`) : joined;
  return capital ? phrase[0].toUpperCase() + phrase.slice(1) : phrase;
}
