import type { RedFlag } from '$lib/core/history';

/** Each warning sign in a few plain words, as the advice and the clinician report name it. */
export const RED_FLAG_WORDS: Readonly<Record<RedFlag, string>> = {
	'pain-8-plus': 'pain of 8 out of 10 or more',
	'pain-below-knee': 'pain spreading below the knee',
	'numbness-or-tingling': 'numbness or tingling',
	'leg-weakness': 'weakness in a leg',
	'bladder-or-bowel': 'a change in bladder or bowel control',
	'saddle-numbness': 'numbness between the legs or around the buttocks',
	'fever-or-unwell': 'fever or feeling unwell'
};
