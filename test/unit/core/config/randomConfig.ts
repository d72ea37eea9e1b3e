import { type JsonNode, JsonNumber } from '../../../../src/core/json/jsonValue';
import { dateLikeStrings, floatTokens, intTokens, longTextWords, numberLikeStrings, specialWords, syntaxStrings, whitespaceAndUnicode } from './trickyStrings';

/** A seeded pseudo-random source (mulberry32): the same seed always gives the same configs. */
export class SeededRandom {
	private state: number;

	constructor(seed: number) {
		this.state = seed >>> 0;
	}

	/** A float in [0, 1). */
	next(): number {
		this.state = (this.state + 0x6d2b79f5) >>> 0;
		let t = this.state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}

	/** An integer in [0, bound). */
	below(bound: number): number {
		return Math.floor(this.next() * bound);
	}

	pick<T>(items: readonly T[]): T {
		return items[this.below(items.length)];
	}

	chance(probability: number): boolean {
		return this.next() < probability;
	}
}

function recase(random: SeededRandom, word: string): string {
	switch (random.below(4)) {
		case 0: return word.toUpperCase();
		case 1: return word.charAt(0).toUpperCase() + word.slice(1);
		case 2: return Array.from(word, (char) => (random.chance(0.5) ? char.toUpperCase() : char.toLowerCase())).join('');
		default: return word;
	}
}

/** Words joined by single (sometimes double) spaces, long enough to fold at column 80. */
function longText(random: SeededRandom): string {
	const target = 40 + random.below(200);
	let text = random.pick(longTextWords);
	while (text.length < target) {
		text += (random.chance(0.1) ? '  ' : random.chance(0.03) ? '\n' : ' ') + random.pick(longTextWords);
	}
	return random.chance(0.1) ? text + ' ' : text;
}

function fragment(random: SeededRandom): string {
	switch (random.below(7)) {
		case 0: return recase(random, random.pick(specialWords));
		case 1: return random.pick(numberLikeStrings);
		case 2: return random.pick(dateLikeStrings);
		case 3: return random.pick(syntaxStrings);
		case 4: return random.pick(whitespaceAndUnicode);
		case 5: return random.pick(['lr', 'model', 'encoder', '_target_', 'data/', 'v1.2', 'x', 'a_b-c']);
		default: return random.chance(0.5) ? longText(random) : random.pick(longTextWords);
	}
}

/** A string made of one to three tricky fragments. */
export function randomString(random: SeededRandom): string {
	let text = fragment(random);
	const extra = random.chance(0.6) ? 0 : 1 + random.below(2);
	for (let index = 0; index < extra; index++) {
		text += (random.chance(0.5) ? '' : random.pick([' ', '_', ': ', ' #', '\n'])) + fragment(random);
	}
	return text;
}

function randomNumber(random: SeededRandom): JsonNumber {
	switch (random.below(4)) {
		case 0: return new JsonNumber(random.pick(intTokens));
		case 1: return new JsonNumber(random.pick(floatTokens));
		case 2: return new JsonNumber(String(random.below(2_000_001) - 1_000_000));
		default: {
			const magnitude = random.next() * 10 ** (random.below(60) - 30);
			// String() of a double is a valid JSON number token whose digits Python reads back exactly.
			return new JsonNumber(String(random.chance(0.3) ? -magnitude : magnitude));
		}
	}
}

function randomScalar(random: SeededRandom): JsonNode {
	const roll = random.below(10);
	if (roll < 5) {
		return randomString(random);
	}
	if (roll < 8) {
		return randomNumber(random);
	}
	return roll === 8 ? random.chance(0.5) : null;
}

function randomKey(random: SeededRandom): string {
	if (random.chance(0.03)) {
		return 'k'.repeat(120 + random.below(20)) + ' long key';
	}
	return random.chance(0.5) ? random.pick(['epochs', 'lr', 'model', 'n', 'y', 'on', 'data', 'list', '_target_']) : randomString(random);
}

function randomNode(random: SeededRandom, depth: number): JsonNode {
	const roll = depth >= 4 ? 10 : random.below(10);
	if (roll < 3) {
		const mapping = new Map<string, JsonNode>();
		const size = random.chance(0.1) ? 0 : 1 + random.below(5);
		for (let index = 0; index < size; index++) {
			mapping.set(randomKey(random), randomNode(random, depth + 1));
		}
		return mapping;
	}
	if (roll < 5) {
		const size = random.chance(0.1) ? 0 : 1 + random.below(4);
		return Array.from({ length: size }, () => randomNode(random, depth + 1));
	}
	return randomScalar(random);
}

/** A random JSON-like config: usually a mapping at the top, sometimes a list, rarely a bare scalar. */
export function randomConfig(seed: number): JsonNode {
	const random = new SeededRandom(seed);
	const roll = random.below(20);
	if (roll === 0) {
		return randomScalar(random);
	}
	if (roll < 3) {
		return Array.from({ length: 1 + random.below(4) }, () => randomNode(random, 1));
	}
	const top = new Map<string, JsonNode>();
	for (let index = 0, size = 1 + random.below(6); index < size; index++) {
		top.set(randomKey(random), randomNode(random, 1));
	}
	return top;
}

/** One-line JSON for Python's `json.loads`: number tokens verbatim, lone surrogates escaped by JSON.stringify. */
export function toJsonLine(node: JsonNode): string {
	if (node instanceof JsonNumber) {
		return node.text;
	}
	if (Array.isArray(node)) {
		return `[${node.map(toJsonLine).join(',')}]`;
	}
	if (node instanceof Map) {
		return `{${Array.from(node, ([key, value]) => `${JSON.stringify(key)}:${toJsonLine(value)}`).join(',')}}`;
	}
	return JSON.stringify(node);
}
