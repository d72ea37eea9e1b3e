import type { FromWebview } from '../shared/protocol';

/** What the webview remembers across hide/show and window reloads (VS Code's getState/setState). */
export interface WebviewState {
	/** The run folder: the serializer reopens the panel on it after a reload. */
	readonly dir?: string;
	readonly scrollY?: number;
	/** Per chart id: log scale on, table view on. */
	readonly charts?: Readonly<Record<string, { readonly logScale: boolean; readonly table: boolean }>>;
	/** A description being edited, so neither a live update nor a reload loses it. */
	readonly draftDescription?: string;
}

export interface VsCodeApi {
	postMessage(message: unknown): void;
	getState(): WebviewState | undefined;
	setState(state: WebviewState): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

// Acquired once, kept in module scope and never put on `window` (webview security guidance).
const api = acquireVsCodeApi();

export function post(message: FromWebview): void {
	api.postMessage(message);
}

export function loadState(): WebviewState {
	return api.getState() ?? {};
}

/** Merges `patch` into the saved state. */
export function saveState(patch: WebviewState): void {
	api.setState({ ...loadState(), ...patch });
}
