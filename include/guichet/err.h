/*
 * Project-wide error codes.  Functions that can fail return one of these
 * (G_OK is zero); what the user must read travels separately as a message.
 */
#ifndef GUICHET_ERR_H
#define GUICHET_ERR_H

enum gerr {
	G_OK = 0,
	G_ERR_NOMEM,		/* allocation failed */
	G_ERR_INVALID,		/* the input breaks a rule; see the message */
	G_ERR_NOTFOUND,		/* no such object */
	G_ERR_EXISTS,		/* the object already exists */
	G_ERR_DENIED,		/* the caller's role or level does not allow it */
	G_ERR_AUTH,		/* wrong username or password */
	G_ERR_LOCKED,		/* account locked or throttled */
	G_ERR_STORE,		/* the store failed (corrupt, full, not a database) */
	G_ERR_IO,		/* a file or device could not be used */
	G_ERR_CRYPTO,		/* the crypto library failed */
	G_ERR_CONFIG,		/* configuration is wrong */
	G_ERR_TAMPERED,		/* a hash chain or signature does not verify */
	G_ERR_COUNT
};

/* Returns a static, untranslated description of code (never NULL). */
const char *gerr_str(int code);

#endif
