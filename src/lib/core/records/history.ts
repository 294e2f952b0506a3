/**
 * What the app remembers, as types: sessions, the check-in after each, the morning answers,
 * exercises started again, red-flag follow-ups; and the red flags a person can report, with their
 * words. Plain data, stored by src/lib/storage and read by the core. The schemas that check these
 * records are in record-schemas.ts; the rules about red flags are in progression/red-flags.ts.
 */

/** A day of the person's local calendar, "YYYY-MM-DD". */
export type LocalDate = string;

/** "both" for an exercise done with both sides together. */
export type Side = 'left' | 'right' | 'both';

export const RED_FLAGS = [
	'pain-8-plus',
	'pain-below-knee',
	'numbness-or-tingling',
	'leg-weakness',
	'bladder-or-bowel',
	'saddle-numbness',
	'fever-or-unwell'
] as const;
export type RedFlag = (typeof RED_FLAGS)[number];

/** Each red flag in words, for lists and reports ("You reported …"). */
export const RED_FLAG_WORDS: Readonly<Record<RedFlag, string>> = {
	'pain-8-plus': 'pain of 8 out of 10 or more',
	'pain-below-knee': 'pain spreading below the knee',
	'numbness-or-tingling': 'numbness or tingling',
	'leg-weakness': 'weakness in a leg',
	'bladder-or-bowel': 'a change in bladder or bowel control',
	'saddle-numbness': 'numbness between the legs or around the buttocks',
	'fever-or-unwell': 'fever or feeling unwell'
};

/** Red flags that need care now, not at the next appointment. */
export const URGENT_RED_FLAGS: readonly RedFlag[] = ['bladder-or-bowel', 'saddle-numbness'];

export interface ExerciseResult {
	exerciseId: string;
	side: Side;
	/** The prescribed work was done in full. */
	completed: boolean;
	/** The person ended the routine during this exercise because it hurt. */
	stoppedForPain: boolean;
	/** A hold or set was ended early with the "too much" button. */
	tooMuch?: boolean;
	/** The ladder level the exercise was done at. */
	level: number;
}

export interface SessionRecord {
	id: string;
	date: LocalDate;
	startedAt: number;
	endedAt: number;
	routineId: string;
	/** One entry per exercise and side that the routine prescribed, done or not. */
	results: ExerciseResult[];
	endedEarly: boolean;
}

export type ExerciseFlag = 'too-much' | 'too-easy';

export interface CheckIn {
	sessionId: string;
	date: LocalDate;
	at: number;
	/** Pain during the routine, 0 (none) to 10 (worst imaginable). */
	pain: number;
	/** "Too much" or "too easy" for single exercises; side "both" covers every side. */
	flags: { exerciseId: string; side: Side; flag: ExerciseFlag }[];
	redFlags: RedFlag[];
}

export type MorningFeeling = 'better' | 'same' | 'worse';

export interface MorningAnswer {
	date: LocalDate;
	at: number;
	/** How the back feels this morning compared with before the last session. */
	feeling: MorningFeeling;
	redFlags: RedFlag[];
}

/**
 * The person chose to start one exercise again from the beginning: from `date` on, every side of
 * it is back at level 0. Earlier sessions keep the levels they were done at.
 */
export interface ProgressionReset {
	exerciseId: string;
	date: LocalDate;
	/** When it was chosen (ms since the epoch). */
	at: number;
}

/**
 * The answer to "have these signs gone?" after red flags stopped the routine: a record of its own,
 * never a morning answer, so it neither replaces nor re-judges the answer about the last session.
 */
export type FollowUpAnswer = 'gone' | 'clinician-seen' | 'still-there';

export interface RedFlagFollowUp {
	date: LocalDate;
	at: number;
	answer: FollowUpAnswer;
}

export interface History {
	sessions: SessionRecord[];
	checkIns: CheckIn[];
	mornings: MorningAnswer[];
	/** Absent in histories made before resets existed, and where none was ever chosen. */
	resets?: ProgressionReset[];
	/** Absent in histories made before follow-ups were their own records. */
	followUps?: RedFlagFollowUp[];
}

export const EMPTY_HISTORY: History = { sessions: [], checkIns: [], mornings: [] };
