// The order tests run in: shuffled by a seed, so an order dependence shows up and can be replayed.
// `LODESTAR_TEST_SEED=N npm test` replays the order of a run that printed `test order seed: N`.
import { randomInt } from 'crypto';

/** The seed from LODESTAR_TEST_SEED, or a fresh random one; throws on a value that is not a whole number. */
export function testOrderSeed(env: NodeJS.ProcessEnv = process.env): number {
  const given = env.LODESTAR_TEST_SEED?.trim();
  if (!given) return randomInt(1, 2 ** 31 - 1);
  if (!/^\d{1,15}$/.test(given)) throw new Error(`LODESTAR_TEST_SEED must be a whole number, not "${given}"`);
  return Number(given);
}

/** A 32-bit hash of a string (FNV-1a), to derive one stream of numbers per tier and scenario from one seed. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** Numbers in [0, 1) from `seed` and a label (mulberry32): the same seed and label give the same sequence. */
export function orderRandom(seed: number, label: string): () => number {
  let state = hash(`${seed}:${label}`);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Shuffles `items` in place (Fisher–Yates) and returns it. */
export function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

/** What a mocha suite looks like to the shuffler (a structural type, so the extension host needs no harness import of mocha). */
export interface ShufflableSuite {
  suites: ShufflableSuite[];
  tests: unknown[];
}

/**
 * Shuffles a loaded mocha suite tree in place: the files' top-level `describe`s among themselves, and the
 * tests and nested suites of each. Hooks stay where they are, so each `before`/`after` still wraps its suite.
 */
export function shuffleSuiteTree(root: ShufflableSuite, random: () => number): void {
  shuffle(root.suites, random);
  shuffle(root.tests, random);
  for (const suite of root.suites) shuffleSuiteTree(suite, random);
}

/**
 * How many more times a failing test runs (unit and extension-host tiers): LODESTAR_TEST_RETRIES, 1 by default.
 * A second try that passes still shows in the run's summary, with the first try's error.
 */
export function testRetries(): number {
  const n = Number(process.env.LODESTAR_TEST_RETRIES ?? 1);
  return Number.isInteger(n) && n >= 0 ? n : 1;
}
