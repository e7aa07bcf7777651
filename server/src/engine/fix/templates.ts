// Compliant templates from rules/templates, with {practice.*} slots filled from the config.
import type { ResolvedConfig } from "../config/types";
import type { Language } from "../types";
import templates from "../../../../rules/templates/templates.json";
import { stateName } from "./places";

type TemplateSet = Record<string, Record<string, string>>;

/** Placeholders shown when the config has no value, so a writer sees what to fill in. */
const PLACEHOLDER: Record<"en" | "es", Record<string, string>> = {
  en: { phone: "[office phone]", fax: "[office fax]", email: "[office email]", name: "[practice name]", url: "[practice website]", state: "[state]" },
  es: { phone: "[teléfono de la oficina]", fax: "[fax de la oficina]", email: "[correo de la oficina]", name: "[nombre de la consulta]", url: "[sitio web de la consulta]", state: "[estado]" },
};

/** The practice values a template may name, from the config. */
function practiceValues(config: ResolvedConfig): Record<string, string | undefined> {
  const p = config.practice;
  return { phone: p.phones[0], fax: p.faxes[0], email: p.emails[0], name: p.names[0], url: p.urls[0], state: stateName(p.state) };
}

/**
 * The text of a template in the configured language, with its slots filled. `{practice.phone}`,
 * `{practice.fax}`, `{practice.email}`, `{practice.name}`, `{practice.url}` and `{practice.state}`
 * come from the config; `{key}` slots from `slots`. A slot with no value stays visible, e.g.
 * `[office phone]`. A config's `templates` entry (`"review-reply"`, or `"es.review-reply"` for one
 * language) overrides the shipped text.
 */
export function renderTemplate(id: string, config: ResolvedConfig, slots: Record<string, string> = {}): string {
  const set = templates as unknown as TemplateSet;
  const lang = config.language === "es" ? "es" : "en";
  const text = config.templates[`${lang}.${id}`] ?? config.templates[id] ?? set[lang]?.[id] ?? set.en[id] ?? id;
  const values = practiceValues(config);
  return text.replace(/\{(practice\.)?([\w-]+)\}/g, (_whole, practice: string | undefined, key: string) => {
    const value = practice ? values[key] : slots[key];
    if (value) return value;
    return PLACEHOLDER[lang][key] ?? `[${key}]`;
  });
}

/** A template text made safe for the document's syntax: no JSX expressions or tags in MDX, no HTML in Markdown. */
export function escapeForLanguage(text: string, language: Language): string {
  if (language === "plaintext") return text;
  const escaped = text.replace(/</g, "&lt;");
  return language === "mdx" ? escaped.replace(/[{}]/g, (c) => `\\${c}`) : escaped;
}

/** Ids of the templates that ship. */
export function templateIds(): string[] {
  return Object.keys((templates as unknown as TemplateSet).en);
}
