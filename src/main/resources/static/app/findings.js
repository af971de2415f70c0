// The report's findings as the console shows them, and the text split into highlight segments.
// Offsets are UTF-16 code units (JavaScript string indices), as the hub counts them (docs/decisions/0004).

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 };

/**
 * Every guideline finding of a report, flattened, with a stable id (f0, f1, ...) in report order; findings the model
 * overruled are marked and not located, so they are neither highlighted nor commented.
 */
export function flattenFindings(report) {
  const out = [];
  for (const g of report?.guidelines ?? []) {
    for (const f of g.findings ?? []) {
      out.push({
        ...f,
        id: `f${out.length}`,
        guidelineId: g.guidelineId,
        guidelineTitle: g.title ?? g.guidelineId,
        severity: g.severity ?? 'info',
        verdict: g.verdict,
        overruled: Boolean(f.overruledBy),
        // An overruled rule hit is listed with the model's reason but not highlighted: it is no violation.
        located: Number.isInteger(f.offset) && f.length > 0 && !f.overruledBy,
      });
    }
  }
  return out;
}

/** Guidelines ordered by verdict (failures first) then severity, for the report view. */
export function orderedGuidelines(report) {
  const verdictOrder = { FAIL: 0, ERROR: 1, WARN: 2, NOT_EVALUATED: 3, PASS: 4, NOT_APPLICABLE: 5 };
  return [...(report?.guidelines ?? [])].sort((a, b) =>
    (verdictOrder[a.verdict] ?? 9) - (verdictOrder[b.verdict] ?? 9)
    || (SEVERITY_ORDER[a.severity] ?? 9) - (SEVERITY_ORDER[b.severity] ?? 9));
}

/**
 * The text cut at every finding boundary: [{start, end, ids}] covering the whole text in order, where ids are the
 * located findings covering that piece (empty for plain text). Overlapping findings share pieces.
 */
export function segments(text, findings) {
  const located = findings.filter((f) => f.located && f.offset + f.length <= text.length);
  const cuts = new Set([0, text.length]);
  for (const f of located) {
    cuts.add(f.offset);
    cuts.add(f.offset + f.length);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i];
    const end = points[i + 1];
    const ids = located.filter((f) => f.offset <= start && f.offset + f.length >= end).map((f) => f.id);
    out.push({ start, end, ids });
  }
  return out;
}

/**
 * The findings after the text [offset, offset+length) was replaced by a text of newLength: the edited finding is
 * dropped, findings after it move, findings overlapping it lose their location.
 */
export function shiftAfterEdit(findings, edited, newLength) {
  const delta = newLength - edited.length;
  const editEnd = edited.offset + edited.length;
  return findings.filter((f) => f.id !== edited.id).map((f) => {
    if (!f.located || f.offset + f.length <= edited.offset) return f;
    if (f.offset >= editEnd) return { ...f, offset: f.offset + delta };
    return { ...f, located: false };
  });
}

/**
 * Whether a finding's suggestion reads as replacement text ("chair" for "chairman") rather than advice ("Describe
 * the target return."): advice is a sentence, so a suggestion ending like a sentence only replaces a quote that is
 * one too, and is not a short instruction about a much longer quote ("Split it into shorter sentences.").
 * Only replacements get an "Apply suggestion" button.
 */
export function isReplacement(finding) {
  const suggestion = finding.suggestion?.trim();
  if (!suggestion || !finding.located) return false;
  const sentence = /[.!?]["”’')]*$/;
  if (!sentence.test(suggestion)) return true;
  const quote = finding.quote.trim();
  return sentence.test(quote) && suggestion.length >= quote.length / 2;
}

/** The link of a GTC finding: the document's PDF at the finding's page, when the report names the document. */
export function gtcLink(finding, documents) {
  const doc = (documents ?? []).find((d) => d.id === finding.gtcId);
  if (!doc?.pdfUrl) return null;
  return Number.isInteger(finding.page) ? `${doc.pdfUrl}#page=${finding.page}` : doc.pdfUrl;
}
