// The context cues as data: one named entry per pattern, with what it catches and example sentences that
// it must and must not match (server/test/analysis/cue-data.test.ts runs every example). The order of the
// entries is the order in which findCues runs them. Every pattern is linear-time: bounded repetitions, no
// nested quantifiers (server/test/redos checks each one).
import { either, rx, someWords, words } from "./pattern-kit";
import type { ContextCueKind } from "./types";

const r = String.raw;

/** One cue pattern with its documentation and examples. */
export interface CueEntry {
  /** A short unique name. */
  name: string;
  kind: ContextCueKind;
  /** One line: what the pattern catches. */
  about: string;
  pattern: RegExp;
  /** Sentences the pattern must match somewhere. */
  matches: string[];
  /** Sentences the pattern must not match anywhere. */
  rejects: string[];
}

// ---- shared word lists -------------------------------------------------------------------------------

/** People a clinician tells a story about ("a woman came in"). */
const STORY_PEOPLE = ["patient", "client", "woman", "man", "mother", "mom", "father", "dad", "gentleman", "lady", "boy", "girl", "guy", "dude", "teen", "teenager", "child", "kid", "toddler", "baby", "veteran", "retiree", "grandmother", "grandfather", "student", "teacher", "nurse", "firefighter"];

/** Roles a town knows the holder of (the coach, the mayor, the owner of the bait shop). */
const LOCAL_ROLES = ["coach", "teacher", "principal", "superintendent", "librarian", "firefighter", "officer", "deputy", "sheriff", "trooper", "paramedic", "pastor", "priest", "rabbi", "imam", "minister", "mayor", "councilman", "councilwoman", "judge", "goalie", "quarterback", "pitcher", "captain", "player", "athlete", "runner", "swimmer", "dancer", "singer", "student", "professor", "nurse", "chef", "barber", "mechanic", "plumber", "electrician", "farmer", "rancher", "owner", "manager", "cashier", "bartender", "server", "waitress", "driver", "pilot", "soldier", "marine", "veteran"];

/** Words after "patient" that make it a service or a department, not a person ("patient portal"). */
const PATIENT_SERVICES = ["experience", "coordinators?", "care", "advocates?", "portal", "services", "relations", "liaisons?", "navigators?", r`educat\w{1,6}`, "safety", "satisfaction", "intake", "line", "rooms?", "lounge", "forms?", "surveys?", "reviews?", "stories", "testimonials?", "privacy", "records", "information", "feedback", "communications?", "support", "access", "financial", "accounts?", "billing", "handbook", "guide", "resources?", "centers?", "centres?", "ambassadors?", "families", "volunteers?", "base", "population", "community", "success", "outcomes", "portal"];

/** Title Case words after "Patient" that make a name of an organisation or a page ("Patient Portal"). */
const PATIENT_TITLE_WORDS = ["Organi[sz]ations?", r`Advoca\w{1,5}`, "Associations?", "Portal", "Services?", "Care", "Experience", "Safety", "Relations", "Rights", "Education", "Support", "Centers?", "Centres?", "Forum", "Voices?", "Stories", "Council", "Network", "Group", "Guide", "Handbook", "Information", "Access", "Affairs", "Engagement", "Satisfaction", "Advisory", "Panel", "Partners?", "Liaison", r`Navigat\w{1,5}`, "Financial", "Account"];

/** Clinic staff roles after "our"/"my" ("our hygienist"). */
const STAFF_ROLES = ["physical therapists?", "therapists?", "hygienists?", "dental hygienists?", "nurses?", "nurse practitioners?", "physicians?", "doctors?", "dentists?", "surgeons?", "orthodontists?", "psychiatrists?", "psychologists?", "counselou?rs?", "team", "staff", "front desk", "receptionists?", "office manager", "providers?", "practitioners?", "chiropractors?", "midwi(?:fe|ves)", "assistants?", "coordinators?", "founder", "owner", "clinicians?", "educators?", "dietitians?", "nutritionists?", "pharmacists?", "specialists?", "technicians?", "navigators?", "managers?", "care team"];

/** Things of the reader's own care ("your appointment", "your x-rays"). */
const YOUR_CARE = ["visit", "appointment", "chart", "file", "records?", "treatment", "procedure", "care", "stay", "exam", "cleaning", "session", "surgery", "diagnosis", "prescription", "results", "test results", "bill", "balance", "insurance", "claim", "account", "recovery", "check", "check-?up", "clean-and-check", "recall", "refill", "labs?", "bloodwork", "scan", "x-rays?", "shots?", "vaccines?", "therapy", "rehab", "consult(?:ation)?", "follow-up"];

/** Clinicians a practice calls itself to the reader ("as your dentist"). */
const YOUR_CLINICIAN = ["dentist", "doctor", "provider", "therapist", "physician", "counsel(?:l)?or", "surgeon", "hygienist", "nurse", "pharmacist"];

/** People famous for their work, whose health is public. */
const PUBLIC_ROLES = ["champion", "olympian", "actor", "actress", "singer", "rapper", "musician", "celebrity", "athlete", "senator", "president", "governor", "congress(?:man|woman)", "novelist", "quarterback", "comedian", "talk show host", "royal", "prince", "princess", "first lady", "supermodel", "pop star", "tennis star"];

/** Ordinal places that are not unique roles ("the first visit", "the only way"). */
const NOT_UNIQUE_AFTER = ["time", "step", "thing", "sign", "few", "one", "way", "days?", "weeks?", "months?", "years?", "visit", "appointment", "session", "consultation", "exam", "call", "meeting", "place", "question", "part", "half", "round", "stage", "phase"];

/** Up to 40 characters of a clause (none of them punctuation). */
const CLAUSE_UP_TO_40 = "[^.!?,;:—–()]{0,40}";
/** One to 40 characters of a clause (none of them punctuation). */
const CLAUSE_1_TO_40 = "[^.!?,;:—–()]{1,40}";

// ---- the cues ---------------------------------------------------------------------------------------

export const CUE_ENTRIES: CueEntry[] = [
  {
    name: "possessive-patient",
    kind: "patient-reference",
    about: "a specific patient of the writer's ('our patient', 'this young client'), not a service ('patient portal')",
    pattern: rx("gi", /\b(?:our|my|this|that)\s/, "(?:(?!", words(["was", "is", "are", "were", "be", "been", "a", "an", "someone", "somebody", "anyone", "everyone"]), r`\s)[\w-]{1,24}\s){0,3}?`, words(["patient", "client", "resident", "clinic member"]), r`\b(?!s|['’]s\s(?:rights|bill)|\s`, words(PATIENT_SERVICES), r`\b)`),
    matches: ["Our patient was nervous about the cleaning.", "This young client asked great questions."],
    rejects: ["Log in to our patient portal.", "Our patients love the new lounge.", "This is a patient's right."],
  },
  {
    name: "one-of-our-patients",
    kind: "patient-reference",
    about: "one of the writer's patients, clients or residents",
    pattern: /\bone of (?:our|my) (?:[\w-]{1,24}\s){0,2}?(?:patients|clients|residents)\b/gi,
    matches: ["One of our long-time patients sent a card."],
    rejects: ["One of the patients in the study improved."],
  },
  {
    name: "patient-of-ours",
    kind: "patient-reference",
    about: "'a client of mine', 'a patient of ours'",
    pattern: /\ba (?:client|patient) of (?:mine|ours)\b/gi,
    matches: ["A patient of ours ran the marathon."],
    rejects: ["A patient of any age is welcome."],
  },
  {
    name: "i-treated-a-person",
    kind: "patient-reference",
    about: "the writer treated or saw a particular person ('I recently treated a young runner')",
    pattern: rx("gi", /\b(?:I|we) (?:recently |once |just |first )?/, words(["treated", "saw", "worked with", "met", "cared for", "helped", "evaluated", "examined", "admitted", "operated on"]), " (?:a|an|one|this) ", someWords(3), words(["patient", "client", "woman", "man", "boy", "girl", "child", "kid", "teen", "teenager", "toddler", "baby", "mother", "mom", "father", "dad", "veteran", "gentleman", "lady", "athlete", "runner", "student", "retiree", "grandmother", "grandfather"]), r`\b`),
    matches: ["I recently treated a young runner with shin splints."],
    rejects: ["We treat runners of every level."],
  },
  {
    name: "patient-field",
    kind: "patient-reference",
    about: "a 'Patient:' or 'Client name:' field at the start of a line, or a date of birth",
    pattern: /(?:^|\n)[ \t]*(?:patient|client|resident)(?: name)?[ \t]?:|\b(?:DOB|D\.O\.B\.|date of birth)\b/gi,
    matches: ["Patient name: J. Doe", "Please bring your date of birth."],
    rejects: ["Every patient is welcome here."],
  },
  {
    name: "had-a-patient-today",
    kind: "patient-reference",
    about: "a clinician's story of a patient seen at a particular time ('had a patient today who')",
    pattern: rx("gi", /\b(?:had|saw|treated|met|admitted|got) (?:a|this|one|another) /, someWords(2), r`(?:patient|client)\s`, words(["today", "tonight", "yesterday", "this (?:week|morning|afternoon)", "last (?:week|night|month)", "who", "that", "with"]), r`\b`),
    matches: ["We had a patient today who forgot her glasses."],
    rejects: ["A patient today can book online."],
  },
  {
    name: "a-person-came-in",
    kind: "patient-reference",
    about: "a person who came, walked in or called ('a woman came in with')",
    pattern: rx("gi", r`\b(?:a|one|this|some)\s`, someWords(3), words(STORY_PEOPLE), r`\s`, words(["came", "walked", "rolled", "presented", "arrived", "showed up", "visited", "called", "told", "brought"]), r`\b`),
    matches: ["A young mother came in with her toddler."],
    rejects: ["Mothers often come in with questions."],
  },
  {
    name: "guy-walked-in",
    kind: "patient-reference",
    about: "slang for a person arriving ('guy walks in', 'patient showed up')",
    pattern: /(?<![\w-])(?:guy|dude|woman|man|lady|kid|patient)\s(?:came|walked|rolled|showed)\s(?:in|up)\b/gi,
    matches: ["So this guy walked in holding his jaw."],
    rejects: ["Walk-ins are welcome."],
  },
  {
    name: "role-before-name",
    kind: "patient-reference",
    about: "the role word right before a name ('patient Nora Blevins', 'client J.R.'), not in a Title Case name ('Patient Portal')",
    // case-sensitive: a lower-case role anywhere, a capitalised one only when no capitalised word precedes it
    pattern: rx("g", r`(?:\b(?:patient|client|resident)|(?<![A-Z][\w'’-]{0,20}\s)\b(?:Patient|Client|Resident)),?\s(?=[A-Z][a-z]+\b|[A-Z]\.\s?[A-Z]\.)(?!`, words(PATIENT_TITLE_WORDS), r`\b)`),
    matches: ["We thank patient Nora Example for her kind note.", "Client J.R. joined the group."],
    rejects: ["Visit the Patient Portal today.", "The European Patient Forum met."],
  },
  {
    name: "we-had-someone-come-in",
    kind: "patient-reference",
    about: "'we had a gentleman come in', 'I saw a teenager walk in'",
    pattern: rx("gi", r`\b(?:we|I)\s(?:had|saw|got)\s(?:a|an|this|one|another)\s`, someWords(3), words(["patient", "client", "woman", "man", "gentleman", "lady", "guy", "boy", "girl", "kid", "child", "teen", "teenager", "mother", "mom", "father", "dad", "grandmother", "grandfather", "couple", "family", "student", "veteran", "retiree"]), r`\s(?:come|walk|roll|show)\s(?:in|up)\b`),
    matches: ["Last week we had a gentleman come in with a cracked tooth."],
    rejects: ["We had a great week at the clinic."],
  },
  {
    name: "the-patient-who",
    kind: "patient-reference",
    about: "a particular patient pointed out ('the dialysis patient who parks in the staff lot')",
    pattern: rx("gi", r`\bthe `, someWords(2), /(?:patient|client|resident) (?:who|that|with the|in the)\b/, /(?! (?:needs?|wants?|has questions))/),
    matches: ["The dialysis patient who parks in the staff lot brought cookies."],
    rejects: ["The patient who needs a ride can call us."],
  },
  {
    name: "a-client-i-worked-with",
    kind: "patient-reference",
    about: "'one client I worked with', 'a patient we saw'",
    pattern: rx("gi", r`\b(?:one|a|another) `, someWords(2), r`(?:client|patient) (?:I|we)(?:'ve| have)? (?:been )?`, words(["worked", "working", "work", "saw", "seen", "see", "treated", "treating", "treat", "met", "helped", "had"]), r`\b`),
    matches: ["One client I worked with had trouble sleeping."],
    rejects: ["A client can book a session online."],
  },
  {
    name: "one-of-our-kiddos",
    kind: "patient-reference",
    about: "one of the practice's kiddos, families or regulars",
    // (runs only when the paragraph also has a word of the patient-reference prefilter: "kiddos" is not one)
    pattern: rx("gi", r`\bone of (?:our|my) `, someWords(2), words(["kiddos", "little ones", "little patients", "families", "regulars", "alumni", "graduates"]), r`\b`),
    matches: ["One of our kiddos visited with a loose tooth."],
    rejects: ["Our families can park in the back."],
  },
  {
    name: "chair-number",
    kind: "patient-reference",
    about: "a patient named by their place ('Chair 3 tried to unhook his lines', 'Bed 12 kept calling')",
    // (runs only when the paragraph also has a word of the patient-reference prefilter: "Bed" and "Bay" are not)
    pattern: rx("g", r`\b(?:Chair|Bed|Room|Bay|Station) \d{1,3} `, words(["tried", "was", "is", "kept", "wanted", "said", "yelled", "asked", "refused", "pulled", "ripped", "coded", "pressed", "called", "threw"]), r`\b`),
    matches: ["Bed 12 kept asking for the nurse, then called again."],
    rejects: ["Room 4 has a new chair."],
  },
  {
    name: "a-woman-i-treat",
    kind: "patient-reference",
    about: "'one woman I treat', 'a veteran we counsel', 'a man I've been working with,'",
    pattern: rx("gi", either(rx("", r`\b(?:one|a|another) `, someWords(2), words(["woman", "man", "mother", "mom", "father", "dad", "teen", "teenager", "veteran", "couple", "gentleman", "lady", "girl", "boy", "nurse", "teacher"]), " (?:I|we) ", words(["treat", "treated", "counsel", "counseled", "counselled", "see in (?:therapy|session|practice)", "work with in (?:therapy|session)"]), r`\b`), /\b(?:a|one) (?:woman|man|mother|father|teen|veteran) I(?:'ve| have)? (?:been )?(?:working|work) with\b(?=,)/)),
    matches: ["One woman I treat walks every morning.", "A man I've been working with, a carpenter, told me this."],
    rejects: ["A woman can treat this at home."],
  },
  {
    name: "patient-in-room",
    kind: "patient-reference",
    about: "'the patient in room 4', 'who was in my chair this morning'",
    pattern: rx("gi", either(rx("", r`\bthe `, words(["patient", "resident", "client", "man", "woman", "lady", "guy", "gentleman", "kid", "boy", "girl", "child", "baby", "teen"]), " in ", words(["room", "bed", "bay", "exam room", "stall", "chair", "unit"]), r` \d{1,4}\b`), /\b(?:in|into) my (?:dental |exam )?chair\b/)),
    matches: ["The patient in room 4 needs water.", "Who was in my chair this morning?"],
    rejects: ["Each room has a chair."],
  },
  {
    name: "i-treated-the-coach",
    kind: "patient-reference",
    about: "the writer treated someone known by their role ('I saw the starting goalie for the Hawks')",
    pattern: rx("gi", /\b(?:I|we) (?:recently |just |once )?/, words(["saw", "treated", "examined", "operated on", "fitted", "evaluated", "admitted", "stitched up", "patched up"]), " (?:the|a|an|this|our) ", someWords(3), words(LOCAL_ROLES), r`\b`),
    matches: ["I saw the starting goalie for the Hawks on Monday."],
    rejects: ["Coaches often ask about mouthguards."],
  },
  {
    name: "frequent-flyer",
    kind: "patient-reference",
    about: "ER slang for a patient who keeps coming back",
    pattern: /\b(?:our|a|this|the|my) (?:regular )?frequent flyers?\b/gi,
    matches: ["Our regular frequent flyer was back tonight."],
    rejects: ["Frequent flyer miles are not accepted."],
  },
  {
    name: "came-in",
    kind: "care-event",
    about: "someone came in, presented with something, or started care with the practice",
    pattern: rx("g", either(/\b(?:came|walked|rolled) in(?:to)?\b/, /\b(?:came|coming|been coming) to (?:us|our|the|see)\b/, /\bpresented (?:with|to)\b/, /\b(?:started|began|finished|completed) (?:[\w-]+\s)?(?:therapy|treatment|rehab|care|sessions) with us\b/, /\bwe helped (?:her|him|them|[A-Z][a-z]+)\b/)),
    matches: ["She came in with a swollen cheek.", "He finished physical therapy with us in May."],
    rejects: ["Come in any time for a consultation."],
  },
  {
    name: "was-diagnosed",
    kind: "care-event",
    about: "someone was diagnosed, admitted, treated or referred",
    pattern: /\b(?:was|were|got) (?:diagnosed|admitted|treated|rushed|brought in|referred|seen)\b/gi,
    matches: ["He was diagnosed in March."],
    rejects: ["Many people are diagnosed late."],
  },
  {
    name: "we-treated",
    kind: "care-event",
    about: "the practice treated, found or removed something, not for everyone ('we treated you all')",
    pattern: rx("gi", r`\bwe `, words(["treated", "diagnosed", "found", "saw", "removed", "performed", "discovered", "admitted", "delivered", "fitted", "placed", "extracted", "prescribed", "referred"]), r`\b(?!\s`, words(["you", "your", "everyone", "everybody", "all", "patients", "people", "many", "thousands", "hundreds", "more", "over", "that", "it"]), r`\b)`),
    matches: ["We removed two wisdom teeth."],
    rejects: ["We treated thousands of families last year."],
  },
  {
    name: "underwent",
    kind: "care-event",
    about: "someone underwent or had surgery, or is now some weeks into recovery",
    pattern: rx("gi", r`\b`, words(["underwent", r`had (?:surgery|a [\w-]+ (?:surgery|procedure|replacement))`, r`is now \d{1,2} weeks`, "(?:she|he|they) (?:is|was|are|were) now"]), r`\b`),
    matches: ["She had a knee replacement in June.", "He is now 6 weeks out."],
    rejects: ["Surgery is rarely needed."],
  },
  {
    name: "your-care",
    kind: "second-person-care",
    about: "the reader's own visit, records or care ('your x-rays', 'when you came in', 'as your dentist')",
    pattern: rx(
      "gi",
      r`\b(?:`,
      either(
        rx("", r`(?:your|ur) (?:[\w-]{2,20} )?`, words(YOUR_CARE), "s?"),
        r`see you (?:on )?(?:mon|tues|wednes|thurs|fri|satur|sun)day (?:at|@) \d`,
        "when you (?:came|were) in",
        "you were (?:seen|treated|here|admitted)",
        "during your (?:visit|stay|appointment)",
        rx("", "as your ", words(YOUR_CLINICIAN)),
        r`see you (?:[\w-]{2,12} ){0,2}?(?:at|for) your (?:next |last |first )?[\w-]+`,
        rx("", words(["pleasure", "great", "wonderful", "nice", "lovely", "fun"]), " ", words(["seeing", "meeting", "treating", "caring for", "working with", "having"]), " you(?: in (?:the|my|our) (?:chair|office|clinic))?"),
        "having you in (?:the|my|our) (?:chair|office|clinic)",
        r`seeing you (?:last|this|yesterday|today|on|at)\b`,
        "(?:his|her|their) (?:next|last|first|recent|follow-up|upcoming) (?:visit|appointment|cleaning|check-?up|exam|session)",
        "you (?:missed|cancelled|canceled|rescheduled|no-showed)",
        r`(?:your )?(?:experience|visit|time|appointment|session|care) with (?:Dr\.?|Doctor|our (?:hygienist|dentist|doctor|surgeon|therapist|nurse|provider|physician))`,
      ),
      r`)\b`,
    ),
    matches: ["Your x-rays look great.", "It was a pleasure seeing you in the chair!", "We look forward to your next cleaning."],
    rejects: ["Brushing twice a day keeps gums healthy."],
  },
  {
    name: "records",
    kind: "records",
    about: "the practice's records or the reader's chart ('our records show', 'we pulled up your')",
    pattern: rx("gi", r`\b`, words(["our (?:records|notes|files|system) (?:show|indicate|say)s?", "our records", "your (?:chart|file|records?)", "we (?:checked|reviewed|looked at|pulled up|pulled) your", "according to (?:our|your) (?:records|chart|file)"]), r`\b`),
    matches: ["Our records show a visit in May."],
    rejects: ["Keep a record of your symptoms."],
  },
  {
    name: "people-often",
    kind: "general",
    about: "people in general ('patients often', 'most adults may')",
    pattern: rx("gi", r`\b`, words(["patients", "people", "adults", "children", "kids", "women", "men", "individuals", "many", "most", "some", "anyone", "everyone"]), r`\s`, words(["often", "usually", "may", "might", "can", "who", "with", "are", "have", "tend", "experience", "feel", "find", "report", "should", "need"]), r`\b`),
    matches: ["Patients often feel nervous before surgery."],
    rejects: ["Our patient felt nervous."],
  },
  {
    name: "everyone-who-came",
    kind: "aggregate",
    about: "everyone who came to an event ('thanks to all who attended')",
    pattern: rx("gi", r`\b`, words(["everyone", "everybody", "all", "those", "people", "families", "folks", "patients", "attendees", "guests", "anyone", "visitors", "participants"]), " (?:who|that) ", words(["came", "joined", "attended", "visited", "stopped", "dropped"]), r`\b`),
    matches: ["Thanks to everyone who came to the health fair!"],
    rejects: ["She came to the health fair."],
  },
  {
    name: "someone-may",
    kind: "general",
    about: "a hypothetical person ('a patient may', 'if you notice', 'when you')",
    pattern: rx("gi", either(/\b(?:a patient|someone|a person|anyone|a client)\s(?:may|might|can|could|should|who|with|would)\b/, /\bif you(?:'re| are| have| notice| feel| or)?\b/, /\bwhen you\b/)),
    matches: ["If you notice bleeding, call us.", "Someone with diabetes should see a dentist often."],
    rejects: ["She noticed bleeding."],
  },
  {
    name: "hypothetical",
    kind: "hypothetical",
    about: "an imagined example ('imagine', 'for example', 'we'll call her')",
    pattern: rx("gi", r`\b`, words(["imagine", "suppose", "let's say", "for example", "for instance", "hypothetical(?:ly)?", "picture a", "made-up", "we'll call (?:him|her|them)", "(?:let's|we'll) call (?:him|her|them|this (?:patient|client|person))"]), r`\b`),
    matches: ["Imagine a runner with a sore heel.", "Let's call this patient Sam."],
    rejects: ["A runner with a sore heel came in."],
  },
  {
    name: "percent-of-patients",
    kind: "aggregate",
    about: "a share of patients ('40% of', 'most of our patients')",
    pattern: /\b\d{1,3}(?:\.\d{1,2})?\s?%\s(?:of\s)?|\b(?:most|many|majority|half|all|some) of (?:our|my) (?:patients|clients)\b/gi,
    matches: ["About 40% of adults have gum disease.", "Most of our patients choose clear aligners."],
    rejects: ["One of our patients chose clear aligners."],
  },
  {
    name: "composite",
    kind: "composite",
    about: "a story said to be composite, fictional or with names changed",
    pattern: rx("gi", r`\b`, words(["composite", "fictional(?:ized)?", "illustrative", "names? (?:and (?:other |identifying )?details )?(?:have been|has been|were|are) changed", "details (?:have been|were|are) (?:changed|altered)", "not a real (?:patient|person|client)"]), r`\b`),
    matches: ["Names and identifying details have been changed.", "This is a composite case."],
    rejects: ["Her name is on the chart."],
  },
  {
    name: "consent-claim",
    kind: "consent-claim",
    about: "a claim that the person gave permission or consent",
    pattern: rx("gi", either(/\b(?:with (?:(?:his|her|their|written|the patient's|the client's) )?(?:permission|consent))\b/, /\b(?:gave|given) (?:us )?(?:(?:his|her|their|written) )?(?:permission|consent)\b/, /\bconsented to\b/)),
    matches: ["Shared with her permission.", "He gave us written consent to tell his story."],
    rejects: ["Ask before you share a photo."],
  },
  {
    name: "our-staff",
    kind: "staff",
    about: "a member of the practice's staff ('our hygienist', 'my front desk')",
    pattern: rx("gi", r`\b(?:our|my) (?:[\w-]{2,20} ){0,2}?`, words(STAFF_ROLES), r`\b`),
    matches: ["Our lead hygienist Maria has been here ten years."],
    rejects: ["Ask a hygienist about sealants."],
  },
  {
    name: "staff-intro",
    kind: "staff",
    about: "an introduction or byline ('meet our', 'written by', 'by Dr.')",
    pattern: /\b(?:led by|welcome|introducing|meet our|joins? our|joined our|written by|reviewed by|by dr\.?)\b/gi,
    matches: ["Meet our new associate dentist.", "Reviewed by Dr. Example."],
    rejects: ["The clinic opens at nine."],
  },
  {
    name: "donor",
    kind: "donor",
    about: "gifts and sponsors: the people named are donors, not patients",
    pattern: rx("gi", r`\b`, words(["donors?", "donations?", "gifts?", "pledges?", r`philanthrop\w{1,6}`, r`endow\w{1,6}`, "sponsor(?:s|ed|ing|ship)?", r`underwrit\w{1,6}`, "benefactors?", "grateful to", "thanks to the generosity", r`\$\d[\d,.]*\s?(?:million|thousand|k)\b`])),
    matches: ["The new wing was funded by a $2 million gift.", "Thank you to our sponsors."],
    rejects: ["The new wing opens in May."],
  },
  {
    name: "public-figure",
    kind: "public-figure",
    about: "a public figure, or health spoken of publicly ('the actor', 'spoke openly', 'in an interview')",
    pattern: rx("gi", r`\b`, words([...PUBLIC_ROLES, "has (?:spoken|talked|written) (?:openly|publicly)", "(?:spoke|talked|wrote) (?:openly|publicly)", "in (?:an|a recent) interview", "told (?:reporters|the press)", "announced publicly"]), r`\b`),
    matches: ["The actor spoke openly about his recovery."],
    rejects: ["Our patient recovered well."],
  },
  {
    name: "history",
    kind: "history",
    about: "events before 1970 or centuries ago",
    pattern: /\b(?:in|during|since|of) (?:1[0-8]\d\d|19[0-6]\d)\b|\bhistorically\b|\bcentur(?:y|ies) ago\b/gi,
    matches: ["In 1928 penicillin was discovered."],
    rejects: ["In 2024 we opened a second office."],
  },
  {
    name: "greeting",
    kind: "greeting",
    about: "a greeting at the very start of the text",
    pattern: rx("gi", "^", words(["hi", "hello", "hey", "dear", "hiya", "good (?:morning|afternoon|evening)", "congrats", "congratulations", r`happy(?: [\w-]{1,20}){0,2} birthday`]), r`\b`),
    matches: ["Hi Sam, thanks for the note."],
    rejects: ["Thanks for the note, hi to all."],
  },
  {
    name: "gratitude",
    kind: "gratitude",
    about: "thanks for a review or feedback",
    pattern: rx("gi", /\bthank(?:s| you)\b(?:[ ,]{1,2}[\w'’-]{1,20}){0,8}?[ ,]{1,2}/, words(["review", "feedback", "kind words", "comments?", "rating", "stars", "taking the time", "sharing"]), r`\b`),
    matches: ["Thank you so much for the kind words!"],
    rejects: ["Thank you for choosing us."],
  },
  {
    name: "privacy",
    kind: "privacy",
    about: "a mention of privacy rules, or the practice saying it cannot discuss a case",
    pattern: rx("gi", r`\b`, words(["privacy (?:laws?|rules|regulations|policy|concerns|reasons)", "HIPAA", "confidential(?:ity)?", "patient privacy", "(?:can(?:no|')?t|cannot|unable to|not able to|aren't able to|are not able to|won't) (?:discuss|comment on|share|confirm|disclose)", "protect (?:your|patient|the) privacy"]), r`\b`),
    matches: ["Because of privacy laws we cannot discuss any visit."],
    rejects: ["We discussed the options at length."],
  },
  {
    name: "call-office",
    kind: "call-office",
    about: "an invitation to call or write to the office ('please call us at')",
    pattern: rx("gi", r`\b(?:please )?`, words(["call", "contact", "reach", "email", "e-mail", "text", "phone", "message", "fax"]), "(?: us| our ", words(["office", "team", "practice", "office manager", "front desk", "clinic"]), "| the office)?(?: directly)?(?: at| on|:)"),
    matches: ["Please call our office at 555-0100."],
    rejects: ["We called her back."],
  },
  // (several small guarantee patterns rather than one alternation, so the ReDoS check can decide each exactly)
  {
    name: "guarantee-verb",
    kind: "guarantee",
    about: "a guarantee ('guaranteed to cure', 'we guarantee results')",
    pattern: rx("gi", r`\b(?:guarantee[sd]?|guaranteeing)(?: to)?(?: `, words(["cure", "fix", "heal", "eliminate", "end", "remove", "resolve", "reverse", "work", "results?", "success", "relief", "you"]), r`)?\b`),
    matches: ["We guarantee results."],
    rejects: ["Results vary from person to person."],
  },
  {
    name: "guarantee-absolute",
    kind: "guarantee",
    about: "an absolute claim ('100% success', 'permanent cure', 'miracle treatment')",
    pattern: rx("gi", either(r`\b100\s?% (?:success|cure|effective|guaranteed|results|pain[- ]free|cured)\b`, /\bpermanent(?:ly)? (?:results|cure|relief|fix)\b/, /\bpermanently (?:eliminates?|cures?|removes?|fixes|ends|reverses|stops)\b/, /\b(?:results|success|cure) guaranteed\b/, /\bmiracle (?:cure|treatment)\b/)),
    matches: ["A miracle cure for back pain.", "Permanent results in one visit."],
    rejects: ["Most people feel relief within a week."],
  },
  {
    name: "cures-forever",
    kind: "guarantee",
    about: "something cured or eliminated forever",
    pattern: /\b(?:cures?|eliminates?)(?: [\w-]{1,20}){1,4} (?:forever|for good|permanently)\b/gi,
    matches: ["This laser eliminates toenail fungus for good."],
    rejects: ["Fungus can come back."],
  },
  {
    name: "never-again",
    kind: "guarantee",
    about: "'never have back pain again'",
    pattern: /\bnever (?:have|suffer|experience)(?: [\w-]{1,20}){1,3} again\b/gi,
    matches: ["You will never have back pain again."],
    rejects: ["Back pain may come again."],
  },
  {
    name: "every-client-result",
    kind: "guarantee",
    about: "a result promised to everyone ('every client keeps it off', 'all our patients will drop two sizes')",
    pattern: rx("gi", r`\b(?:every|each|all(?: of)? (?:our|my)) (?:single )?(?:patients?|clients?|customers?|members?)(?: who [\w-]{1,20}(?: [\w-]{1,20}){0,4}?)? (?:will |are going to )?`, words(["keeps? (?:it|the weight|them) off", "sees? (?:results|improvement|a difference)", "gets? (?:results|rid of)", "loses?", "drops?", "achieves?", "leaves? (?:pain-free|healed|cured)", "walks? out (?:pain-free|healed|cured)", "is cured", "are cured"]), r`\b`),
    matches: ["Every client keeps the weight off.", "All our patients will drop two sizes."],
    rejects: ["Every patient is different."],
  },
  {
    name: "will-lose-pounds",
    kind: "guarantee",
    about: "a promised weight loss ('you'll lose 20 pounds')",
    pattern: rx("gi", r`\b(?:will|you'll|guaranteed to|proven to) (?:lose|drop|shed|melt|burn) (?:up to |at least )?`, words([r`\d{1,3}`, "one", "two", "three", "four", "five", "six", "ten", "twenty", "thirty"]), " (?:full )?", words(["pounds", "lbs", "dress sizes", "sizes", "inches", "kilos", "kg"]), r`\b`),
    matches: ["You'll lose 20 pounds in a month."],
    rejects: ["Some people lose weight slowly."],
  },
  {
    name: "proven-to-cure",
    kind: "guarantee",
    about: "'clinically proven to cure'",
    pattern: /\b(?:proven|clinically proven|guaranteed) to (?:prevent|cure|stop|eliminate|reverse|heal|end|fix)\b/gi,
    matches: ["Clinically proven to reverse gum disease."],
    rejects: ["Studies suggest it may help."],
  },
  {
    name: "keeps-it-off",
    kind: "guarantee",
    about: "weight kept off forever",
    pattern: /\bkeeps? (?:it|the weight|them) off (?:permanently|forever|for good|for life)\b/gi,
    matches: ["Our plan keeps the weight off for good."],
    rejects: ["Keep the lid off."],
  },
  {
    name: "success-rate",
    kind: "guarantee",
    about: "a success rate of 99 or 100 percent",
    pattern: rx("gi", either(/\b(?:success|cure|satisfaction|recovery) rate (?:is |of |at )?(?:100|99(?:\.\d)?)\s?%/, /\b(?:100|99)\s?% (?:success|cure|recovery) rate\b/)),
    matches: ["Our success rate is 99.5%."],
    rejects: ["Our success rate is high."],
  },
  {
    name: "no-one-can-promise",
    kind: "hedge",
    about: "'no doctor can promise'",
    pattern: rx("gi", r`\b`, words(["no", "nobody", "no one", rx("", "no ", words(["doctor", "surgeon", "provider", "clinic", "practice", "dentist", "therapist", "treatment", "program"]))]), " ", someWords(2, 20, " "), /(?:can|could|will|should|would) (?:[\w-]{1,20} )?(?:promise|guarantee)/),
    matches: ["No doctor can honestly promise a cure."],
    rejects: ["The doctor can explain the options."],
  },
  {
    name: "not-proven",
    kind: "hedge",
    about: "'not clinically proven'",
    pattern: /\b(?:not|never|haven't|hasn't|isn't|aren't|wasn't|no) (?:been |yet )?(?:clinically |scientifically )?proven\b/gi,
    matches: ["This has not been proven."],
    rejects: ["This is proven to help."],
  },
  {
    name: "results-vary",
    kind: "hedge",
    about: "'results may vary', 'we cannot guarantee'",
    pattern: rx("gi", r`\b`, words(["results (?:may |can |will )?vary", "individual results", "not guaranteed", "no guarantees?", "(?:can(?:no|')?t|cannot|don't|do not|won't|never) (?:promise|guarantee)", "may not work", "typical results", "no treatment is guaranteed"]), r`\b`),
    matches: ["Results may vary."],
    rejects: ["Results are in."],
  },
  {
    name: "unique-role",
    kind: "identifying-detail",
    about: "details that single a patient out: a unique role ('the youngest'), a hint readers know them, what they do in town",
    pattern: rx("gi", either(rx("", r`\bthe (?:only|first|youngest|oldest)\b(?! `, words(NOT_UNIQUE_AFTER), r`\b)`, CLAUSE_UP_TO_40), /\byou (?:might|may|probably|all|likely) (?:know|recogni[sz]e|have (?:met|seen)) (?:him|her|them)\b/, rx("", r`\b(?:he|she|who) (?:runs|owns|manages|coaches|teaches at|works at|works the) (?:the|a|an|that) `, CLAUSE_1_TO_40))),
    matches: ["She is the youngest firefighter in the county.", "You might know him from the farmers market.", "He runs the bait shop by the lake."],
    rejects: ["The first visit takes an hour."],
  },
  {
    name: "year-old-who",
    kind: "identifying-detail",
    about: "a person pointed out by what they did ('the 17-year-old who made the championship save')",
    pattern: rx("gi", r`\bthe \d{1,2}-year-old (?:[\w-]{1,20} ){0,2}?who `, CLAUSE_1_TO_40),
    matches: ["The 17-year-old who made the championship save came in."],
    rejects: ["A 17-year-old may need braces."],
  },
  {
    name: "role-in-place",
    kind: "identifying-detail",
    about: "a role in a named place ('a firefighter at Station 12') or one a town has one of ('the high school principal')",
    pattern: rx("g", either(rx("", r`\b(?:[\w-]{2,20} ){0,2}?`, words(LOCAL_ROLES), r`s? (?:at|for|of|with) (?:the )?[A-Z][\w'’]*(?: (?:[A-Z][\w'’]*|\d{1,4}))*`), rx("", r`\bthe (?:longtime |local |new |former |retired |beloved |starting |head |assistant )?`, "(?:high school |middle school |elementary school |town |city |county |village |church |varsity )?", words(["principal", "mayor", "pastor", "priest", "rabbi", "sheriff", "fire chief", "police chief", "librarian", "superintendent", "goalie", "quarterback", "coach"]), r`\b`))),
    matches: ["He is a firefighter at Station 12.", "We treated the high school principal."],
    rejects: ["Firefighters work long shifts."],
  },
  {
    name: "past-event",
    kind: "past-event",
    about: "a recent time in the past ('last week', 'yesterday', 'a few days ago')",
    pattern: rx("gi", r`\b(?:last `, words(["week", "month", "night", "year", "summer", "winter", "spring", "fall", "weekend", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "shift"]), r`|yesterday|tonight|this (?:morning|afternoon|week)|earlier (?:today|this week)|(?:a|two|three|few|several) (?:days|weeks|months) ago|recently)\b`),
    matches: ["Last week we opened a new office."],
    rejects: ["Next week we open a new office."],
  },
];

/** One prefilter: words one of which a cue kind's text must contain; a paragraph without any skips the kind. */
export interface CueNeed {
  kind: ContextCueKind;
  pattern: RegExp;
}

/** Prefilters per cue kind (kinds without one always run). */
export const CUE_NEEDS: CueNeed[] = [
  { kind: "patient-reference", pattern: rx("i", either("patient", "client", "resident", "member", "came", "walked", "rolled", "presented", "arrived", "showed", "visited", "called", "told", "brought", "treated", "saw", "worked", "met", "cared", "helped", "evaluated", "examined", "admitted", "operated", "fitted", "stitched", "patched", "chair", "room", "DOB", "birth", "come", "walk", "work", "counsel", "frequent", ":")) },
  { kind: "care-event", pattern: rx("i", either("came", "walked", "rolled", "presented", "diagnosed", "admitted", "treated", "rushed", "brought", "referred", "seen", "we ", "underwent", "had ", "now", "started", "began", "finished", "completed")) },
  { kind: "second-person-care", pattern: /your|ur |you|his |her |their /i },
  { kind: "records", pattern: /record|notes|files|system|chart|file|checked|reviewed|looked|pulled/i },
  { kind: "aggregate", pattern: /%|of our|of my|who|that/i },
  { kind: "composite", pattern: /composite|fiction|illustrat|changed|altered|real/i },
  { kind: "consent-claim", pattern: /permission|consent/i },
  { kind: "donor", pattern: /donor|donation|gift|pledge|philanthrop|endow|sponsor|underwrit|benefactor|grateful|generosity|\$/i },
  { kind: "public-figure", pattern: rx("i", either("champion", "olymp", "actor", "actress", "singer", "rapper", "musician", "celebrit", "athlete", "senator", "president", "governor", "congress", "novelist", "quarterback", "comedian", "host", "royal", "prince", "lady", "model", "star", "openly", "publicly", "interview", "reporters", "press")) },
  { kind: "history", pattern: /\b1[0-9]\d\d\b|historically|centur/i },
  { kind: "gratitude", pattern: /thank/i },
  { kind: "privacy", pattern: /privacy|HIPAA|confidential|discuss|comment|share|confirm|disclose/i },
  { kind: "call-office", pattern: /call|contact|reach|email|e-mail|text|phone|message|fax/i },
  { kind: "guarantee", pattern: /guarantee|proven|100|99|permanent|cure|eliminat|never|miracle|success|every|each|all|lose|drop|shed|melt|burn|keep/i },
  { kind: "hedge", pattern: /vary|individual|guarantee|promise|may not|typical|proven/i },
  { kind: "past-event", pattern: /last|yesterday|tonight|this|earlier|ago|recently/i },
  { kind: "identifying-detail", pattern: rx("i", either("only", "first", "youngest", "oldest", "year-old", "know", "recogni", "met", "seen", "runs", "owns", "manages", "coach", "teach", "works", "at ", "for ", "of ", "with ", "principal", "mayor", "pastor", "priest", "rabbi", "sheriff", "chief", "librarian", "superintendent", "goalie", "quarterback")) },
];
