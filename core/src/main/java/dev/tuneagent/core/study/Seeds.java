package dev.tuneagent.core.study;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/** Derives independent, reproducible seeds from a study seed and salts (SplitMix64 finalizer). */
public final class Seeds {
    private Seeds() {
    }

    public static long mix(long seed, long... salts) {
        long h = scramble(seed ^ 0x9E3779B97F4A7C15L);
        for (long s : salts) {
            h = scramble(h ^ scramble(s + 0x632BE59BD9B4E019L));
        }
        return h;
    }

    public static RandomGenerator rng(long seed, long... salts) {
        return new SplittableRandom(mix(seed, salts));
    }

    private static long scramble(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
