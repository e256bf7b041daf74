#include "config.h"

#include "guichet/enrolment.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <openssl/asn1.h>
#include <openssl/bio.h>
/* pem.h first: cms.h declares PEM_read_bio_CMS only when it sees it. */
#include <openssl/pem.h>
#include <openssl/cms.h>
#include <openssl/err.h>
#include <openssl/objects.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>

#include "guichet/err.h"
#include "guichet/file.h"
#include "guichet/i18n-mark.h"

/* A request is a page or two of text; the cap keeps a stray disk image
 * from being read into memory whole. */
#define ENROLMENT_MAX		(10 * 1024 * 1024)
#define DETACHED_SUFFIX		".p7s"

#define R_TAMPERED	N_("the signature does not match the document: " \
			    "it was changed after signing")
#define R_UNTRUSTED	N_("the signer's certificate is not issued by a " \
			    "trusted authority")
#define R_NOT_CMS	N_("the file is neither a CMS/PKCS#7 signature " \
			    "nor a document with a .p7s signature beside it")
#define R_TOO_LARGE	N_("the file is larger than 10 MiB, too large " \
			    "for an enrolment request")
#define R_UNCHECKABLE	N_("the signature cannot be checked: it is " \
			    "damaged or uses an unsupported algorithm")
#define R_NOMEM		N_("out of memory")

/* True when path names a regular file, which is how a detached signature
 * is found beside its document. */
static int
is_file(const char *path)
{
	struct stat	st;

	return (stat(path, &st) == 0 && S_ISREG(st.st_mode));
}

/* Works out which file holds the signature and which, if any, the
 * document: "x.p7s" signs "x"; "x" is signed by "x.p7s" when that exists;
 * anything else must carry its document inside. */
static int
locate(const char *path, char **sig_path, char **doc_path)
{
	size_t	len = strlen(path), slen = strlen(DETACHED_SUFFIX);
	char	*sig, *doc = NULL;
	int	 want_doc = 1;

	*sig_path = *doc_path = NULL;
	if (len > slen &&
	    strcasecmp(path + len - slen, DETACHED_SUFFIX) == 0) {
		sig = strdup(path);
		doc = strndup(path, len - slen);
	} else {
		if ((sig = malloc(len + slen + 1)) == NULL)
			return (G_ERR_NOMEM);
		memcpy(sig, path, len);
		memcpy(sig + len, DETACHED_SUFFIX, slen + 1);
		if (is_file(sig))
			doc = strdup(path);
		else {
			free(sig);
			sig = strdup(path);
			want_doc = 0;
		}
	}
	if (sig == NULL || (want_doc && doc == NULL)) {
		free(sig);
		free(doc);
		return (G_ERR_NOMEM);
	}
	*sig_path = sig;
	*doc_path = doc;
	return (G_OK);
}

/* Refuses to prompt: a PEM file asking for a password is not a request. */
static int
no_password(char *buf, int size, int rwflag, void *u)
{
	(void)buf;
	(void)size;
	(void)rwflag;
	(void)u;
	return (-1);
}

/* Parses DER, then PEM ("CMS" or "PKCS7"); NULL when neither. */
static CMS_ContentInfo *
parse_cms(const unsigned char *buf, size_t len)
{
	CMS_ContentInfo	*cms;
	BIO		*bio;

	if ((bio = BIO_new_mem_buf(buf, (int)len)) == NULL)
		return (NULL);
	cms = d2i_CMS_bio(bio, NULL);
	BIO_free(bio);
	if (cms != NULL)
		return (cms);
	if ((bio = BIO_new_mem_buf(buf, (int)len)) == NULL)
		return (NULL);
	cms = PEM_read_bio_CMS(bio, NULL, no_password, NULL);
	BIO_free(bio);
	return (cms);
}

/* Loads the trusted authorities; the file is opened first only to tell a
 * missing bundle from one that holds no certificate. */
static int
load_store(const char *ca_bundle, X509_STORE **storep, const char **why)
{
	X509_STORE	*store;
	FILE		*f;

	*storep = NULL;
	if (ca_bundle == NULL || ca_bundle[0] == '\0') {
		*why = N_("no CA bundle is configured: set ca in [enrolment]");
		return (G_ERR_IO);
	}
	if ((f = fopen(ca_bundle, "r")) == NULL) {
		*why = N_("the CA bundle cannot be read");
		return (G_ERR_IO);
	}
	fclose(f);
	if ((store = X509_STORE_new()) == NULL) {
		*why = R_NOMEM;
		return (G_ERR_NOMEM);
	}
	if (X509_STORE_load_file(store, ca_bundle) != 1) {
		X509_STORE_free(store);
		*why = N_("the CA bundle holds no PEM certificate");
		return (G_ERR_IO);
	}
	*storep = store;
	return (G_OK);
}

/* Runs CMS_verify over the document (or the content inside when doc is
 * NULL), writing the content to out when out is not NULL; a fresh BIO per
 * run, since verifying consumes it.  Returns CMS_verify's answer. */
static int
cms_check(CMS_ContentInfo *cms, X509_STORE *store, const unsigned char *doc,
    size_t doc_len, BIO *out, unsigned int flags)
{
	BIO	*dcont = NULL;
	int	 ok;

	/* CMS_BINARY: the bytes signed are the bytes on disk, never
	 * canonicalised to CRLF text. */
	if (doc != NULL &&
	    (dcont = BIO_new_mem_buf(doc, (int)doc_len)) == NULL)
		return (0);
	ok = CMS_verify(cms, NULL, store, dcont, out, flags | CMS_BINARY);
	BIO_free(dcont);
	return (ok == 1);
}

/* Checks the signatures over the document alone, leaving the chain for
 * chain_check, so that a changed document is told apart from an unknown
 * signer; it also makes OpenSSL record each signer's certificate. */
static int
signature_check(CMS_ContentInfo *cms, X509_STORE *store,
    const unsigned char *doc, size_t doc_len, const char **why)
{
	unsigned long	e;

	ERR_clear_error();
	if (cms_check(cms, store, doc, doc_len, NULL,
	    CMS_NO_SIGNER_CERT_VERIFY))
		return (G_OK);
	e = ERR_peek_last_error();
	if (ERR_GET_LIB(e) == ERR_LIB_CMS) {
		switch (ERR_GET_REASON(e)) {
		case CMS_R_CONTENT_VERIFY_ERROR:
		case CMS_R_VERIFICATION_FAILURE:
			*why = R_TAMPERED;
			return (G_ERR_TAMPERED);
		case CMS_R_SIGNER_CERTIFICATE_NOT_FOUND:
			*why = N_("the signer's certificate is not inside the "
			    "signature");
			return (G_ERR_INVALID);
		case CMS_R_NO_SIGNERS:
			*why = N_("the file holds no signature");
			return (G_ERR_INVALID);
		}
	}
	if (ERR_GET_REASON(e) == ERR_R_MALLOC_FAILURE) {
		*why = R_NOMEM;
		return (G_ERR_NOMEM);
	}
	*why = R_UNCHECKABLE;
	return (G_ERR_INVALID);
}

/* Says why a chain failed, from what X509_verify_cert reported. */
static const char *
chain_refusal(int err, int depth)
{
	switch (err) {
	case X509_V_ERR_CERT_HAS_EXPIRED:
		return (depth == 0 ?
		    N_("the signer's certificate has expired") :
		    N_("the certificate of the authority that issued the "
		    "signer's has expired"));
	case X509_V_ERR_CERT_NOT_YET_VALID:
		return (depth == 0 ?
		    N_("the signer's certificate is not valid yet") :
		    N_("the certificate of the authority that issued the "
		    "signer's is not valid yet"));
	case X509_V_ERR_INVALID_PURPOSE:
		return (N_("the signer's certificate is not meant for signing "
		    "documents"));
	case X509_V_ERR_CERT_REVOKED:
		return (N_("the signer's certificate has been revoked"));
	default:
		return (R_UNTRUSTED);
	}
}

/* Verifies each signer's certificate as CMS_verify would (the certificates
 * carried in the signature as intermediates, the S/MIME signing purpose),
 * but keeps X509_verify_cert's error code so expiry has its own reason. */
static int
chain_check(CMS_ContentInfo *cms, X509_STORE *store, const char **why)
{
	STACK_OF(CMS_SignerInfo)	*infos;
	STACK_OF(X509)			*certs;
	X509_STORE_CTX			*ctx = NULL;
	X509				*signer;
	int				 i, rc = G_ERR_NOMEM;

	*why = R_NOMEM;
	infos = CMS_get0_SignerInfos(cms);
	certs = CMS_get1_certs(cms);
	for (i = 0; i < sk_CMS_SignerInfo_num(infos); i++) {
		CMS_SignerInfo_get0_algs(sk_CMS_SignerInfo_value(infos, i),
		    NULL, &signer, NULL, NULL);
		if (signer == NULL) {
			*why = N_("the signer's certificate is not inside the "
			    "signature");
			rc = G_ERR_INVALID;
			goto out;
		}
		X509_STORE_CTX_free(ctx);
		if ((ctx = X509_STORE_CTX_new()) == NULL ||
		    X509_STORE_CTX_init(ctx, store, signer, certs) != 1 ||
		    X509_STORE_CTX_set_default(ctx, "smime_sign") != 1)
			goto out;
		if (X509_verify_cert(ctx) != 1) {
			*why = chain_refusal(X509_STORE_CTX_get_error(ctx),
			    X509_STORE_CTX_get_error_depth(ctx));
			rc = G_ERR_DENIED;
			goto out;
		}
	}
	rc = G_OK;
out:
	X509_STORE_CTX_free(ctx);
	sk_X509_pop_free(certs, X509_free);
	return (rc);
}

/* Copies UTF-8 from a certificate into a fixed field, cut at a character
 * boundary, with control characters (C0, DEL, C1) and broken sequences as
 * '?', since the text ends up on a clerk's terminal. */
static void
copy_text(char *dst, size_t size, const unsigned char *src, size_t len)
{
	size_t	i = 0, o = 0, n, k;
	int	bad;

	while (i < len) {
		if (src[i] < 0x80)
			n = 1;
		else if ((src[i] & 0xe0) == 0xc0)
			n = 2;
		else if ((src[i] & 0xf0) == 0xe0)
			n = 3;
		else if ((src[i] & 0xf8) == 0xf0)
			n = 4;
		else
			n = 0;
		bad = n == 0 || i + n > len;
		for (k = 1; !bad && k < n; k++)
			bad = (src[i + k] & 0xc0) != 0x80;
		if (!bad)
			bad = src[i] < 0x20 || src[i] == 0x7f ||
			    (src[i] == 0xc2 && src[i + 1] < 0xa0);
		if (bad)
			n = 1;
		if (o + (bad ? 1 : n) >= size)
			break;
		if (bad)
			dst[o++] = '?';
		else {
			memcpy(dst + o, src + i, n);
			o += n;
		}
		i += n;
	}
	dst[o] = '\0';
}

/* Fills dst with the first nid attribute of name in UTF-8, or "". */
static void
name_entry(const X509_NAME *name, int nid, char *dst, size_t size)
{
	const X509_NAME_ENTRY	*entry;
	unsigned char		*utf8;
	int			 i, len;

	dst[0] = '\0';
	if ((i = X509_NAME_get_index_by_NID(name, nid, -1)) < 0)
		return;
	entry = X509_NAME_get_entry(name, i);
	len = ASN1_STRING_to_UTF8(&utf8,
	    X509_NAME_ENTRY_get_data(entry));
	if (len < 0)
		return;
	copy_text(dst, size, utf8, (size_t)len);
	OPENSSL_free(utf8);
}

/* Fills dst with name on one line, "CN = ..., C = RO", UTF-8 kept rather
 * than escaped as \XX. */
static void
name_line(const X509_NAME *name, char *dst, size_t size)
{
	BIO	*bio;
	char	*p;
	long	 len;

	dst[0] = '\0';
	if ((bio = BIO_new(BIO_s_mem())) == NULL)
		return;
	if (X509_NAME_print_ex(bio, name, 0,
	    XN_FLAG_ONELINE & ~ASN1_STRFLGS_ESC_MSB) >= 0 &&
	    (len = BIO_get_mem_data(bio, &p)) > 0)
		copy_text(dst, size, (unsigned char *)p, (size_t)len);
	BIO_free(bio);
}

/* Fills dst with t as "YYYY-MM-DDTHH:MM:SSZ", or "". */
static void
time_iso(const ASN1_TIME *t, char *dst, size_t size)
{
	struct tm	tm;

	dst[0] = '\0';
	if (t == NULL || ASN1_TIME_to_tm(t, &tm) != 1)
		return;
	if (strftime(dst, size, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
		dst[0] = '\0';
}

/* Fills dst with the signingTime attribute, which may be UTCTime or
 * GeneralizedTime, or "" when absent; it is the signer's own claim. */
static void
signing_time(const CMS_SignerInfo *si, char *dst, size_t size)
{
	X509_ATTRIBUTE	*attr;
	ASN1_TYPE	*t;
	int		 i;

	dst[0] = '\0';
	if ((i = CMS_signed_get_attr_by_NID(si, NID_pkcs9_signingTime,
	    -1)) < 0 || (attr = CMS_signed_get_attr(si, i)) == NULL)
		return;
	if ((t = X509_ATTRIBUTE_get0_type(attr, 0)) == NULL)
		return;
	if (t->type == V_ASN1_UTCTIME || t->type == V_ASN1_GENERALIZEDTIME)
		time_iso(t->value.asn1_string, dst, size);
}

/* Describes the first signer, the one a clerk checks against the citizen;
 * signature_check has made the certificate available. */
static void
describe(CMS_ContentInfo *cms, struct enrolment *out)
{
	CMS_SignerInfo	*si;
	X509		*x = NULL;

	si = sk_CMS_SignerInfo_value(CMS_get0_SignerInfos(cms), 0);
	if (si == NULL)
		return;
	CMS_SignerInfo_get0_algs(si, NULL, &x, NULL, NULL);
	if (x != NULL) {
		name_entry(X509_get_subject_name(x), NID_commonName,
		    out->signer_name, sizeof out->signer_name);
		name_entry(X509_get_subject_name(x), NID_serialNumber,
		    out->signer_serial, sizeof out->signer_serial);
		name_line(X509_get_subject_name(x), out->signer_subject,
		    sizeof out->signer_subject);
		name_line(X509_get_issuer_name(x), out->issuer,
		    sizeof out->issuer);
		time_iso(X509_get0_notBefore(x), out->not_before,
		    sizeof out->not_before);
		time_iso(X509_get0_notAfter(x), out->not_after,
		    sizeof out->not_after);
	}
	signing_time(si, out->signed_at, sizeof out->signed_at);
}

/* The final, authoritative CMS_verify with the chain checked, keeping the
 * content it passes through. */
static int
verify_all(CMS_ContentInfo *cms, X509_STORE *store, const unsigned char *doc,
    size_t doc_len, struct enrolment *out, const char **why)
{
	BIO	*bio;
	char	*p;
	long	 len;
	int	 rc = G_ERR_NOMEM;

	*why = R_NOMEM;
	if ((bio = BIO_new(BIO_s_mem())) == NULL)
		return (G_ERR_NOMEM);
	ERR_clear_error();
	if (!cms_check(cms, store, doc, doc_len, bio, 0)) {
		if (ERR_GET_REASON(ERR_peek_last_error()) ==
		    CMS_R_CERTIFICATE_VERIFY_ERROR) {
			*why = R_UNTRUSTED;
			rc = G_ERR_DENIED;
		} else {
			*why = R_UNCHECKABLE;
			rc = G_ERR_INVALID;
		}
		goto out;
	}
	if ((len = BIO_get_mem_data(bio, &p)) < 0 ||
	    (out->document = malloc((size_t)len + 1)) == NULL)
		goto out;
	if (len > 0)
		memcpy(out->document, p, (size_t)len);
	out->document[len] = '\0';
	out->document_len = (size_t)len;
	rc = G_OK;
out:
	BIO_free(bio);
	return (rc);
}

/* Reads, then checks in three passes: the signature alone, the chain
 * alone, and CMS_verify with both, so that the reason given is the
 * specific one while the last pass stays the one that decides. */
int
enrolment_verify(const char *path, const char *ca_bundle,
    struct enrolment *out, const char **reason)
{
	CMS_ContentInfo	*cms = NULL;
	X509_STORE	*store = NULL;
	unsigned char	*sig = NULL, *doc = NULL;
	size_t		 sig_len = 0, doc_len = 0;
	char		*sig_path = NULL, *doc_path = NULL;
	const char	*why = NULL;
	int		 rc, detached;

	memset(out, 0, sizeof *out);
	ERR_clear_error();
	if (path == NULL || path[0] == '\0') {
		why = N_("the request file cannot be read");
		rc = G_ERR_IO;
		goto out;
	}
	if ((rc = load_store(ca_bundle, &store, &why)) != G_OK)
		goto out;
	if ((rc = locate(path, &sig_path, &doc_path)) != G_OK) {
		why = R_NOMEM;
		goto out;
	}
	if ((rc = file_read_all(sig_path, ENROLMENT_MAX, &sig,
	    &sig_len)) != G_OK) {
		why = rc == G_ERR_INVALID ? R_TOO_LARGE : rc == G_ERR_NOMEM ?
		    R_NOMEM : N_("the request file cannot be read");
		goto out;
	}
	if ((cms = parse_cms(sig, sig_len)) == NULL) {
		why = R_NOT_CMS;
		rc = G_ERR_INVALID;
		goto out;
	}
	if (OBJ_obj2nid(CMS_get0_type(cms)) != NID_pkcs7_signed) {
		why = N_("the file is CMS/PKCS#7, but not signed data");
		rc = G_ERR_INVALID;
		goto out;
	}

	/* A document beside an attached signature is read too, and must be
	 * the one inside: the clerk named it and believes it checked. */
	detached = CMS_is_detached(cms) == 1;
	if (detached && doc_path == NULL) {
		why = N_("the signature is detached and no document goes "
		    "with it: keep FILE.p7s beside FILE");
		rc = G_ERR_INVALID;
		goto out;
	}
	if (doc_path != NULL && (detached || is_file(doc_path)) &&
	    (rc = file_read_all(doc_path, ENROLMENT_MAX, &doc,
	    &doc_len)) != G_OK) {
		why = rc == G_ERR_INVALID ? R_TOO_LARGE : rc == G_ERR_NOMEM ?
		    R_NOMEM : N_("the signed document beside the .p7s cannot "
		    "be read");
		goto out;
	}

	if ((rc = signature_check(cms, store, detached ? doc : NULL, doc_len,
	    &why)) != G_OK)
		goto out;
	if ((rc = chain_check(cms, store, &why)) != G_OK)
		goto out;
	if ((rc = verify_all(cms, store, detached ? doc : NULL, doc_len, out,
	    &why)) != G_OK)
		goto out;
	if (!detached && doc != NULL && (doc_len != out->document_len ||
	    memcmp(doc, out->document, doc_len) != 0)) {
		why = R_TAMPERED;
		rc = G_ERR_TAMPERED;
		goto out;
	}
	describe(cms, out);
	rc = G_OK;
out:
	if (rc != G_OK)
		enrolment_clear(out);
	if (reason != NULL)
		*reason = rc == G_OK ? NULL : why;
	ERR_clear_error();
	CMS_ContentInfo_free(cms);
	X509_STORE_free(store);
	free(sig);
	free(doc);
	free(sig_path);
	free(doc_path);
	return (rc);
}

/* Frees the document and blanks the fields, so a cleared request never
 * shows a previous signer. */
void
enrolment_clear(struct enrolment *out)
{
	if (out == NULL)
		return;
	free(out->document);
	memset(out, 0, sizeof *out);
}
