package io.badges.tools;

import java.util.Arrays;
import java.util.Random;

/** Ranks 0..n-1 drawn with probability proportional to 1/(rank+1)^exponent (inverse CDF). */
final class Zipf {

    private final double[] cumulative;
    private final Random random;

    Zipf(int n, double exponent, Random random) {
        this.random = random;
        this.cumulative = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += 1 / Math.pow(i + 1, exponent);
            cumulative[i] = sum;
        }
        for (int i = 0; i < n; i++) {
            cumulative[i] /= sum;
        }
    }

    int next() {
        int i = Arrays.binarySearch(cumulative, random.nextDouble());
        return Math.min(cumulative.length - 1, i >= 0 ? i : -i - 1);
    }
}
