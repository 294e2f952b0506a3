import { browserSpeech, silentSpeech, type Speech } from './speech';
import { silentBeeper, webAudioBeeper, type Beeper } from './beeper';
import { deviceHaptics, noHaptics, type Haptics } from './haptics';

export interface CueSwitches {
	voice: boolean;
	beeps: boolean;
	vibration: boolean;
}

export interface Cues {
	speech: Speech;
	beeper: Beeper;
	haptics: Haptics;
}

const deviceCues = () => ({
	speech: browserSpeech(),
	beeper: webAudioBeeper(),
	haptics: deviceHaptics()
});

/** The cues the person left on, from the device; a cue switched off is silent. */
export function cuesFor(switches: CueSwitches, device: () => Cues = deviceCues): Cues {
	const available = device();
	return {
		speech: switches.voice ? available.speech : silentSpeech,
		beeper: switches.beeps ? available.beeper : silentBeeper,
		haptics: switches.vibration ? available.haptics : noHaptics
	};
}
