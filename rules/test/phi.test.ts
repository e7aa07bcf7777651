// Valid and invalid cases of the phi family.
import { ruleTester } from "./tester";
import { config } from "../../server/test/helpers";

ruleTester("phi/patient-name", {
  valid: [
    { name: "a staff bio", text: "We're excited to welcome physical therapist Jamie Chen to our team. Jamie specializes in ACL reconstruction rehab." },
    { name: "a provider with a title", text: "Dr. Omar Haddad treats asthma and allergies in children." },
    { name: "a public figure's own statement", text: "Tennis champion Serena Williams has spoken openly about the pulmonary embolism she had." },
    { name: "a saint's name in an herb", text: "Ask your pharmacist before mixing St. John's wort with birth control or antidepressants." },
    { name: "an insurer and a hospice with the counties it serves", text: "We accept Blue Harbor PPO and Medicare. Maple Ridge Hospice serves Linden, Harlow, and Pine counties." },
    { name: "a hospital named for a saint, with its yearly numbers", text: "St. Adrian performed 14,800 MRI exams in 2024." },
    { name: "educators with their credentials", text: "Questions? Talk with our certified diabetes educators, Ruth Amsel, RD, CDCES, at (555) 013-2201." },
    { name: "a practice manager named in a review reply", text: "Thank you for your feedback. Please call our practice manager, Devon, at (555) 013-2200.", uri: "reply.txt" },
    { name: "a staff member from config", text: "Our patient coordinator Lena Ortiz will help with your insulin pump questions.", config: config({ practice: { ...config().practice, staff: ["Lena Ortiz"] } }) },
    { name: "a greeting in a review reply", text: "Hi Dana, thank you for your review. Please call our office at (555) 201-4400.", uri: "reply.txt" },
    { name: "general education", text: "Patients often ask whether knee replacement hurts. Most people walk within a day." },
  ],
  invalid: [
    { name: "a full name next to a diagnosis", text: "Meet Angela Ruiz, who beat stage 3 breast cancer at our center.", flags: ["Angela Ruiz"] },
    { name: "a first name with patient context", text: "Happy 97th birthday to our longest-serving dialysis patient, Edna!", flags: ["Edna"] },
    { name: "a titled name in a social post about supplies", text: "Get well soon to Mr. Harold Kim, we'll drop off your insulin supplies soon!", uri: "post.txt", flags: ["Mr. Harold Kim"] },
    { name: "a patient the staff visits, in a sentence that names the staff", text: "Last spring our nurse began visiting Mr. Abernathy at home after his stroke.", flags: ["Mr. Abernathy"] },
    { name: "a donor who was also the patient", text: "Margaret and Dennis Pruitt have pledged $250,000 to our cardiac rehab gym. Their gift came after Dennis was rushed to our emergency department with a heart attack last October.", flags: ["Margaret", "Dennis Pruitt", "Dennis"] },
    { name: "a welcome letter to a new patient", text: "Welcome aboard, Dmitri Volkov! Before your first rotator cuff rehab session, please fill in the intake form.", flags: ["Dmitri Volkov"] },
    { name: "a first name followed by a treatment verb", text: "Priya started dialysis here in the spring.", flags: ["Priya"] },
    { name: "initials and a first name with last initial", text: "Our patient of the month, Tom B., lost 60 pounds on Wegovy.", flags: ["Tom B."] },
  ],
});

ruleTester("phi/date", {
  valid: [
    { name: "a clinic event date", text: "Join us on May 3, 2025 for a free allergy screening at our office." },
    { name: "a publication date in front matter", text: "---\ndate: 2025-03-18\n---\n\nAllergy season is here." },
  ],
  invalid: [
    { name: "a date of birth", text: "Meet Angela Ruiz (DOB 04/12/1961), who beat breast cancer.", flags: ["04/12/1961"] },
    { name: "a date in the procedure section of a case", text: "## Patient profile\n\n52-year-old Elm Ridge barber, lifelong smoker.\n\n## Procedure\n\nTriple bypass on 03/02/2024 by Dr. Voss.\n", flags: ["03/02/2024"] },
    { name: "a surgery date in the sentence before the patient is named", text: "On March 9, 2025, Dr. Ames performed the clinic's first robotic hip replacement. The patient, Nolan Brisco, walked the same evening.", flags: ["March 9, 2025"] },
    { name: "a visit date in a review reply", text: "Thank you for your review. Our records show you were seen on 03/14 for a filling.", uri: "reply.txt", flags: ["03/14"] },
  ],
});

ruleTester("phi/age-over-89", {
  valid: [
    { name: "a population statistic", text: "Adults over 90 make up 2% of our patients with heart failure." },
    { name: "an age under 90", text: "Our patient, a 72-year-old retiree, recovered from hip surgery." },
  ],
  invalid: [
    { name: "a 97th birthday of a patient", text: "Happy 97th birthday to our dialysis patient Edna!", flags: ["97th birthday"] },
    { name: "an age spelled out", text: "Our patient, ninety-three years old, finished cardiac rehab last week.", flags: ["ninety-three years old"] },
    { name: "a resident spotlight: the age, then the diagnosis by pronoun", text: "Resident Spotlight: Meet Imogen Tate\n\nImogen, who turned 94 in May, taught piano for fifty years. She moved into our memory care wing after her Parkinson's diagnosis.", flags: ["turned 94"] },
    { name: "a resident's birthday, the diagnosis in the next sentence", text: "Our memory-care wing threw a party for Lorraine, who turned 101 on Friday! She has lived with Alzheimer's with us for six years.", flags: ["turned 101"] },
    { name: "an age told as 'years young'", text: "Our hospice team celebrated with our patient Walt today, 96 years young!", flags: ["96 years young"] },
  ],
});

ruleTester("phi/contact", {
  valid: [
    { name: "the office phone with a call-to-action", text: "Flu shots are here! Call (555) 013-2200 or email front.desk@clinic.example.", uri: "tips.txt" },
    { name: "a configured office phone", text: "Our patient line is (555) 444-1000.", config: config({ practice: { ...config().practice, phones: ["555-444-1000"] } }) },
  ],
  invalid: [
    { name: "a patient's email", text: "Meet Angela Ruiz, who beat breast cancer. You can reach Angela at angela.ruiz@example.com.", flags: ["angela.ruiz@example.com"] },
    { name: "a phone and an email after 'text her at'", text: "Rosa Quill is recovering at home after knee surgery with us last week. If you can bring a meal, text her at 555-0177 or email rq.example@example.com.", flags: ["555-0177", "rq.example@example.com"] },
    { name: "an email spelled with the patient's name, two sentences later", text: "Marisol Ferro was diagnosed with multiple sclerosis at 31. Today she runs a support circle. Cards are welcome at marisol.f@example.com.", flags: ["marisol.f@example.com"] },
  ],
});

ruleTester("phi/location", {
  valid: [
    { name: "a staff member's home town", text: "Jamie grew up in Portland, Oregon and joined our team as a physical therapist." },
    { name: "an event location in MDX", text: '<EventCard location="Austin, TX" title="Car-seat day" />', uri: "event.mdx" },
  ],
  invalid: [
    { name: "a street address of a patient", text: "Get well soon to Mr. Harold Kim at 1420 Birch Lane, Apt 3B, your insulin is on its way!", uri: "post.txt", flags: ["1420 Birch Lane, Apt 3B"] },
    { name: "a town in a patient story", text: "Last month a 34-year-old teacher from Hoboken came to our clinic after three miscarriages.", flags: ["Hoboken"] },
  ],
});

ruleTester("phi/record-number", {
  valid: [{ name: "an order number in a code block", text: "```\norder number: 88231\n```" }],
  invalid: [
    { name: "a record and a member number", text: "Reminder for our patient John Meyers, MRN 00482913, member ID XJH448812001: your results are ready.", uri: "note.txt", flags: ["MRN 00482913", "XJH448812001"] },
    { name: "a labelled number in general content as a warning", text: "Use claim # 88231-A when you write.", flags: ["88231-A@warning"] },
    { name: "a Medicare number written 4-3-4", text: "Our patient Lou Ferris asked us to update his Medicare ID to 1EG4-TE5-MK73 before his dialysis on Monday.", flags: ["1EG4-TE5-MK73"] },
    { name: "an account number in an outage note about a patient", text: "Account 55120-B (Gale Ortiz) could not open her MRI report for two days.", flags: ["55120-B"] },
  ],
});

ruleTester("phi/url-or-handle", {
  valid: [
    { name: "a link to a general resource", text: "Read more at https://www.cdc.gov/flu/ before your visit." },
    { name: "a general link in the paragraph after a patient's story", text: "Our patient Ines was diagnosed with lupus last spring.\n\nFamilies often ask where to learn more: https://lupus.example.org has their best guides." },
  ],
  invalid: [
    { name: "a handle in a public reply about surgery", text: "@marcus_t so glad your PT is going well after the ACL surgery!", uri: "reply.txt", flags: ["@marcus_t"] },
    { name: "a handle in the paragraph after the patient's story, by pronoun", text: "Our patient Ezra, 12, is fighting leukemia on our oncology floor.\n\nFollow his journey at @brave_example_kid.", flags: ["@brave_example_kid"] },
    { name: "a fundraiser URL and a handle spelled with the patient's name, sentences after the diagnosis", text: "Our patient Tobias is starting radiation for a brain tumor. His aunt set up https://fund.example.com/tobias-strong for the family.\n\nSend love to @team.tobias.example on Instagram!", flags: ["https://fund.example.com/tobias-strong", "@team.tobias.example"] },
  ],
});

ruleTester("phi/other-identifier", {
  valid: [{ name: "biometrics in general education", text: "Some clinics use fingerprints to check in." }],
  invalid: [
    { name: "an implant serial of a named patient", text: "Our patient Ruth Alder's hip implant, serial number SN-4471-0098, was recalled.", flags: ["SN-4471-0098"] },
    { name: "a student ID next to a student's test", text: "Sophomore Rhea Vance (student ID 30592211) told us her STI screening took ten minutes.", flags: ["30592211"] },
    { name: "a device serial in the sentence after the patient's story", text: "Hollis Brandt, a retired welder, got his insulin pump at our clinic last month. The pump (serial no. IP-5521-QX) now uploads his readings.", flags: ["IP-5521-QX"] },
    { name: "an IP address of a patient named in a real example", text: "For example, patient Ingrid Solberg (signing in from 203.0.113.77) could not see her MRI report for days.", flags: ["203.0.113.77"] },
  ],
});

ruleTester("phi/health-detail", {
  valid: [
    { name: "a staff member's expertise", text: "Welcome Jamie Chen, DPT, who specializes in rotator cuff repair." },
    { name: "donors thanked by name next to the unit their gift names", text: "We are grateful to Gerald and Ruth Abernathy, whose $1.5 million gift names the new pediatric cancer wing." },
    { name: "a made-up example given a name", text: "Imagine a fictional 9-year-old we'll call \"Sam\" who gets hives after lunch. At the first visit, the allergist would ask what Sam ate and how fast the hives appeared." },
    { name: "venues named like people", text: "Free flu shots this week in Room 112 of Harlow Hall, and at the Grange Hall on Saturday." },
    { name: "insurers the practice accepts", text: "We also accept most Blue Cross, Aetna and UnitedHealthcare plans." },
    { name: "a mayor quoted about health care in general", text: "\"Nobody should drive an hour for stitches or a sinus infection,\" Mayor Dana Pruitt said." },
  ],
  invalid: [
    { name: "a diagnosis of a named patient", text: "Meet Angela Ruiz, who beat stage 3 breast cancer.", flags: ["breast cancer"] },
    { name: "a drug brand followed by its product name, but not a hospice's name", text: "Our patient Brianna Moss got Juvederm Volbella at our Willow Creek Hospice open house.", flags: ["Juvederm"] },
  ],
});
