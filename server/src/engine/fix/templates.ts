// Compliant templates from rules/templates, with {practice.*} slots filled from the config.
import type { ResolvedConfig } from "../config/types";
import templates from "../../../../rules/templates/templates.json";

type TemplateSet = Record<string, Record<string, string>>;

/** Placeholders shown when the config has no value, so a writer sees what to fill in. */
const PLACEHOLDER: Record<string, Record<string, string>> = {
  en: { phone: "[office phone]", email: "[office email]", name: "[practice name]", state: "[state]" },
  es: { phone: "[teléfono de la oficina]", email: "[correo de la oficina]", name: "[nombre de la consulta]", state: "[estado]" },
};

/** The text of a template in the configured language, with its slots filled. */
export function renderTemplate(id: string, config: ResolvedConfig): string {
  const set = templates as unknown as TemplateSet;
  const lang = config.language;
  const text = config.templates[id] ?? set[lang]?.[id] ?? set.en[id] ?? id;
  const values: Record<string, string | undefined> = {
    phone: config.practice.phones[0],
    email: config.practice.emails[0],
    name: config.practice.names[0],
    state: config.practice.state || undefined,
  };
  return text.replace(/\{practice\.(\w+)\}/g, (_m, key: string) => values[key] ?? PLACEHOLDER[lang]?.[key] ?? `[${key}]`);
}

/** Ids of the templates that ship. */
export function templateIds(): string[] {
  return Object.keys((templates as unknown as TemplateSet).en);
}
