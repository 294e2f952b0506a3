/** Short beeps made with Web Audio; the context starts from the Start tap (autoplay rules). */
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

export function webAudioBeeper(): Beeper {
	let context: AudioContext | undefined;
	const Context =
		typeof window === 'undefined'
			? undefined
			: (window.AudioContext ??
				(window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext);
	if (!Context) return silentBeeper;

	function ready(): AudioContext | undefined {
		if (!context || context.state === 'closed') {
			// "ambient" mixes with the person's music instead of stopping it (Safari's Audio Session API).
			const session = (navigator as AudioSessionNavigator).audioSession;
			if (session) session.type = 'ambient';
			context = new Context!();
		}
		// Suspended after the background, or "interrupted" by a call on iOS: take it back.
		if (context.state !== 'running') void context.resume().catch(() => {});
		return context;
	}

	return {
		unlock() {
			ready();
		},
		beep(kind) {
			const audio = ready();
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
