/**
 * Where the body is during an exercise, and how to get from one position to another without
 * jerking the back. Getting up from the floor in a hurry is when a sore back spasms, so a change
 * of position is a step of its own in the player, with time and words for it.
 */

export const POSITIONS = [
	'lying-on-back',
	'lying-on-side',
	'face-down',
	'all-fours',
	'sitting',
	'standing'
] as const;

export type Position = (typeof POSITIONS)[number];

/** "on your hands and knees": the position as the end of a sentence. */
export const POSITION_WORDS: Record<Position, string> = {
	'lying-on-back': 'lying on your back',
	'lying-on-side': 'lying on your side',
	'face-down': 'face down on your forearms and knees',
	'all-fours': 'on your hands and knees',
	sitting: 'sitting on the floor',
	standing: 'standing'
};

/** The shortest time to change position: slowly, in stages. */
export const CHANGE_POSITION_SECONDS = 10;
/** Getting up to standing, or down from it, takes longer. */
export const STAND_CHANGE_SECONDS = 15;

export function changePositionSeconds(from: Position, to: Position): number {
	return from === 'standing' || to === 'standing' ? STAND_CHANGE_SECONDS : CHANGE_POSITION_SECONDS;
}

const ROLL_TO_SIDE = 'Bend your knees and roll onto your side as one piece';

/** Known ways between two positions, in the order a physiotherapist would teach them. */
const HOW: Partial<Record<`${Position}>${Position}`, string[]>> = {
	'lying-on-back>all-fours': [ROLL_TO_SIDE, 'Push up with your arms onto your hands and knees'],
	'lying-on-back>lying-on-side': [ROLL_TO_SIDE],
	'lying-on-back>sitting': [ROLL_TO_SIDE, 'Push up with your arms to sit'],
	'lying-on-back>face-down': [
		ROLL_TO_SIDE,
		'Push up onto your hands and knees',
		'Lower onto your forearms'
	],
	'lying-on-back>standing': [
		ROLL_TO_SIDE,
		'Push up with your arms onto your hands and knees',
		'Step one foot forward, hands on that knee, and push up slowly'
	],
	'lying-on-side>lying-on-back': ['Roll onto your back as one piece, knees bent'],
	'lying-on-side>all-fours': ['Push up with your arms onto your hands and knees'],
	'all-fours>standing': [
		'Step one foot forward between your hands',
		'Hands on that knee, push up slowly to stand'
	],
	'all-fours>lying-on-back': [
		'Lower your hips to one side and onto the floor',
		'Lean on your arm, lie on your side, then roll onto your back'
	],
	'all-fours>face-down': ['Lower onto your forearms, elbows under your shoulders'],
	'all-fours>sitting': ['Lower your hips to one side and sit on the floor'],
	'face-down>all-fours': ['Push up from your forearms onto your hands'],
	'face-down>lying-on-back': [
		'Lower your body to the floor',
		'Roll onto your side, then onto your back'
	],
	'standing>lying-on-back': [
		'Kneel down slowly, one knee at a time, hands on the floor',
		'Sit to one side, lie on your side, then roll onto your back'
	],
	'standing>all-fours': ['Kneel down slowly, one knee at a time', 'Put your hands on the floor'],
	'standing>sitting': [
		'Kneel down slowly, one knee at a time, hands on the floor',
		'Sit to one side, then bring your legs out in front'
	],
	'standing>face-down': [
		'Kneel down slowly, one knee at a time',
		'Lower onto your forearms, elbows under your shoulders'
	],
	'sitting>lying-on-back': [
		'Lean back onto one elbow, then onto your side',
		'Roll onto your back, knees bent'
	],
	'sitting>all-fours': ['Turn to one side and come onto your hands and knees'],
	'sitting>standing': [
		'Turn to one side and come onto your hands and knees',
		'Step one foot forward, hands on that knee, and push up slowly'
	]
};

/** How to get from one position to the next, slowly: one sentence a stage. */
export function howToChange(from: Position, to: Position): string[] {
	return (
		HOW[`${from}>${to}`] ?? [`Take your time and move slowly until you are ${POSITION_WORDS[to]}`]
	);
}
