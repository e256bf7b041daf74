/*
 * Signed enrolment requests: a citizen's request for an account, signed
 * with a qualified certificate, arriving as CMS/PKCS#7 either attached
 * (FILE.p7m holds the document) or detached (FILE and FILE.p7s beside
 * it).  Verifying checks the signature over the document and the signer's
 * certificate chain against a CA bundle the town hall trusts.
 */
#ifndef GUICHET_ENROLMENT_H
#define GUICHET_ENROLMENT_H

#include <stddef.h>

struct enrolment {
	char signer_name[256];		/* subject CN, UTF-8 */
	char signer_serial[64];		/* subject serialNumber, if any */
	char signer_subject[512];	/* the whole subject, one line */
	char issuer[512];		/* issuer, one line */
	char not_before[32];		/* certificate validity, UTC ISO */
	char not_after[32];
	char signed_at[32];		/* signingTime attribute, if any */
	char *document;			/* the signed bytes, NUL-terminated */
	size_t document_len;
};

/* Verifies the request at path (a .p7m, a .p7s, or a document with a .p7s
 * beside it) against the PEM CA bundle ca_bundle.  Returns G_OK and fills
 * *out (release with enrolment_clear), or G_ERR_TAMPERED (the signature
 * does not match the document), G_ERR_DENIED (the signer is not trusted,
 * or the certificate is expired or not yet valid), G_ERR_INVALID (not a
 * CMS file), G_ERR_IO (a file cannot be read); *reason is then a static
 * English message marked N_() saying what is wrong. */
int enrolment_verify(const char *path, const char *ca_bundle,
    struct enrolment *out, const char **reason);

/* Releases what out holds. */
void enrolment_clear(struct enrolment *out);

#endif
