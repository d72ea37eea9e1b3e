import * as assert from 'node:assert/strict';
import { drawTrainingCurves } from '../../../../src/core/demo/curvesChart';
import { crc32, encodePng } from '../../../../src/core/demo/pngEncoder';
import { bitwiseCrc32, decodePng, pngMagic } from './pngReader';

/** How many pixels of each RGBA colour (hex) a decoded RGBA8 image has. */
function colours(scanlines: Buffer, width: number): Map<string, number> {
	const found = new Map<string, number>();
	for (let row = 0; row * (width * 4 + 1) < scanlines.length; row++) {
		for (let column = 0; column < width; column++) {
			const at = row * (width * 4 + 1) + 1 + column * 4;
			const colour = scanlines.subarray(at, at + 4).toString('hex');
			found.set(colour, (found.get(colour) ?? 0) + 1);
		}
	}
	return found;
}

describe('PNG encoder', () => {
	it('computes the standard CRC-32 check value and agrees with a bitwise CRC', () => {
		assert.equal(crc32(Buffer.from('123456789', 'latin1')), 0xcbf43926);
		const bytes = Buffer.from(Array.from({ length: 1000 }, (_, index) => (index * 37 + 11) % 256));
		assert.equal(crc32(bytes), bitwiseCrc32(bytes));
		assert.equal(crc32(new Uint8Array(0)), 0);
	});

	it('writes a valid RGBA PNG whose pixels inflate back unchanged', () => {
		const width = 3;
		const height = 2;
		const data = Uint8Array.from({ length: width * height * 4 }, (_, index) => (index * 29) % 256);
		const file = encodePng({ width, height, data });
		assert.ok(file.subarray(0, 8).equals(pngMagic));
		const png = decodePng(file);
		assert.deepEqual(png.chunkTypes, ['IHDR', 'IDAT', 'IEND']);
		assert.deepEqual([png.width, png.height, png.bitDepth, png.colourType], [3, 2, 8, 6]);
		assert.equal(png.scanlines.length, height * (1 + width * 4));
		for (let row = 0; row < height; row++) {
			const line = png.scanlines.subarray(row * 13, (row + 1) * 13);
			assert.equal(line[0], 0, 'filter type None');
			assert.deepEqual([...line.subarray(1)], [...data.subarray(row * 12, (row + 1) * 12)]);
		}
	});

	it('refuses pixel data of the wrong size', () => {
		assert.throws(() => encodePng({ width: 2, height: 2, data: new Uint8Array(15) }), RangeError);
		assert.throws(() => encodePng({ width: 0, height: 2, data: new Uint8Array(0) }), RangeError);
	});

	it('draws the training curves as a 320×200 image with both series on a white background', () => {
		const png = decodePng(drawTrainingCurves({ loss: [0.7, 0.5, 0.4, 0.35], iou: [0.2, 0.4, 0.5, 0.55] }));
		assert.deepEqual([png.width, png.height], [320, 200]);
		assert.equal(png.scanlines.length, 200 * (1 + 320 * 4));
		const found = colours(png.scanlines, 320);
		for (const colour of ['ffffffff', 'd62728ff', '1f77b4ff']) {
			assert.ok(found.has(colour), `has ${colour}`);
		}
	});

	it('leaves NaN epochs out of the plot and still draws the finite ones', () => {
		const red = (loss: number[]) => colours(decodePng(drawTrainingCurves({ loss, iou: loss.map(() => Number.NaN) })).scanlines, 320).get('d62728ff') ?? 0;
		const legendOnly = red([Number.NaN, Number.NaN, Number.NaN]);
		assert.ok(legendOnly > 0, 'the legend swatch is drawn');
		assert.ok(red([0.7, Number.NaN, Number.NaN]) > legendOnly, 'the one finite point is drawn');
		assert.ok(red([0.7, 0.6, Number.NaN]) > red([0.7, Number.NaN, 0.6]), 'a NaN breaks the line between its neighbours');
	});
});
