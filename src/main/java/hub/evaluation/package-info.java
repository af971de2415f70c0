/**
 * The evaluation command (docs/evaluation.md): runs a labelled corpus ({@code eval/corpus/**.yaml}) through the
 * hub's real flow (REST submission, queue, worker, report), compares each report with the labels and measures the
 * verdict quality. {@link hub.evaluation.EvaluationCommand} is the entry point behind {@code scripts/eval.sh};
 * {@link hub.evaluation.Metrics} holds the metric definitions. Nothing here is a Spring bean.
 */
package hub.evaluation;
