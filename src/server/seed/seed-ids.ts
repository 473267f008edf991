/**
 * Row ids for the seed: UUIDs of version 7 (RFC 9562), whose first 48 bits are a millisecond clock and the next 12 a
 * counter within it, so ids increase in the order rows are built. A million cases write tens of millions of rows:
 * with random (v4) ids every primary key and every index led by `case_id` takes its inserts all over the tree, which
 * stops fitting in memory long before the end; ordered ids add at the right edge. Ids are not part of what a seed
 * reproduces (the same run with another database gives other ids, as with v4).
 */

import { randomFillSync } from "node:crypto";

const entropy = Buffer.alloc(8 * 1024);
let entropyOffset = entropy.length;
let lastMs = 0;
let sequence = 0;

export function seedId(): string {
  const now = Date.now();
  if (now > lastMs) {
    lastMs = now;
    sequence = 0;
  } else if (++sequence > 0xfff) {
    // More than 4,096 ids in one millisecond: borrow the next one, the clock catches up.
    lastMs += 1;
    sequence = 0;
  }
  if (entropyOffset + 8 > entropy.length) {
    randomFillSync(entropy);
    entropyOffset = 0;
  }
  // The variant's two bits (10), then 62 random bits.
  entropy[entropyOffset] = 0x80 | ((entropy[entropyOffset] ?? 0) & 0x3f);
  const random = entropy.toString("hex", entropyOffset, entropyOffset + 8);
  entropyOffset += 8;
  const time = lastMs.toString(16).padStart(12, "0");
  const counter = (0x7000 | sequence).toString(16);
  return `${time.slice(0, 8)}-${time.slice(8)}-${counter}-${random.slice(0, 4)}-${random.slice(4)}`;
}
