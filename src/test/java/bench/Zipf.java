package bench;

import java.util.Arrays;
import java.util.Random;

/** A Zipf(s) sampler over ranks 0..n-1 (rank 0 the most popular), by inverse CDF on a seeded RNG. */
final class Zipf {

    private final double[] cdf;
    private final Random random;

    Zipf(int n, double s, long seed) {
        cdf = new double[n];
        double sum = 0;
        for (int k = 1; k <= n; k++) {
            sum += 1 / Math.pow(k, s);
            cdf[k - 1] = sum;
        }
        for (int i = 0; i < n; i++) {
            cdf[i] /= sum;
        }
        random = new Random(seed);
    }

    int next() {
        int i = Arrays.binarySearch(cdf, random.nextDouble());
        return Math.min(cdf.length - 1, i >= 0 ? i : -i - 1);
    }
}
