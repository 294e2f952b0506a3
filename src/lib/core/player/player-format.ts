/**
 * The format of the player's state as stored for resuming; bump it whenever the state changes
 * shape. Its own module so a page can ask "is a routine in progress?" without the player code.
 */
export const PLAYER_STATE_VERSION = 1;
