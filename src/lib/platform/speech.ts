import { touchedYet } from './user-activation';

/** Spoken cues through the browser's on-device speech synthesis. */
export interface Speech {
	speak(text: string): void;
	cancel(): void;
	/** After the page was in the background: some browsers leave the voice paused. */
	recover(): void;
}

export const silentSpeech: Speech = { speak() {}, cancel() {}, recover() {} };

/** What speech needs from the browser; tests pass their own. */
export interface SpeechDevice {
	/** The speech engine; asked for only after the first tap (it may load the voices). */
	synth: () => SpeechSynthesis | undefined;
	Utterance: typeof SpeechSynthesisUtterance | undefined;
	/** Whether the person has tapped the page yet. */
	touched: () => boolean;
}

function browserVoice(): SpeechDevice {
	const supported = typeof window !== 'undefined' && 'speechSynthesis' in window;
	return {
		synth: () => (supported ? window.speechSynthesis : undefined),
		Utterance:
			typeof SpeechSynthesisUtterance === 'undefined' ? undefined : SpeechSynthesisUtterance,
		touched: touchedYet
	};
}

/**
 * Nothing of the speech engine is touched while the page loads: the engine and its voices are
 * looked up on the first cue after a tap (speech before any tap is refused anyway), once.
 */
export function browserSpeech(device: SpeechDevice = browserVoice()): Speech {
	const { Utterance } = device;
	if (!Utterance) return silentSpeech;
	let engine: { synth: SpeechSynthesis; voice: SpeechSynthesisVoice | undefined } | undefined;

	function started() {
		if (engine) return engine;
		const synth = device.synth();
		if (!synth) return undefined;
		return (engine = { synth, voice: undefined });
	}

	return {
		speak(text) {
			// Speech before any tap is deprecated and being removed; the screen carries the cue.
			if (!device.touched()) return;
			const speaking = started();
			if (!speaking) return;
			try {
				// A new cue replaces one still speaking: a late cue is worse than a cut one.
				speaking.synth.cancel();
				const utterance = new Utterance(text);
				utterance.rate = 0.95;
				// Voices can arrive after the first ask: look until one is found.
				speaking.voice ??= speaking.synth
					.getVoices()
					.find((v) => v.localService && v.lang.startsWith('en'));
				if (speaking.voice) utterance.voice = speaking.voice;
				speaking.synth.speak(utterance);
			} catch {
				// No voice on this device: the screen and beeps still carry the routine.
			}
		},
		cancel() {
			try {
				engine?.synth.cancel();
			} catch {
				// Nothing was speaking.
			}
		},
		recover() {
			try {
				if (engine?.synth.paused) engine.synth.resume();
			} catch {
				// Nothing to resume.
			}
		}
	};
}
