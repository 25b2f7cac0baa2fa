package io.devstack.infra.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RedisClusterInitializerTest {

    @Test
    void threeMastersGetTheRangesRedisCliWouldGive() {
        List<int[]> ranges = RedisClusterInitializer.slotRanges(3);
        assertThat(ranges).containsExactly(new int[] {0, 5460}, new int[] {5461, 10922}, new int[] {10923, 16383});
    }

    @Test
    void anyNodeCountCoversEverySlotExactlyOnce() {
        for (int count = 1; count <= 7; count++) {
            List<int[]> ranges = RedisClusterInitializer.slotRanges(count);
            assertThat(ranges.getFirst()[0]).isZero();
            assertThat(ranges.getLast()[1]).isEqualTo(RedisClusterInitializer.SLOTS - 1);
            for (int i = 1; i < ranges.size(); i++) {
                assertThat(ranges.get(i)[0]).isEqualTo(ranges.get(i - 1)[1] + 1);
            }
        }
    }
}
