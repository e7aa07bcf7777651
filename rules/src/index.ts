// The rule catalogue: every rule, in the order of the README table.
import type { Rule } from "@safeharbor/server/engine";
import claimOutcomeGuarantee from "./claim/outcome-guarantee";

export { defineRule, withAuthorization, AUTHORIZATION_MESSAGES } from "./define";

/** Every rule that ships. */
export const rules: readonly Rule[] = [claimOutcomeGuarantee];
