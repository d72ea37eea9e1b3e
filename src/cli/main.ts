import { version } from '../../package.json';

/** Entry point of `exptrack`. The tracker commands arrive with the core. */
function main(argv: readonly string[]): number {
	if (argv[0] === '--version' || argv[0] === '-v') {
		console.log(version);
		return 0;
	}
	console.error('usage: exptrack --version');
	return 2;
}

process.exitCode = main(process.argv.slice(2));
