"""The exact core: split numbers that sum to zero into the largest number of zero-sum groups.

Paying a zero-sum group of k parties takes k - 1 transfers and no plan can do better than that per
group, so the fewest transfers for n nonzero positions is n minus the largest number of disjoint
zero-sum groups.

Why bit sets: the textbook dynamic programme over the 2^n subsets takes n * 2^n steps, about 20
million for n = 20, which is seconds in pure Python. Here every family of subsets is one Python
integer with bit m set when subset m (bit i of m = item i) belongs to the family, so one integer
operation handles all 2^n subsets at C speed:

* ``zero``: the zero-sum subsets, built meet-in-the-middle from the subset sums of each half
  (computed incrementally, 2 * 2^(n/2) additions) joined per block of bytes.
* ``levels[k]``: the zero-sum subsets that split into at least k zero-sum groups. A zero-sum set
  has at least k + 1 groups exactly when it strictly contains a set with at least k groups (the
  difference of two zero-sum sets sums to zero), so each level is ``zero`` intersected with the
  strict up-closure of the level before: 2n shift-and-or steps.
* The answer is the highest level that holds the full set; the groups are read back down the
  levels, each time taking the numerically largest strict subset on the level below, which makes
  the result depend on the order of the items only, never on hashing.
"""

from collections.abc import Sequence

_BYTE_PATTERNS = (0x55, 0x33, 0x0F)  # bytes of the subsets without bit 0, 1, 2
_DIRECT_LIMIT = 6  # below this many items the bit sets are shorter than a byte block


def max_zero_sum_partition(values: Sequence[int]) -> list[tuple[int, ...]]:
    """Indices of ``values`` split into the largest number of groups that each sum to zero.

    ``values`` must be nonzero integers that sum to zero. The groups are ordered by their first
    index and hold ascending indices; the same sequence always gives the same groups.
    """
    count = len(values)
    if sum(values):
        raise ValueError("max_zero_sum_partition needs values that sum to zero")
    if any(value == 0 for value in values):
        raise ValueError("max_zero_sum_partition needs nonzero values")
    if count == 0:
        return []
    full = (1 << count) - 1
    zero = _zero_sum_sets(values)
    without_bit = [_sets_without_bit(count, bit) for bit in range(count)]

    levels = [zero]  # levels[k]: zero-sum sets that split into at least k zero-sum groups
    while True:
        above = _strictly_above(levels[-1], without_bit)
        next_level = zero & above
        if not (next_level >> full) & 1:
            break
        levels.append(next_level)

    group_masks: list[int] = []
    current = full
    for level in reversed(levels[1:-1]):
        candidates = level & _subsets_of(current) & ~(1 << current)
        smaller = candidates.bit_length() - 1
        group_masks.append(current ^ smaller)
        current = smaller
    group_masks.append(current)
    groups = [tuple(i for i in range(count) if mask >> i & 1) for mask in group_masks]
    return sorted(groups)


def _subset_sums(values: Sequence[int]) -> list[int]:
    """Sum of every subset, indexed by its bit mask, each sum one addition from a smaller one."""
    sums = [0]
    for value in values:
        sums += [total + value for total in sums]
    return sums


def _zero_sum_sets(values: Sequence[int]) -> int:
    """Bit set of the zero-sum subsets (the empty set included), joined from the two halves."""
    count = len(values)
    if count < _DIRECT_LIMIT:
        return sum(1 << mask for mask, total in enumerate(_subset_sums(values)) if total == 0)
    low_count = count // 2
    low_sums = _subset_sums(values[:low_count])
    high_sums = _subset_sums(values[low_count:])
    by_sum: dict[int, int] = {}
    for low_mask, total in enumerate(low_sums):
        by_sum[total] = by_sum.get(total, 0) | (1 << low_mask)
    block_bytes = (1 << low_count) >> 3
    blocks = {total: bits.to_bytes(block_bytes, "little") for total, bits in by_sum.items()}
    empty = bytes(block_bytes)
    # Subset (high_mask << low_count) | low_mask sits in block high_mask at offset low_mask.
    joined = b"".join([blocks.get(-total, empty) for total in high_sums])
    return int.from_bytes(joined, "little")


def _sets_without_bit(count: int, bit: int) -> int:
    """Bit set of the subsets of ``count`` items that leave out item ``bit``."""
    size = 1 << count
    if bit >= 3:
        run = (1 << bit) >> 3
        period = b"\xff" * run + b"\x00" * run
        return int.from_bytes(period * (size >> (bit + 1)), "little")
    pattern = int.from_bytes(bytes([_BYTE_PATTERNS[bit]]) * max(1, size >> 3), "little")
    return pattern & ((1 << size) - 1)


def _strictly_above(family: int, without_bit: Sequence[int]) -> int:
    """Bit set of the sets that strictly contain a member of ``family``: add one item, close up."""
    above = 0
    for bit, outside in enumerate(without_bit):
        above |= (family & outside) << (1 << bit)
    for bit, outside in enumerate(without_bit):
        above |= (above & outside) << (1 << bit)
    return above


def _subsets_of(mask: int) -> int:
    """Bit set of the subsets of ``mask``."""
    subsets = 1
    bit = 0
    while mask >> bit:
        if mask >> bit & 1:
            subsets |= subsets << (1 << bit)
        bit += 1
    return subsets
