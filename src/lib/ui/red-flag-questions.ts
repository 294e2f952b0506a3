import type { RedFlag } from '$lib/core/records/history';

/** The red-flag questions asked in every check-in and every morning, in plain words. */
export const RED_FLAG_QUESTIONS: readonly { flag: RedFlag; text: string }[] = [
	{
		flag: 'pain-below-knee',
		text: 'Shooting, burning or aching that spreads down a leg, below the knee'
	},
	{ flag: 'numbness-or-tingling', text: 'Numbness or tingling in a leg or foot' },
	{ flag: 'leg-weakness', text: 'Weakness in a leg' },
	{ flag: 'saddle-numbness', text: 'Numbness between the legs or around the buttocks' },
	{ flag: 'bladder-or-bowel', text: 'Any change in bladder or bowel control' },
	{ flag: 'fever-or-unwell', text: 'Fever, or feeling unwell in yourself' }
];
