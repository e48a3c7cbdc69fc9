import { describe, expect, it } from 'vitest';
import {
  EMPTY_ROOT,
  Frontier,
  consistencyProof,
  inclusionProof,
  leafHash,
  nodeHash,
  subtreeHash,
  verifyConsistency,
  verifyInclusion,
  type Hash,
  type NodeAt,
} from './merkle.ts';

const leaves = Array.from({ length: 70 }, (_, i) => leafHash(Buffer.from(`entry ${i}`)));

/** MTH as RFC 9162 §2.1.1 defines it, straight from the leaves: what everything else must agree with. */
function mth(d: Hash[]): Hash {
  if (d.length === 0) return EMPTY_ROOT;
  if (d.length === 1) return d[0]!;
  let k = 1;
  while (k * 2 < d.length) k *= 2;
  return nodeHash(mth(d.slice(0, k)), mth(d.slice(k)));
}

const nodeOf: NodeAt = (level, idx) => mth(leaves.slice(idx * 2 ** level, (idx + 1) * 2 ** level));

describe('Merkle tree (RFC 9162)', () => {
  it('computes roots from complete subtrees and from a growing frontier as the definition does', () => {
    const frontier = new Frontier();
    const stored = new Map<string, Hash>();
    for (let n = 1; n <= leaves.length; n++) {
      frontier.append(leaves[n - 1]!, (level, idx, hash) => stored.set(`${level}/${idx}`, hash));
      const expected = mth(leaves.slice(0, n));
      expect(frontier.root().equals(expected)).toBe(true);
      expect(subtreeHash(nodeOf, 0, n).equals(expected)).toBe(true);
      // A frontier rebuilt from its stored positions continues the same tree.
      const again = new Frontier(
        n,
        Frontier.positions(n).map(({ level, idx }) => (level === 0 ? leaves[idx]! : stored.get(`${level}/${idx}`)!)),
      );
      expect(again.root().equals(expected)).toBe(true);
    }
    expect(new Frontier().root().equals(EMPTY_ROOT)).toBe(true);
  });

  it('proves and verifies every leaf of every tree size, and refuses a wrong leaf, index or root', () => {
    for (let n = 1; n <= 40; n++) {
      const root = mth(leaves.slice(0, n));
      for (let m = 0; m < n; m++) {
        const proof = inclusionProof(nodeOf, m, 0, n);
        expect(verifyInclusion(leaves[m]!, m, n, proof, root)).toBe(true);
        expect(verifyInclusion(leaves[m + 1]!, m, n, proof, root)).toBe(false);
        if (n > 1) expect(verifyInclusion(leaves[m]!, (m + 1) % n, n, proof, root)).toBe(false);
        expect(verifyInclusion(leaves[m]!, m, n, proof, leaves[0]!)).toBe(n === 1 && m === 0);
      }
    }
  });

  it('proves that every smaller tree is the start of every larger one, and refuses a log that was rewritten', () => {
    const rewritten = leaves.map((leaf, i) => (i === 5 ? leafHash(Buffer.from('forged')) : leaf));
    for (let n = 1; n <= 40; n++) {
      const second = mth(leaves.slice(0, n));
      for (let m = 1; m <= n; m++) {
        const first = mth(leaves.slice(0, m));
        const proof = consistencyProof(nodeOf, m, n);
        expect(verifyConsistency(m, n, first, second, proof)).toBe(true);
        if (m > 5) expect(verifyConsistency(m, n, mth(rewritten.slice(0, m)), second, proof)).toBe(false);
        if (m < n) expect(verifyConsistency(m, n, first, mth(leaves.slice(0, n - 1)), proof)).toBe(false);
      }
    }
    expect(verifyConsistency(3, 2, EMPTY_ROOT, EMPTY_ROOT, [])).toBe(false);
    expect(verifyConsistency(2, 3, mth(leaves.slice(0, 2)), mth(leaves.slice(0, 3)), [])).toBe(false);
  });

  it('works beyond 2^32 leaves (no 32-bit arithmetic), on a tree whose leaves are all alike', () => {
    const levels = [leaves[0]!];
    for (let l = 1; l <= 40; l++) levels.push(nodeHash(levels[l - 1]!, levels[l - 1]!));
    const alike: NodeAt = (level) => levels[level]!;
    for (const [m, n] of [
      [2 ** 31 + 3, 2 ** 31 + 5],
      [2 ** 32 + 1, 2 ** 33 + 7],
    ] as const) {
      const root = subtreeHash(alike, 0, n);
      expect(verifyInclusion(leaves[0]!, m, n, inclusionProof(alike, m, 0, n), root)).toBe(true);
      const first = subtreeHash(alike, 0, m);
      expect(verifyConsistency(m, n, first, root, consistencyProof(alike, m, n))).toBe(true);
      expect(verifyConsistency(m, n, root, root, consistencyProof(alike, m, n))).toBe(false);
    }
  });
});
