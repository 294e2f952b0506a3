/**
 * The version of the player's state as it is kept for resuming (see saved-routine.ts, which
 * reads it back); raise it whenever the state changes shape. Its own module so the player's flow
 * can stamp the state it keeps without loading the schema, which only a resume needs.
 */
export const PLAYER_STATE_VERSION = 1;
