import { inflateSync } from 'node:zlib';

/** The PNG signature, spelled out independently of the encoder under test. */
export const pngMagic = Buffer.from('89504e470d0a1a0a', 'hex');

/** CRC-32 computed bit by bit (no table), to check the encoder's table-driven one. */
export function bitwiseCrc32(bytes: Uint8Array): number {
	let crc = 0xffffffff;
	for (const byte of bytes) {
		crc ^= byte;
		for (let bit = 0; bit < 8; bit++) {
			crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
		}
	}
	return (crc ^ 0xffffffff) >>> 0;
}

/** What a PNG file says about itself, once every chunk's CRC has been checked. */
export interface DecodedPng {
	readonly chunkTypes: string[];
	readonly width: number;
	readonly height: number;
	readonly bitDepth: number;
	readonly colourType: number;
	/** The inflated IDAT stream: one filter byte plus the pixel bytes per row. */
	readonly scanlines: Buffer;
}

/** Walks a PNG's chunks, checking signature and CRCs (throws on the first problem), and inflates its image data. */
export function decodePng(file: Buffer): DecodedPng {
	if (!file.subarray(0, 8).equals(pngMagic)) {
		throw new Error('not a PNG signature');
	}
	const chunkTypes: string[] = [];
	const idat: Buffer[] = [];
	let header: Buffer | undefined;
	for (let offset = 8; offset < file.length;) {
		const length = file.readUInt32BE(offset);
		const typeAndData = file.subarray(offset + 4, offset + 8 + length);
		const type = typeAndData.subarray(0, 4).toString('latin1');
		const stored = file.readUInt32BE(offset + 8 + length);
		if (stored !== bitwiseCrc32(typeAndData)) {
			throw new Error(`bad CRC in chunk ${type}`);
		}
		chunkTypes.push(type);
		const data = typeAndData.subarray(4);
		if (type === 'IHDR') {
			header = data;
		} else if (type === 'IDAT') {
			idat.push(data);
		}
		offset += 12 + length;
	}
	if (!header) {
		throw new Error('no IHDR chunk');
	}
	return {
		chunkTypes, width: header.readUInt32BE(0), height: header.readUInt32BE(4), bitDepth: header[8]!, colourType: header[9]!,
		scanlines: inflateSync(Buffer.concat(idat)),
	};
}
