import { touchedYet } from './user-activation';

/** Spoken cues through the browser's on-device speech synthesis. */
export interface Speech {
	speak(text: string): void;
	cancel(): void;
	/** After the page was in the background: some browsers leave the voice paused. */
	recover(): void;
}

export const silentSpeech: Speech = { speak() {}, cancel() {}, recover() {} };

export function browserSpeech(): Speech {
	const synth = typeof speechSynthesis === 'undefined' ? undefined : speechSynthesis;
	if (!synth || typeof SpeechSynthesisUtterance === 'undefined') return silentSpeech;
	return {
		speak(text) {
			// Speech before any tap is deprecated and being removed; the screen carries the cue.
			if (!touchedYet()) return;
			try {
				// A new cue replaces one still speaking: a late cue is worse than a cut one.
				synth.cancel();
				const utterance = new SpeechSynthesisUtterance(text);
				utterance.rate = 0.95;
				const voice = synth.getVoices().find((v) => v.localService && v.lang.startsWith('en'));
				if (voice) utterance.voice = voice;
				synth.speak(utterance);
			} catch {
				// No voice on this device: the screen and beeps still carry the routine.
			}
		},
		cancel() {
			try {
				synth.cancel();
			} catch {
				// Nothing was speaking.
			}
		},
		recover() {
			try {
				if (synth.paused) synth.resume();
			} catch {
				// Nothing to resume.
			}
		}
	};
}
