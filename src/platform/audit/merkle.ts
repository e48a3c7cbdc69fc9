// The Merkle tree of RFC 9162 (Certificate Transparency 2.0, §2.1), as transparency logs use it: leaf and node hashes
// with distinct prefixes, inclusion and consistency proofs and their verification. No maintained JavaScript package
// offers the consistency proofs, so the RFC's algorithms are written out here and tested against the definition.
import crypto from 'node:crypto';

export type Hash = Buffer;

const sha256 = (...parts: Buffer[]): Hash => {
  const h = crypto.createHash('sha256');
  for (const part of parts) h.update(part);
  return h.digest();
};

export const EMPTY_ROOT: Hash = sha256();
export const leafHash = (data: Buffer): Hash => sha256(Buffer.from([0]), data);
export const nodeHash = (left: Hash, right: Hash): Hash => sha256(Buffer.from([1]), left, right);

// Sizes and indexes are plain numbers up to 2^53: halved by division, never by 32-bit shifts.
const half = (x: number) => Math.floor(x / 2);
const isPowerOfTwo = (n: number) => n > 0 && 2 ** Math.round(Math.log2(n)) === n;

/** The largest power of two smaller than n (n ≥ 2): where RFC 9162 splits a tree of n leaves. */
function split(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** The hash of a complete subtree: `level` levels high, the `idx`th of its level (level 0: the leaves). */
export type NodeAt = (level: number, idx: number) => Hash;

/** MTH(D[start:end]) from the complete subtrees it is made of. */
export function subtreeHash(node: NodeAt, start: number, end: number): Hash {
  const n = end - start;
  if (n === 0) return EMPTY_ROOT;
  if (isPowerOfTwo(n) && start % n === 0) return node(Math.round(Math.log2(n)), start / n);
  const k = split(n);
  return nodeHash(subtreeHash(node, start, start + k), subtreeHash(node, start + k, end));
}

/** PATH(m, D[start:end]) of RFC 9162 §2.1.3.1: the audit path of leaf m (relative to start). */
export function inclusionProof(node: NodeAt, m: number, start: number, end: number): Hash[] {
  const n = end - start;
  if (n <= 1) return [];
  const k = split(n);
  return m < k
    ? [...inclusionProof(node, m, start, start + k), subtreeHash(node, start + k, end)]
    : [...inclusionProof(node, m - k, start + k, end), subtreeHash(node, start, start + k)];
}

/** PROOF(m, D[0:n]) of RFC 9162 §2.1.4.1: that the tree of m leaves is the first m leaves of the tree of n. */
export function consistencyProof(node: NodeAt, m: number, n: number): Hash[] {
  if (m === 0 || m === n) return [];
  const sub = (m: number, start: number, end: number, whole: boolean): Hash[] => {
    const size = end - start;
    if (m === size) return whole ? [] : [subtreeHash(node, start, end)];
    const k = split(size);
    return m <= k
      ? [...sub(m, start, start + k, whole), subtreeHash(node, start + k, end)]
      : [...sub(m - k, start + k, end, false), subtreeHash(node, start, start + k)];
  };
  return sub(m, 0, n, true);
}

/** Shifts both counters right until the first is odd or zero (RFC 9162's step after a left-hand sibling). */
function shiftUntilOdd(c: { fn: number; sn: number }): void {
  while (c.fn % 2 === 0 && c.fn !== 0) {
    c.fn = half(c.fn);
    c.sn = half(c.sn);
  }
}

/** RFC 9162 §2.1.3.2: does `proof` lead from leaf `index`'s hash to `root` in a tree of `size` leaves? */
export function verifyInclusion(leaf: Hash, index: number, size: number, proof: Hash[], root: Hash): boolean {
  if (index >= size) return false;
  const c = { fn: index, sn: size - 1 };
  let r = leaf;
  for (const p of proof) {
    if (c.sn === 0) return false;
    if (c.fn % 2 === 1 || c.fn === c.sn) {
      r = nodeHash(p, r);
      shiftUntilOdd(c);
    } else r = nodeHash(r, p);
    c.fn = half(c.fn);
    c.sn = half(c.sn);
  }
  return c.sn === 0 && r.equals(root);
}

/** RFC 9162 §2.1.4.2: does `proof` show that the tree of `first` leaves is the start of the tree of `second`? */
export function verifyConsistency(first: number, second: number, firstRoot: Hash, secondRoot: Hash, proof: Hash[]) {
  if (first > second) return false;
  if (first === second) return proof.length === 0 && firstRoot.equals(secondRoot);
  if (first === 0) return proof.length === 0;
  if (proof.length === 0) return false;
  const path = isPowerOfTwo(first) ? [firstRoot, ...proof] : proof;
  const c = { fn: first - 1, sn: second - 1 };
  while (c.fn % 2 === 1) {
    c.fn = half(c.fn);
    c.sn = half(c.sn);
  }
  let fr = path[0]!;
  let sr = path[0]!;
  for (const h of path.slice(1)) {
    if (c.sn === 0) return false;
    if (c.fn % 2 === 1 || c.fn === c.sn) {
      fr = nodeHash(h, fr);
      sr = nodeHash(h, sr);
      shiftUntilOdd(c);
    } else sr = nodeHash(sr, h);
    c.fn = half(c.fn);
    c.sn = half(c.sn);
  }
  return c.sn === 0 && fr.equals(firstRoot) && sr.equals(secondRoot);
}

/**
 * The right edge of a growing tree: the roots of its complete subtrees, largest first. Appending a leaf merges equal
 * subtrees, reporting each new complete node, so that a sealer stores them and a verifier recomputes roots as it
 * walks the leaves.
 */
export class Frontier {
  private readonly stack: { level: number; hash: Hash }[];
  constructor(
    public size = 0,
    nodes: Hash[] = [],
  ) {
    const levels: number[] = [];
    for (let level = 52; level >= 0; level--) if (Math.floor(size / 2 ** level) % 2 === 1) levels.push(level);
    if (levels.length !== nodes.length) throw new Error('a frontier needs one node per complete subtree');
    this.stack = levels.map((level, i) => ({ level, hash: nodes[i]! }));
  }

  /** The complete subtrees' (level, idx) for a tree of `size` leaves, largest first: what the constructor takes. */
  static positions(size: number): { level: number; idx: number }[] {
    const out: { level: number; idx: number }[] = [];
    for (let level = 52; level >= 0; level--) {
      const span = 2 ** level;
      if (Math.floor(size / span) % 2 === 1) out.push({ level, idx: Math.floor(size / span) - 1 });
    }
    return out;
  }

  append(leaf: Hash, completed?: (level: number, idx: number, hash: Hash) => void): void {
    this.stack.push({ level: 0, hash: leaf });
    this.size++;
    while (this.stack.length >= 2 && this.stack.at(-1)!.level === this.stack.at(-2)!.level) {
      const right = this.stack.pop()!;
      const left = this.stack.pop()!;
      const merged = { level: right.level + 1, hash: nodeHash(left.hash, right.hash) };
      this.stack.push(merged);
      completed?.(merged.level, this.size / 2 ** merged.level - 1, merged.hash);
    }
  }

  root(): Hash {
    if (this.stack.length === 0) return EMPTY_ROOT;
    let acc = this.stack.at(-1)!.hash;
    for (let i = this.stack.length - 2; i >= 0; i--) acc = nodeHash(this.stack[i]!.hash, acc);
    return acc;
  }
}
