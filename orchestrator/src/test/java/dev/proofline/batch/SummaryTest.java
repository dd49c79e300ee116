package dev.proofline.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SummaryTest {
    @Test
    void passAtKIsTheUnbiasedEstimator() {
        assertEquals(0.2, Summary.passAtK(5, 1, 1), 1e-12);
        assertEquals(0.0, Summary.passAtK(5, 0, 3), 1e-12);
        assertEquals(1.0, Summary.passAtK(5, 5, 1), 1e-12);
        // 1 - C(7,5)/C(10,5) = 1 - 21/252
        assertEquals(1 - 21.0 / 252, Summary.passAtK(10, 3, 5), 1e-12);
        assertEquals(1.0, Summary.passAtK(10, 6, 5), 1e-12);
    }
}
