import type { History, SessionRecord } from '../records/history';

/**
 * A check-in that was not given (the page was reloaded or closed at it) is asked again until it
 * is answered or set aside. Its own module: Today asks without loading the player's code.
 */

/** How long after a routine its check-in is still asked for: until the morning after has passed. */
export const CHECK_IN_OPEN_MS = 36 * 3_600_000;

/**
 * The session whose check-in is still to be given: the latest session, when it has no check-in,
 * ended less than CHECK_IN_OPEN_MS before `now`, and the person did not set its check-in aside.
 */
export function awaitingCheckIn(
	history: Pick<History, 'sessions' | 'checkIns'>,
	dismissedSessionId: string | undefined,
	now: number
): SessionRecord | undefined {
	const latest = history.sessions.reduce<SessionRecord | undefined>(
		(last, session) => (!last || session.endedAt > last.endedAt ? session : last),
		undefined
	);
	if (!latest || latest.id === dismissedSessionId) return undefined;
	if (now - latest.endedAt > CHECK_IN_OPEN_MS || latest.endedAt > now) return undefined;
	return history.checkIns.some((c) => c.sessionId === latest.id) ? undefined : latest;
}
