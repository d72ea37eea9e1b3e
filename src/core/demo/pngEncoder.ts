import { deflateSync } from 'node:zlib';

/** An 8-bit RGBA image: `data` holds `width * height * 4` bytes, row by row from the top. */
export interface RgbaImage {
	readonly width: number;
	readonly height: number;
	readonly data: Uint8Array;
}

/** The 8 bytes every PNG file starts with. */
export const pngSignature: Uint8Array = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const crcTable = (() => {
	const table = new Uint32Array(256);
	for (let value = 0; value < 256; value++) {
		let crc = value;
		for (let bit = 0; bit < 8; bit++) {
			crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
		}
		table[value] = crc >>> 0;
	}
	return table;
})();

/** CRC-32 (ISO 3309, the polynomial PNG and zlib use) of `bytes`, as an unsigned 32-bit integer. */
export function crc32(bytes: Uint8Array): number {
	let crc = 0xffffffff;
	for (const byte of bytes) {
		crc = crcTable[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
	}
	return (crc ^ 0xffffffff) >>> 0;
}

/** One PNG chunk: big-endian length, 4-letter type, data, CRC-32 of type and data. */
function chunk(type: string, data: Uint8Array): Buffer {
	const typeAndData = Buffer.concat([Buffer.from(type, 'latin1'), data]);
	const out = Buffer.alloc(4 + typeAndData.length + 4);
	out.writeUInt32BE(data.length, 0);
	out.set(typeAndData, 4);
	out.writeUInt32BE(crc32(typeAndData), 4 + typeAndData.length);
	return out;
}

/**
 * Encodes an image as a PNG file: colour type 6 (RGBA), bit depth 8, no interlace, every scanline
 * with filter 0, one zlib-deflated IDAT chunk. Throws RangeError when `data` has the wrong size.
 */
export function encodePng(image: RgbaImage): Buffer {
	const { width, height, data } = image;
	const rowBytes = width * 4;
	if (!(Number.isInteger(width) && Number.isInteger(height) && width > 0 && height > 0) || data.length !== rowBytes * height) {
		throw new RangeError(`an RGBA image of ${width}x${height} needs ${rowBytes * height} bytes, not ${data.length}`);
	}
	const scanlines = Buffer.alloc((rowBytes + 1) * height);
	for (let row = 0; row < height; row++) {
		// The leading 0 of each scanline is filter type "None".
		scanlines.set(data.subarray(row * rowBytes, (row + 1) * rowBytes), row * (rowBytes + 1) + 1);
	}
	const header = Buffer.alloc(13);
	header.writeUInt32BE(width, 0);
	header.writeUInt32BE(height, 4);
	header.set([8, 6, 0, 0, 0], 8);
	return Buffer.concat([pngSignature, chunk('IHDR', header), chunk('IDAT', deflateSync(scanlines, { level: 9 })), chunk('IEND', new Uint8Array(0))]);
}
