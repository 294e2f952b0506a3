import { expect, test } from 'vitest';
import { webAudioBeeper } from '../../src/lib/platform/beeper';
import { browserSpeech } from '../../src/lib/platform/speech';

/** A stand-in for the browser's AudioContext that counts what is made and played. */
function fakeAudio() {
	const made: FakeContext[] = [];
	class FakeContext {
		state: AudioContextState = 'running';
		currentTime = 0;
		tones = 0;
		destination = {};
		constructor() {
			made.push(this);
		}
		resume() {
			this.state = 'running';
			return Promise.resolve();
		}
		createOscillator() {
			const context = this;
			return {
				frequency: { value: 0 },
				connect: (node: unknown) => node,
				start() {
					context.tones += 1;
				},
				stop() {}
			};
		}
		createGain() {
			return {
				gain: { setValueAtTime() {}, exponentialRampToValueAtTime() {} },
				connect: (node: unknown) => node
			};
		}
	}
	let tapped = false;
	const beeper = webAudioBeeper({
		Context: FakeContext as unknown as new () => AudioContext,
		touched: () => tapped
	});
	return { beeper, made, tap: () => (tapped = true) };
}

test('opening the player makes no audio context before the first tap', () => {
	const audio = fakeAudio();
	audio.beeper.unlock();
	audio.beeper.beep('phase');
	audio.beeper.beep('count');
	expect(audio.made).toHaveLength(0);
});

test('the Start tap makes the audio context once, and the beeps play through it', () => {
	const audio = fakeAudio();
	audio.tap();
	audio.beeper.unlock();
	audio.beeper.unlock();
	audio.beeper.beep('done');
	expect(audio.made).toHaveLength(1);
	expect(audio.made[0]!.tones).toBe(2);
});

test('a routine started before any tap beeps from the first tap on', () => {
	const audio = fakeAudio();
	audio.beeper.beep('phase');
	audio.tap();
	audio.beeper.beep('count');
	expect(audio.made).toHaveLength(1);
	expect(audio.made[0]!.tones).toBe(1);
});

test('a context suspended in the background is resumed by the next tap', () => {
	const audio = fakeAudio();
	audio.tap();
	audio.beeper.unlock();
	audio.made[0]!.state = 'suspended';
	audio.beeper.unlock();
	expect(audio.made).toHaveLength(1);
	expect(audio.made[0]!.state).toBe('running');
});

function fakeVoice() {
	let asked = 0;
	const spoken: string[] = [];
	let tapped = false;
	class Utterance {
		rate = 1;
		voice: unknown;
		constructor(readonly text: string) {}
	}
	const synth = {
		paused: false,
		cancel() {},
		resume() {},
		getVoices: () => [{ localService: true, lang: 'en-GB', name: 'Local' }],
		speak: (u: Utterance) => spoken.push(u.text)
	};
	const speech = browserSpeech({
		synth: () => {
			asked += 1;
			return synth as unknown as SpeechSynthesis;
		},
		Utterance: Utterance as unknown as typeof SpeechSynthesisUtterance,
		touched: () => tapped
	});
	return { speech, spoken, asked: () => asked, tap: () => (tapped = true) };
}

test('the speech engine and its voices are not touched before the first tap', () => {
	const voice = fakeVoice();
	voice.speech.speak('Get ready: bird dog');
	voice.speech.cancel();
	voice.speech.recover();
	expect(voice.asked()).toBe(0);
	expect(voice.spoken).toEqual([]);
});

test('after the tap every cue is spoken, through one engine looked up once', () => {
	const voice = fakeVoice();
	voice.tap();
	voice.speech.speak('Hold');
	voice.speech.speak('Breathe out');
	expect(voice.spoken).toEqual(['Hold', 'Breathe out']);
	expect(voice.asked()).toBe(1);
});
