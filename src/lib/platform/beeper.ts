import { touchedYet } from './user-activation';

/**
 * Short beeps made with Web Audio. The audio context is made on the first tap (Start, Resume or
 * any tap in the player), never while the page loads: making one costs a cheap phone hundreds of
 * milliseconds, and one made before a tap starts suspended (autoplay rules), so it gains nothing.
 */
export type BeepKind = 'count' | 'phase' | 'done';

export interface Beeper {
	/** Call from a tap: creates or resumes the audio context. */
	unlock(): void;
	beep(kind: BeepKind): void;
}

export const silentBeeper: Beeper = { unlock() {}, beep() {} };

const TONES: Record<BeepKind, { frequency: number; seconds: number }[]> = {
	count: [{ frequency: 660, seconds: 0.09 }],
	phase: [{ frequency: 880, seconds: 0.16 }],
	done: [
		{ frequency: 660, seconds: 0.14 },
		{ frequency: 990, seconds: 0.22 }
	]
};

interface AudioSessionNavigator {
	audioSession?: { type: string };
}

/** What the beeper needs from the browser; tests pass their own. */
export interface AudioDevice {
	/** The AudioContext constructor, undefined where there is none. */
	Context: (new () => AudioContext) | undefined;
	/** Whether the person has tapped the page yet. */
	touched: () => boolean;
}

function browserAudio(): AudioDevice {
	const Context =
		typeof window === 'undefined'
			? undefined
			: (window.AudioContext ??
				(window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext);
	return { Context, touched: touchedYet };
}

export function webAudioBeeper(device: AudioDevice = browserAudio()): Beeper {
	const { Context, touched } = device;
	if (!Context) return silentBeeper;
	let context: AudioContext | undefined;

	function unlock(): void {
		// Before any tap the context would start suspended: wait for the tap.
		if (!touched()) return;
		if (!context || context.state === 'closed') {
			// "ambient" mixes with the person's music instead of stopping it (Safari's Audio Session API).
			const session =
				typeof navigator === 'undefined'
					? undefined
					: (navigator as AudioSessionNavigator).audioSession;
			if (session) session.type = 'ambient';
			context = new Context!();
		}
		// Suspended after the background, or "interrupted" by a call on iOS: take it back.
		if (context.state !== 'running') void context.resume().catch(() => {});
	}

	return {
		unlock,
		beep(kind) {
			// After a tap (a key press counts too) the first beep may make the context itself.
			unlock();
			const audio = context;
			if (!audio) return;
			let at = audio.currentTime + 0.01;
			for (const tone of TONES[kind]) {
				const oscillator = audio.createOscillator();
				const gain = audio.createGain();
				oscillator.frequency.value = tone.frequency;
				gain.gain.setValueAtTime(0.0001, at);
				gain.gain.exponentialRampToValueAtTime(0.3, at + 0.01);
				gain.gain.exponentialRampToValueAtTime(0.0001, at + tone.seconds);
				oscillator.connect(gain).connect(audio.destination);
				oscillator.start(at);
				oscillator.stop(at + tone.seconds + 0.02);
				at += tone.seconds + 0.05;
			}
		}
	};
}
