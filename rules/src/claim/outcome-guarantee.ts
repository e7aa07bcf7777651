// claim/outcome-guarantee: promises of treatment outcomes ("guaranteed to cure", "100% success").
import { proseRange } from "@safeharbor/server/engine";
import { defineRule } from "../define";

export default defineRule({
  meta: {
    id: "claim/outcome-guarantee",
    family: "claim",
    description: "Flags guarantees of treatment outcomes; hedged language is fine.",
    severity: "warning",
    hipaa: "FTC Act §5; state medical advertising rules",
    category: "Outcome guarantee",
    fixable: false,
    messages: {
      guarantee: "Promises a treatment outcome; health advertising must not guarantee results. Say what the treatment aims to do and that results vary.",
    },
    docs: `Health care advertising may not promise outcomes: "guaranteed to cure", "100% success rate" or
"permanent results" are deceptive claims under the FTC Act and most state medical board rules, and
they set expectations that a patient's own story will later contradict. Describe what the treatment
aims to do and that results vary from person to person. Hedged statements ("results vary",
"most patients notice") are not flagged.`,
  },
  check({ analysis, document, report }) {
    for (const s of analysis.sentences) {
      // a hedge, or a question ("Can you guarantee my results?"), promises nothing
      if (s.cues.some((c) => c.kind === "hedge") || /\?["”’)*_\s]*$/.test(s.text)) continue;
      const block = document.blocks[s.block];
      // overlapping phrases of one promise ("100% success", "100% success rate") are one finding
      let last = -1;
      for (const cue of s.cues) {
        if (cue.kind !== "guarantee" || cue.start < last) continue;
        const end = Math.max(cue.end, ...s.cues.filter((o) => o.kind === "guarantee" && o.start >= cue.start && o.start < cue.end).map((o) => o.end));
        last = end;
        report({ messageId: "guarantee", range: proseRange(block, cue.start, end) });
      }
    }
  },
});
