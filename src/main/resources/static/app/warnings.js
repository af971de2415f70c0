// The report's warnings, which the console shows in a banner above the findings (the hub writes them; a language
// mismatch between the article and the guideline set is one).

/** The report's warnings as the banner lists them: non-blank strings, in the report's order. */
export function reportWarnings(report) {
  return (report?.warnings ?? []).filter((w) => typeof w === 'string' && w.trim() !== '');
}

/**
 * One line on the article's language against the set's, for the banner when the languages disagree, e.g.
 * "Article language: de (detected, confidence 1), guideline set: en". Null when they agree or nothing is known.
 */
export function languageLine(language) {
  if (!language?.mismatch) return null;
  const article = language.declared
    ? `${language.declared} (declared${language.detected ? `; reads as ${language.detected}` : ''})`
    : `${language.detected} (detected${language.confidence != null ? `, confidence ${language.confidence}` : ''})`;
  return `Article language: ${article}, guideline set: ${language.set ?? 'none'}`;
}

/**
 * The article's language as the report states it, shown under the score whether or not it matches the set, e.g.
 * "Language: en (declared) · guideline set: en". Null when the report says nothing about it.
 */
export function languageSummary(language) {
  const article = language?.declared ?? language?.detected;
  if (!article) return null;
  return `Language: ${article} (${language.declared ? 'declared' : 'detected'})`
      + `${language.set ? ` · guideline set: ${language.set}` : ''}${language.mismatch ? ' (mismatch)' : ''}`;
}
