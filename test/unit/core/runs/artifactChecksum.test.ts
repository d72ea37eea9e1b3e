import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, rm, stat, utimes, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { racyWindowMs } from '../../../../src/core/fs/racyWindow';
import { checkArtifact } from '../../../../src/core/runs/artifactManagerFiles';

describe('checking an ArtifactManager file against its checksum', function () {
	this.timeout(20_000);
	let folder: string;

	before(async () => {
		folder = await mkdtemp(path.join(os.tmpdir(), 'exptrack-checksum-'));
	});

	after(() => rm(folder, { recursive: true, force: true }));

	it('sees a same-size rewrite with its modification time put back, even after the checksum was remembered', async () => {
		const file = path.join(folder, 'model.pth');
		const original = Buffer.alloc(4096, 1);
		// A whole second, so that putting it back below gives exactly the same modification time.
		const modified = Math.floor(Date.now() / 1000) - 3600;
		await writeFile(file, original);
		await utimes(file, modified, modified);
		const checksum = createHash('sha256').update(original).digest('hex');
		const artifact = { stored: 'model.pth', path: file, exists: true };
		// Settled past the racy window, so the first check remembers its checksum.
		await new Promise((resolve) => setTimeout(resolve, racyWindowMs + 200));
		assert.equal(await checkArtifact(artifact, checksum, original.length), 'verified');
		assert.equal(await checkArtifact(artifact, checksum, original.length), 'verified');
		await writeFile(file, Buffer.alloc(4096, 2));
		await utimes(file, modified, modified);
		assert.equal((await stat(file)).mtimeMs, modified * 1000);
		assert.equal(await checkArtifact(artifact, checksum, original.length), 'changed');
		assert.equal(await checkArtifact(artifact, checksum, original.length + 1), 'changed', 'another size');
		assert.equal(await checkArtifact({ ...artifact, path: path.join(folder, 'gone.pth') }, checksum, original.length), 'missing');
	});
});
