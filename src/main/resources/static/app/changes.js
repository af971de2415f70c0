// What changed between two checks of the same article, from the two reports' findings: fixed, new and still open.
// Works with any hub; the hub's own reuse figures (report.changes, finding.reused) are shown beside it when present.

/** A finding's identity across checks: where the text moved, the quote and the rule stay the same. */
export function findingKey(f) {
  return `${f.guidelineId}\u0000${f.checkId ?? ''}\u0000${f.quote ?? f.message ?? ''}`;
}

/** {fixed, added, open}: findings of previous only, of next only, and of both (as they are in next). */
export function compareFindings(previous, next) {
  const remaining = new Map();
  for (const f of previous) {
    const key = findingKey(f);
    remaining.set(key, [...(remaining.get(key) ?? []), f]);
  }
  const added = [];
  const open = [];
  for (const f of next) {
    const same = remaining.get(findingKey(f));
    if (same?.length) {
      same.shift();
      open.push(f);
    } else {
      added.push(f);
    }
  }
  const fixed = [...remaining.values()].flat();
  return { fixed, added, open };
}
