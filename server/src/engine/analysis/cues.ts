// Context cues: phrases that tell who a sentence is about (a specific patient, the reader's own care,
// general education, staff, a public figure) and what a reply or claim is doing.
import type { ContextCue, ContextCueKind } from "./types";

/** Cue patterns. Every pattern is linear-time: bounded repetitions, no nested quantifiers. */
const CUES: [ContextCueKind, RegExp][] = [
  ["patient-reference", /\b(?:our|my|this|that)\s(?:(?!(?:was|is|are|were|be|been|a|an|someone|somebody|anyone|everyone)\s)[\w-]{1,24}\s){0,3}?(?:patient|client|resident|clinic member)\b(?!s|['’]s\s(?:rights|bill)|\s(?:experience|coordinators?|care|advocates?|portal|services|relations|liaisons?|navigators?|educat\w{1,6}|safety|satisfaction|intake|line|rooms?|lounge|forms?|surveys?|reviews?|stories|testimonials?|privacy|records|information|feedback|communications?|support|access|financial|accounts?|billing|handbook|guide|resources?|centers?|centres?|ambassadors?|families|volunteers?|base|population|community|success|outcomes|portal)\b)/gi],
  ["patient-reference", /\bone of (?:our|my) (?:[\w-]{1,24}\s){0,2}?(?:patients|clients|residents)\b/gi],
  ["patient-reference", /\ba (?:client|patient) of (?:mine|ours)\b/gi],
  ["patient-reference", /\b(?:I|we) (?:recently |once |just |first )?(?:treated|saw|worked with|met|cared for|helped|evaluated|examined|admitted|operated on) (?:a|an|one|this) (?:[\w-]{1,24}\s){0,3}?(?:patient|client|woman|man|boy|girl|child|kid|teen|teenager|toddler|baby|mother|mom|father|dad|veteran|gentleman|lady|athlete|runner|student|retiree|grandmother|grandfather)\b/gi],
  ["patient-reference", /(?:^|\n)[ \t]*(?:patient|client|resident)(?: name)?[ \t]?:|\b(?:DOB|D\.O\.B\.|date of birth)\b/gi],
  ["patient-reference", /\b(?:had|saw|treated|met|admitted|got) (?:a|this|one|another) (?:[\w-]{1,24}\s){0,2}?(?:patient|client)\s(?:today|tonight|yesterday|this (?:week|morning|afternoon)|last (?:week|night|month)|who|that|with)\b/gi],
  ["patient-reference", /\b(?:a|one|this|some)\s(?:[\w-]{1,24}\s){0,3}?(?:patient|client|woman|man|mother|mom|father|dad|gentleman|lady|boy|girl|guy|dude|teen|teenager|child|kid|toddler|baby|veteran|retiree|grandmother|grandfather|student|teacher|nurse|firefighter)\s(?:came|walked|rolled|presented|arrived|showed up|visited|called|told|brought)\b/gi],
  ["patient-reference", /(?<![\w-])(?:guy|dude|woman|man|lady|kid|patient)\s(?:came|walked|rolled|showed)\s(?:in|up)\b/gi],
  // "patient Nora Blevins", "client J.R.": the role word right before a name (case-sensitive: a lower-case role)
  // (not in a Title Case name: "European Patient Organizations", "Patient Portal")
  ["patient-reference", /(?:\b(?:patient|client|resident)|(?<![A-Z][\w'’-]{0,20}\s)\b(?:Patient|Client|Resident)),?\s(?=[A-Z][a-z]+\b|[A-Z]\.\s?[A-Z]\.)(?!(?:Organi[sz]ations?|Advoca\w{1,5}|Associations?|Portal|Services?|Care|Experience|Safety|Relations|Rights|Education|Support|Centers?|Centres?|Forum|Voices?|Stories|Council|Network|Group|Guide|Handbook|Information|Access|Affairs|Engagement|Satisfaction|Advisory|Panel|Partners?|Liaison|Navigat\w{1,5}|Financial|Account)\b)/g],
  // "we had a gentleman come in", "I saw a teenager walk in"
  ["patient-reference", /\b(?:we|I)\s(?:had|saw|got)\s(?:a|an|this|one|another)\s(?:[\w-]{1,24}\s){0,3}?(?:patient|client|woman|man|gentleman|lady|guy|boy|girl|kid|child|teen|teenager|mother|mom|father|dad|grandmother|grandfather|couple|family|student|veteran|retiree)\s(?:come|walk|roll|show)\s(?:in|up)\b/gi],
  // "the dialysis patient who parks in the staff lot", "the client who always brings cookies"
  ["patient-reference", /\bthe (?:[\w-]{1,24}\s){0,2}?(?:patient|client|resident) (?:who|that|with the|in the)\b(?! (?:needs?|wants?|has questions))/gi],
  // "one client I worked with", "a patient we saw"
  ["patient-reference", /\b(?:one|a|another) (?:[\w-]{1,24}\s){0,2}?(?:client|patient) (?:I|we)(?:'ve| have)? (?:been )?(?:worked|working|work|saw|seen|see|treated|treating|treat|met|helped|had)\b/gi],
  ["patient-reference", /\bone of (?:our|my) (?:[\w-]{1,24}\s){0,2}?(?:kiddos|little ones|little patients|families|regulars|alumni|graduates)\b/gi],
  // "Chair 3 tried to unhook his lines", "Bed 12 kept calling": a patient named by their place
  ["patient-reference", /\b(?:Chair|Bed|Room|Bay|Station) \d{1,3} (?:tried|was|is|kept|wanted|said|yelled|asked|refused|pulled|ripped|coded|pressed|called|threw)\b/g],
  ["patient-reference", /\b(?:one|a|another) (?:[\w-]{1,24}\s){0,2}?(?:woman|man|mother|mom|father|dad|teen|teenager|veteran|couple|gentleman|lady|girl|boy|nurse|teacher) (?:I|we) (?:treat|treated|counsel|counseled|counselled|see in (?:therapy|session|practice)|work with in (?:therapy|session))\b|\b(?:a|one) (?:woman|man|mother|father|teen|veteran) I(?:'ve| have)? (?:been )?(?:working|work) with\b(?=,)/gi],
  // "the patient in room 4", "who was in my chair this morning"
  ["patient-reference", /\bthe (?:patient|resident|client|man|woman|lady|guy|gentleman|kid|boy|girl|child|baby|teen) in (?:room|bed|bay|exam room|stall|chair|unit) \d{1,4}\b|\b(?:in|into) my (?:dental |exam )?chair\b/gi],
  // "I saw the starting goalie for the Hawks", "we treated a local firefighter"
  ["patient-reference", /\b(?:I|we) (?:recently |just |once )?(?:saw|treated|examined|operated on|fitted|evaluated|admitted|stitched up|patched up) (?:the|a|an|this|our) (?:[\w-]{1,24}\s){0,3}?(?:coach|teacher|principal|superintendent|librarian|firefighter|officer|deputy|sheriff|trooper|paramedic|pastor|priest|rabbi|imam|minister|mayor|councilman|councilwoman|judge|goalie|quarterback|pitcher|captain|player|athlete|runner|swimmer|dancer|singer|student|professor|nurse|chef|barber|mechanic|plumber|electrician|farmer|rancher|owner|manager|cashier|bartender|server|waitress|driver|pilot|soldier|marine|veteran)\b/gi],
  // ER slang for a patient who keeps coming back
  ["patient-reference", /\b(?:our|a|this|the|my) (?:regular )?frequent flyers?\b/gi],
  ["care-event", /\b(?:came|walked|rolled) in(?:to)?\b|\b(?:came|coming|been coming) to (?:us|our|the|see)\b|\bpresented (?:with|to)\b|\b(?:started|began|finished|completed) (?:[\w-]+\s)?(?:therapy|treatment|rehab|care|sessions) with us\b|\bwe helped (?:her|him|them|[A-Z][a-z]+)\b/g],
  ["care-event", /\b(?:was|were|got) (?:diagnosed|admitted|treated|rushed|brought in|referred|seen)\b/gi],
  ["care-event", /\bwe (?:treated|diagnosed|found|saw|removed|performed|discovered|admitted|delivered|fitted|placed|extracted|prescribed|referred)\b(?!\s(?:you|your|everyone|everybody|all|patients|people|many|thousands|hundreds|more|over|that|it)\b)/gi],
  ["care-event", /\b(?:underwent|had (?:surgery|a [\w-]+ (?:surgery|procedure|replacement))|is now \d{1,2} weeks|(?:she|he|they) (?:is|was|are|were) now)\b/gi],
  ["second-person-care", /\b(?:(?:your|ur) (?:[\w-]{2,20} )?(?:visit|appointment|chart|file|records?|treatment|procedure|care|stay|exam|cleaning|session|surgery|diagnosis|prescription|results|test results|bill|balance|insurance|claim|account|recovery|check|check-?up|clean-and-check|recall|refill|labs?|bloodwork|scan|x-rays?|shots?|vaccines?|therapy|rehab|consult(?:ation)?|follow-up)s?|see you (?:on )?(?:mon|tues|wednes|thurs|fri|satur|sun)day (?:at|@) \d|when you (?:came|were) in|you were (?:seen|treated|here|admitted)|during your (?:visit|stay|appointment)|as your (?:dentist|doctor|provider|therapist|physician|counsel(?:l)?or|surgeon|hygienist|nurse|pharmacist)|see you (?:[\w-]{2,12} ){0,2}?(?:at|for) your (?:next |last |first )?[\w-]+|(?:pleasure|great|wonderful|nice|lovely|fun) (?:seeing|meeting|treating|caring for|working with|having) you(?: in (?:the|my|our) (?:chair|office|clinic))?|having you in (?:the|my|our) (?:chair|office|clinic)|seeing you (?:last|this|yesterday|today|on|at)\b|(?:his|her|their) (?:next|last|first|recent|follow-up|upcoming) (?:visit|appointment|cleaning|check-?up|exam|session)|you (?:missed|cancelled|canceled|rescheduled|no-showed)|(?:your )?(?:experience|visit|time|appointment|session|care) with (?:Dr\.?|Doctor|our (?:hygienist|dentist|doctor|surgeon|therapist|nurse|provider|physician)))\b/gi],
  ["records", /\b(?:our (?:records|notes|files|system) (?:show|indicate|say)s?|our records|your (?:chart|file|records?)|we (?:checked|reviewed|looked at|pulled up|pulled) your|according to (?:our|your) (?:records|chart|file))\b/gi],
  ["general", /\b(?:patients|people|adults|children|kids|women|men|individuals|many|most|some|anyone|everyone)\s(?:often|usually|may|might|can|who|with|are|have|tend|experience|feel|find|report|should|need)\b/gi],
  ["aggregate", /\b(?:everyone|everybody|all|those|people|families|folks|patients|attendees|guests|anyone|visitors|participants) (?:who|that) (?:came|joined|attended|visited|stopped|dropped)\b/gi],
  ["general", /\b(?:a patient|someone|a person|anyone|a client)\s(?:may|might|can|could|should|who|with|would)\b|\bif you(?:'re| are| have| notice| feel| or)?\b|\bwhen you\b/gi],
  ["hypothetical", /\b(?:imagine|suppose|let's say|for example|for instance|hypothetical(?:ly)?|picture a|made-up|we'll call (?:him|her|them)|(?:let's|we'll) call (?:him|her|them|this (?:patient|client|person)))\b/gi],
  ["aggregate", /\b\d{1,3}(?:\.\d{1,2})?\s?%\s(?:of\s)?|\b(?:most|many|majority|half|all|some) of (?:our|my) (?:patients|clients)\b/gi],
  ["composite", /\b(?:composite|fictional(?:ized)?|illustrative|names? (?:and (?:other |identifying )?details )?(?:have been|has been|were|are) changed|details (?:have been|were|are) (?:changed|altered)|not a real (?:patient|person|client))\b/gi],
  ["consent-claim", /\b(?:with (?:(?:his|her|their|written|the patient's|the client's) )?(?:permission|consent))\b|\b(?:gave|given) (?:us )?(?:(?:his|her|their|written) )?(?:permission|consent)\b|\bconsented to\b/gi],
  ["staff", /\b(?:our|my) (?:[\w-]{2,20} ){0,2}?(?:physical therapists?|therapists?|hygienists?|dental hygienists?|nurses?|nurse practitioners?|physicians?|doctors?|dentists?|surgeons?|orthodontists?|psychiatrists?|psychologists?|counselou?rs?|team|staff|front desk|receptionists?|office manager|providers?|practitioners?|chiropractors?|midwi(?:fe|ves)|assistants?|coordinators?|founder|owner|clinicians?|educators?|dietitians?|nutritionists?|pharmacists?|specialists?|technicians?|navigators?|managers?|care team)\b/gi],
  ["staff", /\b(?:led by|welcome|introducing|meet our|joins? our|joined our|written by|reviewed by|by dr\.?)\b/gi],
  // gifts and sponsors: the people named are donors, not patients
  ["donor", /\b(?:donors?|donations?|gifts?|pledges?|philanthrop\w{1,6}|endow\w{1,6}|sponsor(?:s|ed|ing|ship)?|underwrit\w{1,6}|benefactors?|grateful to|thanks to the generosity|\$\d[\d,.]*\s?(?:million|thousand|k)\b)/gi],
  ["public-figure", /\b(?:champion|olympian|actor|actress|singer|rapper|musician|celebrity|athlete|senator|president|governor|congress(?:man|woman)|novelist|quarterback|comedian|talk show host|royal|prince|princess|first lady|supermodel|pop star|tennis star|has (?:spoken|talked|written) (?:openly|publicly)|(?:spoke|talked|wrote) (?:openly|publicly)|in (?:an|a recent) interview|told (?:reporters|the press)|announced publicly)\b/gi],
  ["history", /\b(?:in|during|since|of) (?:1[0-8]\d\d|19[0-6]\d)\b|\bhistorically\b|\bcentur(?:y|ies) ago\b/gi],
  ["greeting", /^(?:hi|hello|hey|dear|hiya|good (?:morning|afternoon|evening)|congrats|congratulations|happy(?: [\w-]{1,20}){0,2} birthday)\b/gi],
  ["gratitude", /\bthank(?:s| you)\b(?:[ ,]{1,2}[\w'’-]{1,20}){0,8}?[ ,]{1,2}(?:review|feedback|kind words|comments?|rating|stars|taking the time|sharing)\b/gi],
  ["privacy", /\b(?:privacy (?:laws?|rules|regulations|policy|concerns|reasons)|HIPAA|confidential(?:ity)?|patient privacy|(?:can(?:no|')?t|cannot|unable to|not able to|aren't able to|are not able to|won't) (?:discuss|comment on|share|confirm|disclose)|protect (?:your|patient|the) privacy)\b/gi],
  ["call-office", /\b(?:please )?(?:call|contact|reach|email|e-mail|text|phone|message|fax)(?: us| our (?:office|team|practice|office manager|front desk|clinic)| the office)?(?: directly)?(?: at| on|:)/gi],
  // (several small patterns rather than one alternation, so the ReDoS check can decide each exactly)
  ["guarantee", /\b(?:guarantee[sd]?|guaranteeing)(?: to)?(?: (?:cure|fix|heal|eliminate|end|remove|resolve|reverse|work|results?|success|relief|you))?\b/gi],
  ["guarantee", /\b100\s?% (?:success|cure|effective|guaranteed|results|pain[- ]free|cured)\b|\bpermanent(?:ly)? (?:results|cure|relief|fix)\b|\bpermanently (?:eliminates?|cures?|removes?|fixes|ends|reverses|stops)\b|\b(?:results|success|cure) guaranteed\b|\bmiracle (?:cure|treatment)\b/gi],
  ["guarantee", /\b(?:cures?|eliminates?)(?: [\w-]{1,20}){1,4} (?:forever|for good|permanently)\b/gi],
  ["guarantee", /\bnever (?:have|suffer|experience)(?: [\w-]{1,20}){1,3} again\b/gi],
  // a result promised to everyone: "every client keeps it off permanently", "all our patients will drop two sizes"
  ["guarantee", /\b(?:every|each|all(?: of)? (?:our|my)) (?:single )?(?:patients?|clients?|customers?|members?)(?: who [\w-]{1,20}(?: [\w-]{1,20}){0,4}?)? (?:will |are going to )?(?:keeps? (?:it|the weight|them) off|sees? (?:results|improvement|a difference)|gets? (?:results|rid of)|loses?|drops?|achieves?|leaves? (?:pain-free|healed|cured)|walks? out (?:pain-free|healed|cured)|is cured|are cured)\b/gi],
  ["guarantee", /\b(?:will|you'll|guaranteed to|proven to) (?:lose|drop|shed|melt|burn) (?:up to |at least )?(?:\d{1,3}|one|two|three|four|five|six|ten|twenty|thirty) (?:full )?(?:pounds|lbs|dress sizes|sizes|inches|kilos|kg)\b/gi],
  ["guarantee", /\b(?:proven|clinically proven|guaranteed) to (?:prevent|cure|stop|eliminate|reverse|heal|end|fix)\b/gi],
  ["guarantee", /\bkeeps? (?:it|the weight|them) off (?:permanently|forever|for good|for life)\b/gi],
  ["guarantee", /\b(?:success|cure|satisfaction|recovery) rate (?:is |of |at )?(?:100|99(?:\.\d)?)\s?%|\b(?:100|99)\s?% (?:success|cure|recovery) rate\b/gi],
  ["hedge", /\b(?:no|nobody|no one|no (?:doctor|surgeon|provider|clinic|practice|dentist|therapist|treatment|program)) (?:[\w-]{1,20} ){0,2}?(?:can|could|will|should|would) (?:[\w-]{1,20} )?(?:promise|guarantee)/gi],
  ["hedge", /\b(?:not|never|haven't|hasn't|isn't|aren't|wasn't|no) (?:been |yet )?(?:clinically |scientifically )?proven\b/gi],
  ["hedge", /\b(?:results (?:may |can |will )?vary|individual results|not guaranteed|no guarantees?|(?:can(?:no|')?t|cannot|don't|do not|won't|never) (?:promise|guarantee)|may not work|typical results|no treatment is guaranteed)\b/gi],
  // details that single a patient out to the people around them: a unique role ("the only", "the
  // youngest"), a hint that readers know them, what they do in town ("he runs the bait shop")
  ["identifying-detail", /\bthe (?:only|first|youngest|oldest)\b(?! (?:time|step|thing|sign|few|one|way|days?|weeks?|months?|years?|visit|appointment|session|consultation|exam|call|meeting|place|question|part|half|round|stage|phase)\b)[^.!?,;:—–()]{0,40}|\byou (?:might|may|probably|all|likely) (?:know|recogni[sz]e|have (?:met|seen)) (?:him|her|them)\b|\b(?:he|she|who) (?:runs|owns|manages|coaches|teaches at|works at|works the) (?:the|a|an|that) [^.!?,;:—–()]{1,40}/gi],
  // "the 17-year-old who made the championship save": a person pointed out by what they did
  ["identifying-detail", /\bthe \d{1,2}-year-old (?:[\w-]{1,20} ){0,2}?who [^.!?,;:—–()]{1,40}/gi],
  // a role in a named place ("a firefighter at Station 12"), or one a town has one of ("the high school principal")
  ["identifying-detail", /\b(?:[\w-]{2,20} ){0,2}?(?:coach|teacher|principal|superintendent|librarian|firefighter|officer|deputy|sheriff|trooper|paramedic|pastor|priest|rabbi|imam|minister|mayor|councilman|councilwoman|judge|goalie|quarterback|pitcher|captain|player|athlete|runner|swimmer|dancer|singer|student|professor|nurse|chef|barber|mechanic|plumber|electrician|farmer|rancher|owner|manager|cashier|bartender|server|waitress|driver|pilot|soldier|marine|veteran)s? (?:at|for|of|with) (?:the )?[A-Z][\w'’]*(?: (?:[A-Z][\w'’]*|\d{1,4}))*|\bthe (?:longtime |local |new |former |retired |beloved |starting |head |assistant )?(?:high school |middle school |elementary school |town |city |county |village |church |varsity )?(?:principal|mayor|pastor|priest|rabbi|sheriff|fire chief|police chief|librarian|superintendent|goalie|quarterback|coach)\b/g],
  ["past-event", /\b(?:last (?:week|month|night|year|summer|winter|spring|fall|weekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday|shift)|yesterday|tonight|this (?:morning|afternoon|week)|earlier (?:today|this week)|(?:a|two|three|few|several) (?:days|weeks|months) ago|recently)\b/gi],
];

/** Words one of which a cue's text must contain; a paragraph without any skips the cue's patterns. */
const NEEDS: Partial<Record<ContextCueKind, RegExp>> = {
  "patient-reference": /patient|client|resident|member|came|walked|rolled|presented|arrived|showed|visited|called|told|brought|treated|saw|worked|met|cared|helped|evaluated|examined|admitted|operated|fitted|stitched|patched|chair|room|DOB|birth|come|walk|work|counsel|frequent|:/i,
  "care-event": /came|walked|rolled|presented|diagnosed|admitted|treated|rushed|brought|referred|seen|we |underwent|had |now|started|began|finished|completed/i,
  "second-person-care": /your|ur |you|his |her |their /i,
  records: /record|notes|files|system|chart|file|checked|reviewed|looked|pulled/i,
  aggregate: /%|of our|of my|who|that/i,
  composite: /composite|fiction|illustrat|changed|altered|real/i,
  "consent-claim": /permission|consent/i,
  donor: /donor|donation|gift|pledge|philanthrop|endow|sponsor|underwrit|benefactor|grateful|generosity|\$/i,
  "public-figure": /champion|olymp|actor|actress|singer|rapper|musician|celebrit|athlete|senator|president|governor|congress|novelist|quarterback|comedian|host|royal|prince|lady|model|star|openly|publicly|interview|reporters|press/i,
  history: /\b1[0-9]\d\d\b|historically|centur/i,
  gratitude: /thank/i,
  privacy: /privacy|HIPAA|confidential|discuss|comment|share|confirm|disclose/i,
  "call-office": /call|contact|reach|email|e-mail|text|phone|message|fax/i,
  guarantee: /guarantee|proven|100|99|permanent|cure|eliminat|never|miracle|success|every|each|all|lose|drop|shed|melt|burn|keep/i,
  hedge: /vary|individual|guarantee|promise|may not|typical|proven/i,
  "past-event": /last|yesterday|tonight|this|earlier|ago|recently/i,
  "identifying-detail": /only|first|youngest|oldest|year-old|know|recogni|met|seen|runs|owns|manages|coach|teach|works|at |for |of |with |principal|mayor|pastor|priest|rabbi|sheriff|chief|librarian|superintendent|goalie|quarterback/i,
};

/** Cues of one text, in prose offsets. */
export function findCues(text: string): ContextCue[] {
  const out: ContextCue[] = [];
  const possible = new Map<ContextCueKind, boolean>();
  for (const [kind, re] of CUES) {
    const need = NEEDS[kind];
    if (need) {
      let v = possible.get(kind);
      if (v === undefined) possible.set(kind, (v = need.test(text)));
      if (!v) continue;
    }
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) {
      const start = m.index ?? 0;
      out.push({ kind, start, end: start + m[0].trimEnd().length });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
