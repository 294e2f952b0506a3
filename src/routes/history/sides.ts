import type { Side } from '$lib/core/records/history';

/** How the history charts name the sides, and how each side looks, said in words. */
export const SIDE_NAMES: Record<Side, string> = {
	left: 'Left side',
	right: 'Right side',
	both: 'Both sides'
};

export const SIDE_LOOK: Record<Side, string> = {
	left: 'green solid line, round marks',
	right: 'orange dashed line, square marks',
	both: 'green line, round marks'
};
