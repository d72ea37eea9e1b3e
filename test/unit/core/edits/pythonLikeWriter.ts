// A child process that writes experiment_tracker.json the way CrackSeg's Python tracker does:
// it reads the file once, keeps the metadata in memory, and on every update truncates the
// file and writes the whole document (in two pieces, so readers can catch it half-written).
// Usage: node pythonLikeWriter.js <trackerFile> <epochs> <pauseMs>
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { TrackerDocument } from '../../../../src/core/tracker/trackerDocument';
import { completeExperiment, startExperiment, updateTrainingProgress } from '../../../../src/core/tracker/trackerApi';
import { JsonNumber } from '../../../../src/core/json/jsonValue';
import { pythonFloatRepr } from '../../../../src/core/json/pythonFloat';
import { pythonIsoNow } from '../../../../src/core/tracker/timestamps';

const [file, epochsText, pauseText] = process.argv.slice(2);
const epochs = Number(epochsText);
const pauseMs = Number(pauseText);
const memory = TrackerDocument.parse(readFileSync(file!, 'utf8'))!;

function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/** `open(path, "w")` + `json.dump`: truncate, then write in pieces; never atomic. */
async function save(): Promise<void> {
	const text = Buffer.from(memory.serialize());
	const fd = openSync(file!, 'w');
	const half = Math.floor(text.length / 2);
	writeSync(fd, text, 0, half);
	await sleep(0);
	writeSync(fd, text, half, text.length - half);
	closeSync(fd);
}

async function main(): Promise<void> {
	startExperiment(memory, pythonIsoNow());
	await save();
	for (let epoch = 1; epoch <= epochs; epoch += 1) {
		updateTrainingProgress(memory, {
			currentEpoch: epoch,
			totalEpochs: epochs,
			bestMetrics: new Map([['val_iou', new JsonNumber(pythonFloatRepr(epoch / (epochs + 1)))]]),
			trainingTimeSeconds: new JsonNumber(pythonFloatRepr(epoch * 0.5)),
		});
		await save();
		process.send?.({ epoch });
		await sleep(pauseMs);
	}
	completeExperiment(memory, pythonIsoNow());
	await save();
}

void main().then(() => process.exit(0));
