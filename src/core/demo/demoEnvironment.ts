import type { EnvironmentInfo } from '../tracker/newTracker';

/** The CrackSeg commit the demo runs claim to come from (the one the format spec was read at). */
export const demoGitCommit = '094ff8435cd38000f6301a7586819c98a03d1084';

/**
 * The machine most demo runs trained on: a Linux workstation with one RTX GPU, as CrackSeg's
 * tracker records it (`sys.version`, `torch.__version__`, `platform.platform()`, psutil's total
 * RAM in GiB unrounded, `USERNAME` unset so "unknown").
 */
export const workstationEnvironment: EnvironmentInfo = {
	pythonVersion: '3.11.9 (main, Apr 27 2024, 21:16:11) [GCC 13.2.0]',
	pytorchVersion: '2.7.1+cu128',
	platform: 'Linux-6.8.0-60-generic-x86_64-with-glibc2.39',
	cudaAvailable: true,
	cudaVersion: '12.8',
	gitCommit: demoGitCommit,
	gitBranch: 'main',
	gitDirty: false,
	hostname: 'crackseg-ws01',
	username: 'unknown',
	memoryGb: 67_322_454_016 / 1024 ** 3,
	gpuInfo: { count: 1, current: 0, name: 'NVIDIA GeForce RTX 4090' },
};

/** The author's Windows laptop (where `USERNAME` is set), with uncommitted changes in the checkout. */
export const laptopEnvironment: EnvironmentInfo = {
	pythonVersion: '3.11.9 (tags/v3.11.9:de54cf5, Apr  2 2024, 10:12:12) [MSC v.1938 64 bit (AMD64)]',
	pytorchVersion: '2.7.1+cu128',
	platform: 'Windows-11-10.0.26100-SP0',
	cudaAvailable: true,
	cudaVersion: '12.8',
	gitCommit: demoGitCommit,
	gitBranch: 'feature/swinv2-hybrid',
	gitDirty: true,
	hostname: 'DESKTOP-7K2M4QF',
	username: 'fgabriel',
	memoryGb: 34_135_531_520 / 1024 ** 3,
	gpuInfo: { count: 1, current: 0, name: 'NVIDIA GeForce RTX 3070 Ti Laptop GPU' },
};

/** A CPU-only container (CUDA unavailable: `cuda_version` stays `""`, `gpu_info` `{}`), as in spec §6.3. */
export const cpuEnvironment: EnvironmentInfo = {
	pythonVersion: '3.11.2 (main, Apr 28 2025, 14:11:48) [GCC 12.2.0]',
	pytorchVersion: '2.7.1+cpu',
	platform: 'Linux-6.1.0-31-cloud-amd64-x86_64-with-glibc2.36',
	cudaAvailable: false,
	cudaVersion: '',
	gitCommit: demoGitCommit,
	gitBranch: 'main',
	gitDirty: false,
	hostname: 'crackseg-ci-runner',
	username: 'unknown',
	memoryGb: 16_766_083_072 / 1024 ** 3,
	gpuInfo: {},
};
