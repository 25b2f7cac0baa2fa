package io.devstack.common.redis;

/** A contiguous range of hash slots, both ends included. */
public record SlotRange(int start, int end) {

    public int count() {
        return end - start + 1;
    }
}
