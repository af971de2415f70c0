package hub.report;

import hub.article.PlainText;
import hub.guideline.Guideline;

/** One guideline to evaluate against one article; the unit the evaluation route splits a job into. */
public record GuidelineTask(Guideline guideline, PlainText article, String title, String language) {}
