// Small dictionaries in the published PETRARCH formats, written for our tests (fictional states).
import { emptyDictionaries, type PetrarchDictionaries } from './dictionaries.js';

export const ACTORS = `<!-- test actors -->
KESTRIA_ [KES]
+KESTRIAN_
VALDORA [VAL]  # a comment
+VALDORAN
NORVASK_ [NVK]
OSTRAVEN_HIGHLANDS_ [OHL]
MIRA_TOLLAN_
+PRESIDENT_TOLLAN
	[KESOPP <20100101]
	[KESGOV 20100101-20151231]
	[KESELI >20151231]
THE_TWIN_CITIES [TCA/TCB]
NOBODY_IN_PARTICULAR [---]
`;

export const AGENTS = `!PERSON! = MAN, MEN, WOMAN, WOMEN
POLICE {} [~COP]
GOVERNMENT [~GOV]
FOREIGN_MINISTER [~GOVFRM]
ARMY [~MIL]
CHAIR!PERSON! [~LEG]
RELIEF_AGENCY {RELIEF_AGENCIES} [NGO~]
`;

export const VERBS = `&TALKSYN
+TALKS
+NEGOTIATION

&NEGAUX_
+DID N'T
+WILL NOT

--- CONDEMN [122] ---
CONDEMN
DENOUNCE

--- ATTACK [190] ---
ATTACK
- * WITH ROCKETS [195]
- &NEGAUX * [---]

--- MEET [040:040] ---
MEET {MEETS MET MEETING}
- * FOR &TALKSYN [046]
- % * [043:043]

--- EXPEL [174] ---
EXPEL {EXPELS EXPELLED EXPELLING}
- + WAS * FROM $ [174]

--- CORDON [191] ---
+CORDON_OFF {+CORDONS_OFF +CORDONED_OFF +CORDONING_OFF}
`;

export const DISCARDS = `FOOTBALL MATCH
+HOROSCOPE
`;

export function testDictionaries(): PetrarchDictionaries {
  const d = emptyDictionaries();
  d.actors.addText(ACTORS, 'test.actors.txt');
  d.agents.addText(AGENTS, 'test.agents.txt');
  d.verbs.addText(VERBS, 'test.verbs.txt');
  d.discards.addText(DISCARDS, 'test.discards.txt');
  return d;
}
