import { type JsonNode, isJsonObject, type JsonNumber, type JsonObject } from '../json/jsonValue';
import { pythonFloatRepr } from '../json/pythonFloat';
import { omegaConfQuotesString, resolvesToNonString } from './yamlResolver';
import { analyzeScalar, type ScalarAnalysis } from './yamlScalarAnalysis';
import { writeDoubleQuoted, writePlain, writeSingleQuoted } from './yamlScalarWriters';
import { YamlWriter } from './yamlWriter';

/** A scalar as PyYAML's representer hands it to the emitter. */
interface RepresentedScalar {
	readonly text: string;
	/** The resolver reads the plain text back as the same type (`implicit[0]` in PyYAML). */
	readonly plainImplicit: boolean;
	/** OmegaConf asked for single-quote style. */
	readonly quoteRequested: boolean;
}

interface NodeContext {
	readonly root?: boolean;
	readonly mapping?: boolean;
	readonly simpleKey?: boolean;
}

/** PyYAML's `represent_float`: Python's repr lower-cased, `.0` added before a bare exponent. */
function representFloat(value: number): string {
	if (Number.isNaN(value)) {
		return '.nan';
	}
	if (!Number.isFinite(value)) {
		return value > 0 ? '.inf' : '-.inf';
	}
	const repr = pythonFloatRepr(value).toLowerCase();
	return !repr.includes('.') && repr.includes('e') ? repr.replace('e', '.0e') : repr;
}

function representNumber(number: JsonNumber): string {
	// Python's json reads an integer token into an unbounded int: keep the digits exactly.
	return number.isInteger ? BigInt(number.text).toString() : representFloat(number.value);
}

function represent(node: null | boolean | string | JsonNumber): RepresentedScalar {
	if (typeof node === 'string') {
		return { text: node, plainImplicit: !resolvesToNonString(node), quoteRequested: omegaConfQuotesString(node) };
	}
	const text = node === null ? 'null' : typeof node === 'boolean' ? String(node) : representNumber(node);
	return { text, plainImplicit: true, quoteRequested: false };
}

/** PyYAML's `choose_scalar_style` for block context: plain, single-quoted, else double-quoted. */
function chooseStyle(scalar: RepresentedScalar, analysis: ScalarAnalysis, simpleKey: boolean): '' | '\'' | '"' {
	if (!scalar.quoteRequested && scalar.plainImplicit && analysis.allowBlockPlain
		&& !(simpleKey && (analysis.empty || analysis.multiline))) {
		return '';
	}
	return analysis.allowSingleQuoted && !(simpleKey && analysis.multiline) ? '\'' : '"';
}

class BlockEmitter {
	readonly writer = new YamlWriter();

	emitNode(node: JsonNode, context: NodeContext): void {
		if (Array.isArray(node)) {
			if (node.length === 0) {
				this.emitEmptyFlow('[', ']');
			} else {
				this.emitSequence(node, context.mapping === true);
			}
		} else if (isJsonObject(node)) {
			if (node.size === 0) {
				this.emitEmptyFlow('{', '}');
			} else {
				this.emitMapping(node);
			}
		} else {
			const scalar = represent(node);
			this.emitScalar(scalar, analyzeScalar(scalar.text), context);
		}
	}

	private emitEmptyFlow(open: string, close: string): void {
		this.writer.writeIndicator(open, true, true);
		this.writer.writeIndicator(close, false);
	}

	private emitSequence(items: JsonNode[], inMapping: boolean): void {
		const writer = this.writer;
		// A sequence that is a mapping value starts on the key's indent: `key:\n- a`.
		writer.increaseIndent(false, inMapping && !writer.indention);
		for (const item of items) {
			writer.writeIndent();
			writer.writeIndicator('-', true, false, true);
			this.emitNode(item, {});
		}
		writer.popIndent();
	}

	private emitMapping(mapping: JsonObject): void {
		const writer = this.writer;
		writer.increaseIndent(false);
		for (const [key, value] of mapping) {
			writer.writeIndent();
			const scalar = represent(key);
			const analysis = analyzeScalar(key);
			// PyYAML counts the key's prepared tag (`!!str`, 5 characters) against its 128 limit.
			if (analysis.chars.length + 5 < 128 && !analysis.empty && !analysis.multiline) {
				this.emitScalar(scalar, analysis, { mapping: true, simpleKey: true });
				writer.writeIndicator(':', false);
			} else {
				// Empty, multi-line or long keys need the explicit `? key` / `: value` form.
				writer.writeIndicator('?', true, false, true);
				this.emitScalar(scalar, analysis, { mapping: true });
				writer.writeIndent();
				writer.writeIndicator(':', true, false, true);
			}
			this.emitNode(value, { mapping: true });
		}
		writer.popIndent();
	}

	private emitScalar(scalar: RepresentedScalar, analysis: ScalarAnalysis, context: NodeContext): void {
		const writer = this.writer;
		writer.increaseIndent(true);
		const split = context.simpleKey !== true;
		const style = chooseStyle(scalar, analysis, !split);
		if (style === '') {
			writePlain(writer, analysis.chars, split, context.root === true);
		} else if (style === '\'') {
			writeSingleQuoted(writer, analysis.chars, split);
		} else {
			writeDoubleQuoted(writer, analysis.chars, split);
		}
		writer.popIndent();
	}
}

/**
 * The YAML text `OmegaConf.to_yaml` produces for a resolved config: PyYAML 6's
 * `yaml.dump(data, Dumper=OmegaConfDumper, default_flow_style=False, allow_unicode=True,
 * sort_keys=False)`, byte for byte. Keys keep their order; collections are in block style
 * (empty ones as `[]` / `{}`); ints keep their digits, floats follow Python's repr (`1.0e-05`,
 * `.nan`); strings are plain, single- or double-quoted and folded at width 80 exactly as PyYAML
 * decides. The result ends with a newline (`...\n` follows a plain root scalar, as in PyYAML).
 */
export function dumpYaml(node: JsonNode): string {
	const emitter = new BlockEmitter();
	emitter.emitNode(node, { root: true });
	const writer = emitter.writer;
	writer.writeIndent();
	if (writer.openEnded) {
		writer.writeIndicator('...', true);
		writer.writeIndent();
	}
	return writer.text;
}

