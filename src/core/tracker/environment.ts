import { execFile } from 'node:child_process';
import { access } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { emptyEnvironment, type EnvironmentInfo } from './newTracker';
import { readGitState } from './gitState';

/** Where a workspace's Python interpreter usually is, most specific first. */
function pythonCandidates(workspace: string | undefined): string[] {
	const bin = process.platform === 'win32' ? ['Scripts', 'python.exe'] : ['bin', 'python'];
	const local = workspace ? ['.venv', 'venv', 'env'].map((name) => path.join(workspace, name, ...bin)) : [];
	const active = process.env.VIRTUAL_ENV ? [path.join(process.env.VIRTUAL_ENV, ...bin)] : [];
	const conda = process.env.CONDA_PREFIX ? [path.join(process.env.CONDA_PREFIX, process.platform === 'win32' ? 'python.exe' : 'bin/python')] : [];
	return [...local, ...active, ...conda, 'python3', 'python'];
}

/** What the probe script prints: the same calls CrackSeg's tracker makes (spec §2 rows 9–13, 28). */
const probeScript = [
	'import json, platform, sys',
	'r = {"python_version": sys.version, "platform": platform.platform()}',
	'try:',
	'    import torch',
	'    r["pytorch_version"] = torch.__version__',
	'    r["cuda_available"] = bool(torch.cuda.is_available())',
	'    if r["cuda_available"]:',
	'        r["cuda_version"] = torch.version.cuda',
	'        r["gpu_info"] = {"count": torch.cuda.device_count(), "current": torch.cuda.current_device(), "name": torch.cuda.get_device_name(0)}',
	'except Exception:',
	'    pass',
	'print(json.dumps(r))',
].join('\n');

interface PythonProbe {
	python_version?: string;
	platform?: string;
	pytorch_version?: string;
	cuda_available?: boolean;
	cuda_version?: string | null;
	gpu_info?: { count: number; current: number; name: string };
}

function run(command: string, args: string[], timeoutMs: number, cwd?: string): Promise<string | undefined> {
	return new Promise((resolve) => {
		execFile(command, args, { timeout: timeoutMs, cwd, windowsHide: true, maxBuffer: 1024 * 1024 }, (error, stdout) => resolve(error ? undefined : stdout));
	});
}

async function probePython(workspace: string | undefined, timeoutMs: number): Promise<PythonProbe | undefined> {
	for (const candidate of pythonCandidates(workspace)) {
		if (path.isAbsolute(candidate) && !(await access(candidate).then(() => true, () => false))) {
			continue;
		}
		const output = await run(candidate, ['-c', probeScript], timeoutMs, workspace);
		if (output === undefined) {
			continue;
		}
		try {
			return JSON.parse(output.trim().split('\n').pop() ?? '') as PythonProbe;
		} catch {
			continue;
		}
	}
	return undefined;
}

/** GPU name and count from `nvidia-smi` when torch did not report one. */
async function probeNvidiaSmi(timeoutMs: number): Promise<EnvironmentInfo['gpuInfo']> {
	const output = await run('nvidia-smi', ['--query-gpu=name', '--format=csv,noheader'], timeoutMs);
	const names = output?.split('\n').map((line) => line.trim()).filter(Boolean) ?? [];
	return names.length > 0 ? { count: names.length, current: 0, name: names[0]! } : {};
}

/**
 * The C library's version on Linux (`getconf GNU_LIBC_VERSION` says `glibc 2.36`), undefined
 * elsewhere or with another libc. Asked of a child process, not of `process.report`: a report
 * is built synchronously and looks up the host names of every open socket, which would block
 * the extension host.
 */
async function probeGlibc(timeoutMs: number): Promise<string | undefined> {
	if (process.platform !== 'linux') {
		return undefined;
	}
	return /^glibc (\S+)/.exec((await run('getconf', ['GNU_LIBC_VERSION'], timeoutMs))?.trim() ?? '')?.[1];
}

/** Python's `platform.platform()` shape, for when no interpreter answers: `Linux-6.1.0-x86_64-with-glibc2.36`. */
function nodePlatformString(glibc: string | undefined): string {
	const libc = glibc ? `-with-glibc${glibc}` : '';
	const system = { linux: 'Linux', darwin: 'macOS', win32: 'Windows' }[process.platform as string] ?? os.type();
	return `${system}-${os.release()}-${os.machine()}${libc}`;
}

export interface EnvironmentOptions {
	/** The workspace folder: where a `.venv` is looked for, and git runs. */
	readonly workspace?: string;
	/** The run's folder: git state is read here (CrackSeg reads it in the process cwd). */
	readonly runDir: string;
	/** Per external command (default 8 s: importing torch takes seconds). */
	readonly timeoutMs?: number;
}

/**
 * Fills the environment fields of a new tracker file for real: Python, PyTorch and CUDA from
 * the workspace's interpreter (empty strings when none answers in time, as Python writes
 * them), platform, host, user, RAM, GPU (torch, else nvidia-smi) and git state.
 * Starts external programs: never call it in Restricted Mode.
 */
export async function captureEnvironment(options: EnvironmentOptions): Promise<EnvironmentInfo> {
	const timeoutMs = options.timeoutMs ?? 8000;
	const [python, git, glibc] = await Promise.all([probePython(options.workspace, timeoutMs), readGitState(options.runDir), probeGlibc(Math.min(timeoutMs, 3000))]);
	const cudaAvailable = python?.cuda_available ?? false;
	const gpuInfo = python?.gpu_info ?? (await probeNvidiaSmi(Math.min(timeoutMs, 3000)));
	return {
		...emptyEnvironment,
		pythonVersion: python?.python_version ?? '',
		pytorchVersion: python?.pytorch_version ?? '',
		platform: python?.platform ?? nodePlatformString(glibc),
		cudaAvailable,
		cudaVersion: cudaAvailable ? (python?.cuda_version ?? null) : '',
		...git,
		hostname: os.hostname(),
		// CrackSeg reads the Windows-only USERNAME (so "unknown" elsewhere); we record the real user.
		username: process.env.USERNAME ?? os.userInfo().username,
		memoryGb: os.totalmem() / 1024 ** 3,
		gpuInfo,
	};
}
