// Hostile inputs and a measured lint run, shared by the robustness tests and the reliability report.
import { createLinter, defaultConfig, type Finding, type ResolvedConfig } from "@safeharbor/server/engine";
import { rules } from "@safeharbor/rules";

/** The linter with the real rule catalogue. */
export const linter = createLinter(rules);

/** A named hostile document: its file name chooses the parser. */
export interface HostileInput {
  name: string;
  uri: string;
  text: () => string;
}

const MB = 1024 * 1024;
const PHI = "Our patient Jane Roe, born 03/14/1931, was treated for diabetes at 12 Elm Street; call 555-201-7788.";
/** General health prose with no identifiers: the bulk of the large inputs (so they test parsing, not fix-building). */
const FILLER = "Brushing twice a day and flossing once a day keeps gums healthy, and a yearly checkup finds problems early. ";

/** Cuts or repeats a text to exactly `length` UTF-16 code units. */
function sized(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

/** The same shapes for every language that takes them. */
function forLanguages(name: string, text: () => string, exts: readonly string[] = ["md", "mdx", "txt"]): HostileInput[] {
  return exts.map((ext) => ({ name: `${name} (.${ext})`, uri: `hostile.${ext}`, text }));
}

/** Documents that have broken parsers, hung regular expressions or overflowed stacks elsewhere. */
export const HOSTILE_INPUTS: readonly HostileInput[] = [
  ...forLanguages("5,000 nested list markers on one line", () => "- ".repeat(5000) + PHI),
  ...forLanguages("5,000 nested block quote markers", () => "> ".repeat(5000) + PHI),
  ...forLanguages("lists nested 5,000 deep by indentation, cut at 1 MB", () => PHI + "\n\n" + sized(Array.from({ length: 5000 }, (_, i) => " ".repeat(i * 2) + "- " + FILLER).join("\n"), MB), ["md", "mdx"]),
  ...forLanguages("block quotes nested 5,000 deep line by line, cut at 1 MB", () => PHI + "\n\n" + sized(Array.from({ length: 5000 }, (_, i) => ">".repeat(i + 1) + " " + FILLER).join("\n"), MB), ["md"]),
  ...forLanguages("a 1 MB single line of prose", () => PHI + " " + sized(FILLER, MB)),
  ...forLanguages("a 1 MB single line without spaces", () => "a".repeat(MB), ["md", "txt"]),
  ...forLanguages("a 256 KB paragraph after a stray bracket", () => "[ " + PHI + " " + sized(FILLER, 256 * 1024)),
  ...forLanguages("a 50,000-line paragraph", () => PHI + "\n" + "lorem ipsum dolor sit amet\n".repeat(50_000), ["md", "txt"]),
  ...forLanguages("a 200 KB paragraph dense with identifiers", () => sized(PHI + " ", 200 * 1024), ["txt"]),
  ...forLanguages("emphasis delimiters 5,000 deep", () => "*_".repeat(5000) + PHI + "_*".repeat(5000)),
  ...forLanguages("100,000 unclosed HTML comments", () => "<!--".repeat(100_000)),
  ...forLanguages("an HTML block of 100,000 unclosed tags", () => "<div>\n" + "<a ".repeat(100_000)),
  ...forLanguages("100,000 unclosed img tags", () => "<div>\n" + "<img alt='x' ".repeat(50_000), ["md", "mdx"]),
  ...forLanguages("unclosed link brackets", () => "[".repeat(50_000) + "](".repeat(10_000)),
  ...forLanguages("JSX elements nested 5,000 deep", () => "<a>".repeat(5000) + PHI + "</a>".repeat(5000)),
  ...forLanguages("unbalanced JSX", () => `<Testimonial name="Jane Roe">\n\n${PHI}\n\n<Card title={"x"}>\n\n</Other>\n<Gallery`),
  ...forLanguages("broken YAML front matter", () => `---\ntitle: [unclosed\n  patient: : Jane Roe\n\t- bad: {\n---\n${PHI}\n`),
  ...forLanguages("unclosed front matter", () => `---\ntitle: x\npatient: Jane Roe\n${PHI}\n`),
  ...forLanguages("broken TOML front matter", () => `+++\ntags = ["a", "b\ntitle = "unclosed\n${"x = [\"\\".repeat(20_000)}\n+++\n${PHI}\n`),
  ...forLanguages("NUL bytes", () => `${PHI}\u0000\u0000${PHI}`),
  ...forLanguages("lone UTF-16 surrogates", () => `Jane \ud800Roe was seen \udc00 on 03/14/2024.\n\n\udbff${PHI}\ud83d`),
  ...forLanguages("mixed CRLF, CR and LF line ends", () => `# Title\r\n\r${PHI}\r\n- item\r- item 2\n> quote\r\n\r\n<!-- safeharbor-disable-next-line -- reason -->\r${PHI}\r`),
  ...forLanguages("control characters and BOM", () => `\ufeff${PHI}\u0001\u0002\u001b[31m red \u007f\u2028\u2029${PHI}`),
  ...forLanguages("a fenced code block that never closes", () => "```\n" + sized(PHI + "\n", 200_000)),
  ...forLanguages("100,000 unclosed MDX comments", () => "{/*".repeat(100_000), ["mdx"]),
  ...forLanguages("a table with 2,000 columns", () => `| ${"a | ".repeat(2000)}\n| ${"--- | ".repeat(2000)}\n| ${"Jane Roe | ".repeat(2000)}\n`),
  ...forLanguages("50,000 directives", () => "<!-- safeharbor-disable phi -->\n".repeat(25_000) + "<!-- safeharbor-enable -->\n".repeat(25_000) + PHI),
];

/** The most a lint run may take for a text of this length: a hang detector, not a benchmark. */
export function timeBound(length: number): number {
  return 10_000 + Math.ceil((length / 1024) * 100);
}

/** The outcome of one measured lint run. */
export interface MeasuredRun {
  ms: number;
  findings: Finding[];
  error?: unknown;
  /** Findings whose range is outside the document or reversed. */
  outside: Finding[];
}

/** Lints a text, measuring the time; never throws (the error is returned). */
export function lintMeasured(text: string, uri: string, config: ResolvedConfig = defaultConfig()): MeasuredRun {
  const start = performance.now();
  try {
    const { findings } = linter.lint({ uri, text, config });
    const ms = performance.now() - start;
    const outside = findings.filter((f) => !(Number.isInteger(f.range.start) && Number.isInteger(f.range.end) && 0 <= f.range.start && f.range.start <= f.range.end && f.range.end <= text.length));
    return { ms, findings, outside };
  } catch (error) {
    return { ms: performance.now() - start, findings: [], error, outside: [] };
  }
}

/** A 5 MB blog archive: ordinary posts with a patient story every few posts. */
export function fiveMegabytePost(): string {
  const post = (i: number): string =>
    `## Clinic news ${i}\n\n${FILLER.repeat(8)}\n\n` + (i % 5 === 0 ? `${PHI}\n\n` : "") + `- ${FILLER}\n- ${FILLER}\n\n> ${FILLER}\n\n`;
  let out = "";
  for (let i = 0; out.length < 5 * MB; i++) out += post(i);
  return out.slice(0, 5 * MB);
}
