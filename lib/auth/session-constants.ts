/** How long a sign-in lasts (seconds): the JWT's maxAge and the life of a revocation entry. */
export const SESSION_MAX_AGE = 30 * 24 * 60 * 60;
