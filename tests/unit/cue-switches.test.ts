import { expect, test } from 'vitest';
import { cuesFor, type Cues } from '../../src/lib/platform/cue-switches';

function recordingDevice() {
	const heard: string[] = [];
	const device = (): Cues => ({
		speech: { speak: (text) => heard.push(`say ${text}`), cancel() {}, recover() {} },
		beeper: { unlock() {}, beep: (kind) => heard.push(`beep ${kind}`) },
		haptics: { pulse: () => heard.push('buzz') }
	});
	return { heard, device };
}

function play(cues: Cues) {
	cues.speech.speak('Hold');
	cues.beeper.beep('phase');
	cues.haptics.pulse(100);
}

test('every cue plays when all are switched on', () => {
	const { heard, device } = recordingDevice();
	play(cuesFor({ voice: true, beeps: true, vibration: true }, device));
	expect(heard).toEqual(['say Hold', 'beep phase', 'buzz']);
});

test('a cue switched off in settings stays silent, the others still play', () => {
	const { heard, device } = recordingDevice();
	play(cuesFor({ voice: false, beeps: true, vibration: false }, device));
	expect(heard).toEqual(['beep phase']);
});

test('with everything off the routine is silent', () => {
	const { heard, device } = recordingDevice();
	play(cuesFor({ voice: false, beeps: false, vibration: false }, device));
	expect(heard).toEqual([]);
});
