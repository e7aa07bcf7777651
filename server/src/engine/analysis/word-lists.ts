// Word lists that more than one analysis module builds patterns from (pattern text: regex metacharacters
// in an entry are escaped where they are meant literally).

/** Credentials written after a provider's name ("MD", "Ph.D.", "OTR/L"), as pattern text, case as written. */
export const CREDENTIALS = [
  ...["MD", String.raw`M\.D\.`, "DO", String.raw`D\.O\.`, "DDS", String.raw`D\.D\.S\.`, "DMD", "DPT", "PT", "OT", String.raw`OTR\/L`, "RN", "BSN", "MSN", "DNP", "LPN", "NP", "PA-C", "PA"],
  ...["LCSW", "LICSW", "LMFT", "LPC", "LPCC", "LCPC", "LMHC", "PhD", String.raw`Ph\.D\.`, "PsyD", "FNP", "FNP-C", "APRN", "CRNA", "CRNP", "PMHNP", "MSW"],
  ...["RDH", "RD", "RDN", "LD", "CDCES", "CDE", "CNS", "DC", "OD", "DPM", "CNM", "IBCLC", "PharmD", "RPh", "AuD", "SLP", "CCC-SLP", "ATC", "CSCS"],
  ...["LAc", "LMT", "BCBA", "CPT", "FACS", "FAAP", "FACOG", "MPH", "MBA", "MA", "MS"],
];
