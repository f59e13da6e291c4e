/**
 * Common first names given in France (all generations, and names frequent in the quartiers the
 * centres sociaux serve), plus frequent English ones (Google Forms in English). Used only to
 * recognise a column of names by its content (see detect_personal.ts): a name missing here is
 * still caught when the header asks for a name. Written in lower case without accents.
 *
 * Left out on purpose: first names that are also common words, places or answers (« Rose »,
 * « Claire », « France », « Florence », « Nancy », « Ange », « Prudence », « Désiré »…), so that
 * an ordinary answer is not taken for a name.
 *
 * @module
 */

const NAMES = `
adam adele adrien agathe agnes aicha aida alain alexandra alexandre alexis alice alicia aline
alix amandine amelie amina amine amir anais andre andrea angelique anne annie antoine antonin
arnaud arthur audrey baptiste aurelie aurelien axel aya aymeric bastien beatrice benjamin benoit bernard
bertrand brigitte bruno camille carine carole caroline catherine cecile celine chantal charles
charlotte chloe christelle christian christiane christine christophe clara claude clement colette
corinne cyril damien daniel danielle david delphine denis denise didier dominique dylan eddy
edith elena eliane elise elodie eloise emilie emma emmanuel emmanuelle enzo eric estelle ethan
etienne eva evelyne fabien fabienne fabrice fanny fatima fatou fatoumata felix florian francis
francine francois francoise frederic frederique gabriel gabrielle gael gaelle genevieve georges
gerald gerard germaine gilbert gilles ginette gisele guillaume hamid hassan helene henri
herve hugo hugues ibrahim ines irene isabelle jacqueline jacques jade jean jeanne jeannine jerome
jessica joel joelle jordan josee joseph josette julie julien juliette justine karim karima
kevin khadija lamia laetitia laura laure laurence laurent lea leila lena leo leon leonie lina
lionel loic lou louis louise luc lucas lucie lucien ludovic lydie madeleine maelle malik
mamadou manon marc marcel marcelle margaux margot marguerite maria marie marina mario
marion marius marthe martine maryse mathieu mathilde matheo mathis maurice maxime medhi mehdi
melanie michel micheline michele mickael mohamed mohammed monique morgane moussa mustapha myriam
nabil nadia nadine najat nathalie nathan nicolas nicole noah noemie odette odile olivier omar
oscar pascal pascale patricia patrick paul paulette paula pauline philippe pierre quentin rachid
rachel raphael raymond regine remi renee richard robert roger romain sabine sabrina salima
samia samir samira samuel sandra sandrine sarah sebastien serge sofia sophie stephane stephanie
suzanne sylvain sylvie theo therese thibault thierry thomas timothee tom valentin valerie
vanessa veronique vincent virginie xavier yacine yann yannick yasmina yasmine yassine yves
yvette yvonne zoe zohra awa aminata mariama kadiatou hawa djeneba oumar ousmane abdoulaye
souleymane bakary seydou ali ahmed youssef yusuf fatiha malika nora naima hakim farid nordine
kamel sami sofiane bilal ayoub imane nour rayan ilyes adama aissata binta ndeye dieynaba
john james michael william mary linda susan jennifer elizabeth sarah jessica emily olivia
sophia isabella ava mia charlotte amelia harry jack george oliver noah liam ethan lucas
`;

/** The first names, lower case without accents. */
export const FIRST_NAMES: ReadonlySet<string> = new Set(NAMES.split(/\s+/).filter((n) => n !== ""));
