import * as assert from 'node:assert/strict';
import { dumpYaml } from '../../../../src/core/config/yamlDump';
import { type JsonNode, JsonNumber } from '../../../../src/core/json/jsonValue';
import { parseLenient } from '../../../../src/core/json/lenientParse';

// Every expected text below was produced by PyYAML 6 with OmegaConf's dumper settings.
function parse(text: string): JsonNode {
	const parsed = parseLenient(text);
	assert.ok(parsed.ok, `test input must parse: ${text}`);
	return parsed.value;
}

function dumpJson(text: string): string {
	return dumpYaml(parse(text));
}

describe('dumpYaml (PyYAML block style with OmegaConf quoting)', () => {
	it('writes floats as Python repr with PyYAML\'s fixes and ints with all their digits', () => {
		const yaml = dumpJson('{"floats":[1e-05,1e17,1e16,1e15,-0.0,NaN,Infinity,-Infinity,0.1,1.5e300,5e-324,100.0,1e400],'
			+ '"ints":[0,-0,9007199254740993,-123456789012345678901234567890]}');
		assert.equal(yaml, 'floats:\n- 1.0e-05\n- 1.0e+17\n- 1.0e+16\n- 1000000000000000.0\n- -0.0\n- .nan\n- .inf\n- -.inf\n- 0.1\n'
			+ '- 1.5e+300\n- 5.0e-324\n- 100.0\n- .inf\nints:\n- 0\n- 0\n- 9007199254740993\n- -123456789012345678901234567890\n');
	});

	it('single-quotes bool words, numbers Python can parse and strings YAML would read as another type', () => {
		const yaml = dumpJson('{"quoted":["y","NO","On","null","~","","<<","=","2025-08-04","0x1F","1_000"," 12 ","nan","Infinity","0o17","1:30"],'
			+ '"plain":["none","v1.2","data/","a:b","x#y","???","--x","1e_1"]}');
		assert.equal(yaml, 'quoted:\n- \'y\'\n- \'NO\'\n- \'On\'\n- \'null\'\n- \'~\'\n- \'\'\n- \'<<\'\n- \'=\'\n- \'2025-08-04\'\n'
			+ '- \'0x1F\'\n- \'1_000\'\n- \' 12 \'\n- \'nan\'\n- \'Infinity\'\n- 0o17\n- \'1:30\'\n'
			+ 'plain:\n- none\n- v1.2\n- data/\n- a:b\n- x#y\n- ???\n- --x\n- 1e_1\n');
	});

	it('quotes strings that start with or contain YAML syntax', () => {
		const yaml = dumpJson('{"syntax":["a: b","x #y","*star"," lead","trail ","- x","? x","it\'s","\\"q\\"","back\\\\slash","%x","@x","`x","!tag","&a","---","..."]}');
		assert.equal(yaml, 'syntax:\n- \'a: b\'\n- \'x #y\'\n- \'*star\'\n- \' lead\'\n- \'trail \'\n- \'- x\'\n- \'? x\'\n- it\'s\n'
			+ '- \'"q"\'\n- back\\slash\n- \'%x\'\n- \'@x\'\n- \'`x\'\n- \'!tag\'\n- \'&a\'\n- \'---\'\n- \'...\'\n');
	});

	it('keeps printable unicode raw, escapes the rest in double quotes and folds line breaks in single quotes', () => {
		const yaml = dumpJson('{"special":["tab\\there","line\\nbreak","a\\n\\nb","a \\nb","ñ","😀","emoji 😀\\t","\\u0085x","x\\u2028y",'
			+ '"\\ufeffbom","\\u0000","\\u001b","\\u00a0x","x\\u00a0","\\ud800"]}');
		assert.equal(yaml, 'special:\n- "tab\\there"\n- \'line\n\n  break\'\n- \'a\n\n\n  b\'\n- "a \\nb"\n- ñ\n- 😀\n'
			+ '- "emoji \\U0001F600\\t"\n- \'\x85  x\'\n- \'x\u2028  y\'\n- "\\uFEFFbom"\n- "\\0"\n- "\\e"\n- \xa0x\n- x\xa0\n- "\\uD800"\n');
	});

	it('folds long plain, single-quoted and double-quoted strings past column 80', () => {
		const plain = 'the crack segmentation model uses a ResNet encoder and a UNet decoder with learning_rate 0.001 and more words after that';
		const single = 'it\'s the crack segmentation model: it uses a ResNet encoder and a UNet decoder with learning_rate 0.001';
		const double = 'the crack segmentation model\tuses a ResNet encoder and a UNet decoder with learning_rate 0.001 and  two spaces';
		const yaml = dumpYaml(new Map<string, JsonNode>([['long_plain', plain], ['long_single', single], ['long_double', double]]));
		assert.equal(yaml, 'long_plain: the crack segmentation model uses a ResNet encoder and a UNet decoder\n'
			+ '  with learning_rate 0.001 and more words after that\n'
			+ 'long_single: \'it\'\'s the crack segmentation model: it uses a ResNet encoder and a UNet\n'
			+ '  decoder with learning_rate 0.001\'\n'
			+ 'long_double: "the crack segmentation model\\tuses a ResNet encoder and a UNet decoder\\\n'
			+ '  \\ with learning_rate 0.001 and  two spaces"\n');
	});

	it('uses the explicit `? key` form for empty, multi-line and long keys (122 characters is the longest simple key)', () => {
		const longest = 'k'.repeat(122);
		const tooLong = 'k'.repeat(123);
		const int = (text: string): JsonNumber => new JsonNumber(text);
		const config = new Map<string, JsonNode>([['', int('1')], ['n', int('2')], [longest, int('3')], [tooLong, int('4')], ['two\nlines', [int('1'), int('2')]]]);
		assert.equal(dumpYaml(config), `? ''\n: 1\n'n': 2\n${longest}: 3\n? ${tooLong}\n: 4\n? 'two\n\n  lines'\n: - 1\n  - 2\n`);
	});

	it('writes nested and empty collections as PyYAML does', () => {
		assert.equal(dumpJson('[[[]],{"a":{}},[{"b":[1,{"c":null}]}]]'), '- - []\n- a: {}\n- - b:\n    - 1\n    - c: null\n');
		assert.equal(dumpJson('[]'), '[]\n');
		assert.equal(dumpJson('{}'), '{}\n');
	});

	it('ends a plain root scalar with an explicit document end, as PyYAML does', () => {
		assert.equal(dumpJson('"just text"'), 'just text\n...\n');
		assert.equal(dumpJson('"123"'), '\'123\'\n');
	});
});
