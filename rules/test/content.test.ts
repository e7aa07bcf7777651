// Valid and invalid cases of the content families: testimonial, story, review, image, claim, social.
import { parseRegistry } from "@safeharbor/server/engine";
import { ruleTester } from "./tester";

const future = `${new Date().getFullYear() + 2}-01-10`;
const registry = parseRegistry(`
- id: AUTH-2025-014
  subject: Sandra P.
  discloses: [name, location, condition, treatment, testimonial]
  purpose: marketing testimonial on the website
  channels: [website]
  disclosedBy: Example Family Clinic
  recipients: website visitors
  signed: 2025-01-10
  expires: ${future}
- id: AUTH-2020-001
  subject: Old Patient
  discloses: [name, testimonial, condition]
  purpose: testimonial
  channels: [website]
  disclosedBy: Example Family Clinic
  recipients: public
  signed: 2020-01-01
  expires: 2021-01-01
- id: AUTH-2025-020
  subject: Sandra P.
  discloses: [name, testimonial]
  purpose: testimonial
  channels: [website]
  disclosedBy: Example Family Clinic
  recipients: public
  signed: 2025-01-10
  expires: ${future}
`);

const testimonial = (auth = ""): string =>
  `${auth}<Testimonial name="Sandra P." location="Tucson, AZ" quote="After two years of migraines, the Botox treatment here changed my life." />\n`;

ruleTester("testimonial/identifiable-patient", {
  valid: [
    { name: "an anonymous testimonial with no health detail", text: "> The team always listened to me.\n>\n> \u2014 A patient\n" },
    { name: "a named testimonial with no health information", text: "> Friendly staff and easy parking!\n>\n> \u2014 Joan Avery\n" },
  ],
  invalid: [
    { name: "an HTML blockquote attributed in a cite", text: "<blockquote>\n  <p>Dr. Ames fixed my torn meniscus and I'm running again.</p>\n  <cite>Wanda Pryor, Elmhurst</cite>\n</blockquote>\n", flags: ["Dr. Ames fixed my torn meniscus and I'm running again.", "Wanda Pryor, Elmhurst"] },
    { name: "a document declared a testimonial, attributed in its front matter", text: "---\nkind: testimonial\nauthor: Dorian Vale\nlocation: Boulder, CO\nprocedure: LASIK\n---\n\nTwo days after surgery I could read road signs without glasses.\n", flags: ["Dorian Vale", "LASIK", "Two days after surgery I could read road signs without glasses."] },
    { name: "a testimonial document whose quote and patient are front matter keys", text: "---\nkind: testimonial\npatient: \"Ruby Calloway (age 8)\"\nquote: \"Ruby didn't even cry during her two fillings!\"\n---\n\nThank you to the Calloway family for sharing!\n", flags: ["Ruby Calloway (age 8)", "Ruby didn't even cry during her two fillings!"] },
    { name: "a bold attribution under a Markdown quote", text: "> After my L4-L5 fusion I thought I'd never golf again.\n>\n> \u2014 **Reggie Tamm, Glen Park**\n", flags: ["After my L4-L5 fusion I thought I'd never golf again.", "Reggie Tamm, Glen Park"] },
    { name: "a full name, age and town with a procedure", text: "> After my knee replacement I walked again.\n>\n> \u2014 Robert Jennings, 72, Plano TX\n", flags: ["After my knee replacement I walked again.", "Robert Jennings, 72, Plano TX"] },
    { name: "initials and a town with a diagnosis", text: "> I sleep through the night since my sleep apnea diagnosis.\n>\n> \u2014 K.M., Boise\n", flags: ["I sleep through the night since my sleep apnea diagnosis.", "K.M., Boise"] },
    { name: "a testimonial component", text: testimonial(), uri: "t.mdx", flags: ["Sandra P.", "After two years of migraines, the Botox treatment here changed my life."] },
    { name: "a component whose author and city props identify the patient of its story", text: '<Testimonial author="Jane R." city="Reno">\n  My knee surgery went great.\n</Testimonial>\n', uri: "t.mdx", flags: ["Jane R.", "My knee surgery went great."] },
    { name: "an expired authorization", text: testimonial("{/* safeharbor-authorization AUTH-2020-001 */}\n"), uri: "t.mdx", registry, flags: ["Sandra P.", "After two years of migraines, the Botox treatment here changed my life."] },
    { name: "an authorization that does not cover the location", text: testimonial("{/* safeharbor-authorization AUTH-2025-020 */}\n"), uri: "t.mdx", registry, flags: ["Sandra P.", "After two years of migraines, the Botox treatment here changed my life."] },
    { name: "a valid authorization, as information", text: testimonial("{/* safeharbor-authorization AUTH-2025-014 */}\n"), uri: "t.mdx", registry, flags: ["Sandra P.@info", "After two years of migraines, the Botox treatment here changed my life.@info"] },
    { name: "a consent claim without a reference, as a warning", text: "Shared with her permission.\n\n> My migraines are gone since the Botox treatment.\n>\n> \u2014 Lea Moreno, Tucson\n", flags: ["My migraines are gone since the Botox treatment.@warning", "Lea Moreno, Tucson@warning"] },
  ],
});

ruleTester("story/patient-story", {
  valid: [
    { name: "a hypothetical example", text: "For example, a patient might come in with heel pain after increasing their mileage." },
    { name: "a stated composite", text: "This story is a composite of several clients; names and details have been changed. One of my clients struggled with grief for years." },
    { name: "the writer's own story", text: "I was diagnosed with celiac disease in college, and it changed how I cook." },
    { name: "a collective thank-you", text: "Thanks to everyone who came to our free blood pressure screening on Saturday!", uri: "post.txt" },
  ],
  invalid: [
    { name: "an anonymous ER anecdote", text: "Wild night in the ER \ud83d\ude33 guy came in with a fork stuck in his hand #nurselife", uri: "post.txt", flags: ["Wild night in the ER \ud83d\ude33 guy came in@warning"] },
    { name: "a case with age, job and town", text: "Last month a 34-year-old teacher from Hoboken came to our clinic after three miscarriages.", flags: ["Last month a 34-year-old teacher from Hoboken came to our"] },
    { name: "a case with identifiers that claims consent, as a warning", text: "Shared with her permission: last month a 34-year-old teacher from Hoboken came to our clinic after three miscarriages.", flags: ["Shared with her permission: last month a 34-year-old teacher from Hoboken came to our@warning"] },
    { name: "one of my clients", text: "One of my clients, a retired firefighter, struggled with nightmares for years.", flags: ["One of my clients@warning"] },
    { name: "an anecdote with a hint that readers know the patient and what he does in town", text: "This week we had a man walk in with a cracked molar. You probably know him, he owns the diner by the square.", uri: "post.txt", flags: ["This week we had a man walk in", "You probably know him", "he owns the diner by the square"] },
    { name: "a role in a named place that identifies the patient", text: "One client I worked with this spring, a firefighter at Station 7, could not sleep after a bad call.", flags: ["One client I worked", "firefighter at Station 7"] },
    { name: "a case written as fragments under a patient-profile heading", text: "## Patient profile\n\n52-year-old Elm Ridge barber, two children, lifelong smoker.\n\n## Procedure\n\nTriple bypass on 03/02/2024 by Dr. Voss.\n", flags: ["52-year-old Elm Ridge barber"] },
    { name: "a therapist's client introduced as 'a woman I work with'", text: "A woman I work with, the only beekeeper in Hollow County, lost her brother last fall. For months she could not sleep.", flags: ["A woman I work with", "the only beekeeper in Hollow County"] },
    { name: "a patient named by the chair they sit in", text: "Long shift. Chair 3 tried to unhook his own lines again #dialysislife", uri: "post.txt", flags: ["Chair 3 tried@warning"] },
    { name: "a person pointed out by what they did", text: "Last week I saw the starting goalie for the Hawks, the 17-year-old who made the title save, for a concussion.", flags: ["Last week I saw the starting goalie", "the starting goalie for the Hawks", "the 17-year-old who made the title save"] },
    { name: "a role a town has one of", text: "Guess who was in my chair this morning: the high school principal, with a cracked molar! #dentistlife", uri: "post.txt", flags: ["Guess who was in my chair", "the high school principal"] },
    { name: "a real example introduced by 'for example'", text: "For example, patient Colm Doyle missed his insulin refill twice last winter.", flags: ["For example, patient"] },
  ],
});

ruleTester("review/confirms-patient", {
  valid: [
    { name: "the compliant reply", text: "We're sorry to hear about your experience. Privacy law keeps us from discussing details here. Please call our office at (555) 201-4400.", uri: "reply.txt" },
    { name: "the review quoted above the reply, in the reviewer's own words", text: "Reviewer: Casey Q. \u2605\u2606\u2606\u2606\u2606\n\"My cleaning was rushed and I waited an hour past my appointment.\"\n\nResponse from the owner:\n\nThank you for the feedback. Privacy law keeps us from discussing details here; please call our office at (555) 201-4400.\n", uri: "reply.txt" },
  ],
  invalid: [
    { name: "records and a visit", text: "Thank you for your review. We checked your chart and you were seen by Dr. Kim.", uri: "reply.txt", flags: ["We checked your chart", "you were seen"] },
    { name: "a friendly goodbye that confirms a next visit", text: "Thanks so much, Priya! See you at your next appointment!", uri: "reply.txt", flags: ["See you at your next appointment"] },
    { name: "a thank-you that recalls having the reviewer in the chair", text: "Thank you, Omar! It was a pleasure having you in the chair, and we'll see you Tuesday for your cleaning.", uri: "reply.txt", flags: ["pleasure having you in the chair", "see you Tuesday for your cleaning"] },
    { name: "a parent's review answered about the child's next visit", text: "Thank you, Lena! We loved meeting baby Theo and can't wait to see him at his next visit.", uri: "reply.txt", flags: ["his next visit"] },
  ],
});

ruleTester("review/discloses-care", {
  valid: [
    { name: "a privacy statement that names care in general", text: "Thank you for your feedback. We can't discuss anyone's care in a public forum. Please call our office.", uri: "reply.txt" },
    { name: "care words about everyone the practice serves", text: "Thank you for the kind words! Our team works hard to make every visit feel relaxed, and we protect everyone who trusts us with their care.", uri: "reply.txt" },
  ],
  invalid: [
    { name: "a diagnosis and missed appointments", text: "Hi Dana, we're sorry you feel this way. Your bipolar disorder needs steady care, and you missed three appointments.", uri: "reply.txt", flags: ["Your bipolar disorder", "care", "appointments"] },
    { name: "a reply about the reviewer's son", text: "Thank you for your feedback about your son's visit. Dr. Levin referred him to ENT because of his recurring ear infections.", uri: "reply.txt", flags: ["referred him to", "ear infections"] },
    { name: "a friendly reply about treatment", text: "Thanks so much, Priya! We're thrilled your migraines improved since you started Botox with us.", uri: "reply.txt", flags: ["your migraines", "Botox"] },
  ],
});

ruleTester("review/names-reviewer", {
  valid: [{ name: "a first name in the greeting", text: "Thank you for your review, Tom. Please call our office so we can help.", uri: "reply.txt" }],
  invalid: [{ name: "a full name", text: "Thank you for your review, Thomas Grady. Please call our office so we can help.", uri: "reply.txt", flags: ["Thomas Grady"] }],
});

ruleTester("image/patient-photo", {
  valid: [
    { name: "an exercise illustration", text: "![image of woman doing chair pose](/img/chair-pose.jpg)" },
    { name: "a staff photo", text: "![image of acupuncturist Mario Olmos](/img/mario.png)" },
  ],
  invalid: [
    { name: "a before/after photo", text: "![Before and after photos of Jessica's smile makeover](/img/jessica.jpg)", flags: ["![Before and after photos of Jessica's smile makeover](/img/jessica.jpg)"] },
    { name: "a whiteboard in an HTML image", text: '<img src="/photos/station.jpg" alt="Our nurses station with the patient whiteboard behind" />', flags: ['<img src="/photos/station.jpg" alt="Our nurses station with the patient whiteboard behind" />'] },
    { name: "a file name with a record number", text: "![Exam room](/uploads/mrn-448812-xray.png)", flags: ["![Exam room](/uploads/mrn-448812-xray.png)"] },
    { name: "a scan listed in an MDX gallery's images prop", text: '<Gallery images={[{ src: "/img/a.jpg", alt: "Ultrasound of the Okafor family\'s baby boy at 22 weeks" }]} />\n', uri: "page.mdx", flags: ['{ src: "/img/a.jpg", alt: "Ultrasound of the Okafor family\'s baby boy at 22 weeks" }'] },
    { name: "one half of a before/after pair, labelled in its alt text", text: '<img src="/img/d1.jpg" alt="Before: gaps between the front teeth" />', flags: ['<img src="/img/d1.jpg" alt="Before: gaps between the front teeth" />'] },
  ],
});

ruleTester("claim/outcome-guarantee", {
  valid: [
    { name: "hedged language", text: "Most patients feel relief after a few sessions, but results vary and no treatment is guaranteed." },
    { name: "a promise of service, not of outcome", text: "Every patient gets a personalized plan and a follow-up call." },
    { name: "a claim denied", text: "Blue-light glasses haven't been proven to prevent eye strain." },
    { name: "a question about guarantees", text: "**Can you guarantee my results?** Everyone heals differently." },
    { name: "a guarantee denied", text: "No surgeon can honestly guarantee results, and we won't either." },
  ],
  invalid: [
    { name: "a guaranteed cure", text: "Our program is guaranteed to cure your depression in 30 days.", flags: ["guaranteed to cure@warning"] },
    { name: "a result promised to every client", text: "Every client who finishes the plan keeps the weight off for good.", flags: ["Every client who finishes the plan keeps the weight off for good@warning"] },
    { name: "a product proven to prevent an illness", text: "Our immunity drip is proven to prevent the flu all season.", flags: ["proven to prevent@warning"] },
    { name: "a success rate of 100%", text: "Our success rate is 100%.", flags: ["success rate is 100%@warning"] },
    { name: "a number of sizes promised by a date", text: "Join in January and you'll drop three dress sizes by spring.", flags: ["you'll drop three dress sizes@warning"] },
    { name: "a permanent elimination", text: "Laser therapy permanently eliminates back pain.", flags: ["permanently eliminates@warning"] },
  ],
});

ruleTester("social/public-reply", {
  valid: [
    { name: "a promotional post with the office phone", text: "Flu season is here! Book your flu shot today. Call (555) 013-2200. #FluShot", uri: "post.txt" },
    { name: "a thank-you to a handle with no care", text: "@sam_k thanks for the shout-out, see you at the 5K!", uri: "post.txt" },
    { name: "a thread: answers to general questions, the commenters' own words", text: "[Comment from @quinn_example] \"Do you have the shingles vaccine? I just had surgery.\"\n[Reply from @ExampleClinicRx] \"Hi Quinn! Yes, we carry the shingles vaccine. Call (555) 013-2200 to check your insurance coverage.\"\n", uri: "thread.txt" },
    { name: "a veterinary practice's post about a pet's surgery", text: "Happy birthday to Pickles, our favorite senior kitty! Pickles has been seeing Dr. Lund at our animal hospital for years and is managing her kidney disease like a pro. #VetLife", uri: "post.txt" },
    { name: "a call to book with the practice's own handle", text: "Snoring keeping you up? Book a consult with @ExampleSleepCenter, link in bio!", uri: "ig-caption.txt" },
    { name: "a staff birthday", text: "Happy 30th birthday to our front desk superstar, Kelsey! She makes insurance paperwork fun.", uri: "post.txt" },
    { name: "the practice's own handle in a promotion", text: "Flu shots are in! Most insurance accepted. Follow @ExampleFamilyClinic for hours.", uri: "post.txt" },
  ],
  invalid: [
    { name: "the practice's reply in a thread, to the commenter by handle", text: "[Comment from @quinn_example] \"Back on my bike!\"\n[Reply from @ExampleOrtho] \"@quinn_example so proud of you! Your new knee looks great on the X-rays.\"\n", uri: "thread.txt", flags: ["@quinn_example", "new knee", "X-rays"] },
    { name: "a medication and a time of visit", text: "@jo.example so glad the new dose of sertraline is helping! See you Thursday at 4 \ud83d\udc9b", uri: "fb-replies.txt", flags: ["@jo.example", "dose", "sertraline", "See you Thursday at 4"] },
    { name: "a handle and a birth", text: "Congrats @newmom.example, who gave birth to twins here this morning!", uri: "post.txt", flags: ["@newmom.example", "gave birth"] },
    { name: "a handle and a surgery", text: "@marcus_t so glad your PT is going well after the ACL surgery!", uri: "post.txt", flags: ["@marcus_t", "PT", "ACL surgery"] },
  ],
});
