package hub.vale;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTagFormat;
import opennlp.tools.postag.POSTaggerME;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Penn Treebank part-of-speech tags for Vale's {@code sequence} rules: Apache OpenNLP's maximum-entropy tagger with
 * OpenNLP's English model {@code en-pos-maxent.bin} (from the classpath). Vale itself tags with prose's averaged
 * perceptron; both models use the Penn Treebank tag set, but they were trained apart and can tag a word differently.
 * The model (5.7 MB, about 2 s and 30 MB of heap to load) is read once per JVM, the first time a sentence needs
 * tags, so a set without {@code sequence} rules never pays for it.
 */
final class PosTagger {

    static final String MODEL = "/en-pos-maxent.bin";

    private static final Logger log = LoggerFactory.getLogger(PosTagger.class);

    private PosTagger() {
    }

    /** Whether the model is on the classpath (checked when a rule loads, without reading the model). */
    static boolean available() {
        return PosTagger.class.getResource(MODEL) != null;
    }

    /** The tag of each word, in order. */
    static String[] tag(List<String> words) {
        return Tagger.INSTANCE.get().tag(words.toArray(String[]::new));
    }

    private static final class Tagger {

        private static final POSModel MODEL = load();
        // A POSTaggerME keeps per-call state; the model it reads is shared.
        static final ThreadLocal<POSTaggerME> INSTANCE =
                ThreadLocal.withInitial(() -> new POSTaggerME(MODEL, POSTagFormat.PENN));

        private static POSModel load() {
            long started = System.nanoTime();
            try (InputStream in = PosTagger.class.getResourceAsStream(PosTagger.MODEL)) {
                if (in == null) {
                    throw new IllegalStateException("no part-of-speech model " + PosTagger.MODEL + " on the classpath");
                }
                POSModel model = new POSModel(in);
                log.info("Vale part-of-speech model {} loaded in {} ms", PosTagger.MODEL,
                        (System.nanoTime() - started) / 1_000_000);
                return model;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the part-of-speech model " + PosTagger.MODEL, e);
            }
        }
    }
}
