/* The printed request receipt: an A6 page whose text reads back with
 * pdftotext in Romanian and Greek, and that keeps long values on the
 * page. */
#include "config.h"

#include <check.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "guichet/err.h"
#include "guichet/receipt-pdf.h"

#define CHECK_CODE	"3F9A-11C2-77D0-0B4E"

#define RO_NOTE \
	"Păstrați această recipisă până la soluționarea cererii. Cu " \
	"numărul de înregistrare și codul de verificare puteți afla " \
	"oricând stadiul cererii la ghișeu sau pe internet.\n" \
	"Răspunsul vă va fi comunicat în cel mult 30 de zile, în " \
	"limba în care ați depus cererea."

#define GR_NOTE \
	"Φυλάξτε αυτή την απόδειξη μέχρι να διεκπεραιωθεί το αίτημά σας. " \
	"Με τον αριθμό και τον κωδικό ελέγχου μπορείτε να δείτε την " \
	"πορεία του αιτήματος στο γκισέ ή στο διαδίκτυο.\n" \
	"Η απάντηση θα σας σταλεί μέσα σε 30 ημέρες."

static char dir[] = "/tmp/guichet-receipt-XXXXXX";

/* Returns a Romanian citizen's receipt. */
static struct receipt_doc
receipt_ro(void)
{
	struct receipt_doc r;

	memset(&r, 0, sizeof r);
	r.town = "Primăria Municipiului Târgu Mureș";
	r.title = "Recipisă";
	r.request_label = "Cerere";
	r.request_id = "123";
	r.type_label = "Tip";
	r.type = "Sesizare privind iluminatul public";
	r.protocol_label = "Număr de înregistrare";
	r.protocol = "2026/000123";
	r.date_label = "Depusă";
	r.date = "2026-11-25 14:03";
	r.check_label = "Cod de verificare";
	r.check = CHECK_CODE;
	r.qr_text = "GUICHET:2026/000123:" CHECK_CODE;
	r.note = RO_NOTE;
	return r;
}

/* Returns a Greek citizen's receipt, filed with the registry offline. */
static struct receipt_doc
receipt_gr(void)
{
	struct receipt_doc r;

	memset(&r, 0, sizeof r);
	r.town = "Δήμος Χερσονήσου";
	r.title = "Απόδειξη";
	r.request_label = "Αίτημα";
	r.request_id = "7";
	r.type_label = "Τύπος";
	r.type = "Καταγγελία";
	r.protocol_label = "Αριθμός έκτακτης ανάγκης";
	r.protocol = "E-2026-000007";
	r.date_label = "Κατατέθηκε";
	r.date = "2026-11-25 14:03";
	r.check_label = "Κωδικός ελέγχου";
	r.check = CHECK_CODE;
	r.qr_text = "GUICHET:E-2026-000007:" CHECK_CODE;
	r.note = GR_NOTE;
	return r;
}

/* Runs a shell command made from fmt; returns its exit status. */
static int
shell(const char *fmt, ...)
{
	char cmd[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(cmd, sizeof cmd, fmt, ap);
	va_end(ap);
	return system(cmd);
}

/* Returns the whole of file as a string (caller frees). */
static char *
slurp(const char *file)
{
	struct stat sb;
	char *s;
	FILE *f;

	f = fopen(file, "r");
	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(fstat(fileno(f), &sb), 0);
	s = malloc((size_t)sb.st_size + 1);
	ck_assert_ptr_nonnull(s);
	ck_assert_uint_eq(fread(s, 1, (size_t)sb.st_size, f),
	    (size_t)sb.st_size);
	s[sb.st_size] = '\0';
	fclose(f);
	return s;
}

/* Renders doc into dir/name.pdf, expecting success, and keeps a copy in
 * $GUICHET_RECEIPT_SAVE for looking at. */
static void
render_to(const struct receipt_doc *doc, const char *name)
{
	unsigned char *pdf = NULL;
	const char *reason = NULL, *keep;
	char file[256];
	size_t len = 0;
	FILE *f;

	ck_assert_int_eq(receipt_pdf(doc, &pdf, &len, &reason), G_OK);
	ck_assert_ptr_null(reason);
	ck_assert_ptr_nonnull(pdf);
	ck_assert(len > 5 && memcmp(pdf, "%PDF-", 5) == 0);
	snprintf(file, sizeof file, "%s/%s.pdf", dir, name);
	f = fopen(file, "w");
	ck_assert_ptr_nonnull(f);
	ck_assert_uint_eq(fwrite(pdf, 1, len, f), len);
	ck_assert_int_eq(fclose(f), 0);
	if ((keep = getenv("GUICHET_RECEIPT_SAVE")) != NULL)
		shell("cp %s %s/receipt-%s.pdf", file, keep, name);
	free(pdf);
}

/* Returns what pdftotext (with options) reads from dir/name.pdf. */
static char *
read_back(const char *name, const char *options)
{
	char out[256];

	snprintf(out, sizeof out, "%s/%s.txt", dir, name);
	ck_assert_int_eq(shell("pdftotext %s %s/%s.pdf %s", options, dir,
	    name, out), 0);
	return slurp(out);
}

/* Fails unless every word pdftotext finds lies inside the A6 page. */
static void
assert_on_page(const char *name)
{
	char *xml = read_back(name, "-bbox"), *p;
	double x0, y0, x1, y1;
	int words = 0;

	for (p = xml; (p = strstr(p, "<word ")) != NULL; p++) {
		ck_assert_int_eq(sscanf(p, "<word xMin=\"%lf\" yMin=\"%lf\" "
		    "xMax=\"%lf\" yMax=\"%lf\"", &x0, &y0, &x1, &y1), 4);
		ck_assert_msg(x0 >= 0 && y0 >= 0 && x1 <= 298.01 &&
		    y1 <= 420.01, "off the page: %.120s", p);
		words++;
	}
	ck_assert_int_gt(words, 10);
	free(xml);
}

/* Fails unless pdfinfo printed want for key, however it pads it. */
static void
assert_info(const char *info, const char *key, const char *want)
{
	const char *p = info;
	size_t n = strlen(key);

	while (strncmp(p, key, n) != 0 || p[n] != ':') {
		p = strchr(p, '\n');
		ck_assert_msg(p != NULL, "pdfinfo has no %s", key);
		p++;
	}
	p += n + 1;
	p += strspn(p, " ");
	ck_assert_msg(strncmp(p, want, strlen(want)) == 0 &&
	    p[strlen(want)] == '\n', "%s: %.40s", key, p);
}

START_TEST(romanian_receipt_reads_back)
{
	struct receipt_doc r = receipt_ro();
	char *text;

	render_to(&r, "ro");
	text = read_back("ro", "-layout");
	ck_assert_ptr_nonnull(strstr(text,
	    "Primăria Municipiului Târgu Mureș"));
	ck_assert_ptr_nonnull(strstr(text, "Recipisă"));
	ck_assert_ptr_nonnull(strstr(text, "Sesizare privind iluminatul"));
	ck_assert_ptr_nonnull(strstr(text, "Număr de înregistrare:"));
	ck_assert_ptr_nonnull(strstr(text, "2026/000123"));
	ck_assert_ptr_nonnull(strstr(text, "2026-11-25 14:03"));
	ck_assert_ptr_nonnull(strstr(text, CHECK_CODE));
	ck_assert_ptr_nonnull(strstr(text, "Păstrați această recipisă"));
	ck_assert_ptr_nonnull(strstr(text, "în cel mult 30 de zile"));
	free(text);
	assert_on_page("ro");
}
END_TEST

START_TEST(greek_receipt_reads_back)
{
	struct receipt_doc r = receipt_gr();
	char *text;

	render_to(&r, "gr");
	text = read_back("gr", "-layout");
	ck_assert_ptr_nonnull(strstr(text, "Δήμος Χερσονήσου"));
	ck_assert_ptr_nonnull(strstr(text, "Απόδειξη"));
	ck_assert_ptr_nonnull(strstr(text, "Τύπος:"));
	ck_assert_ptr_nonnull(strstr(text, "Καταγγελία"));
	ck_assert_ptr_nonnull(strstr(text, "E-2026-000007"));
	ck_assert_ptr_nonnull(strstr(text, CHECK_CODE));
	ck_assert_ptr_nonnull(strstr(text, "Φυλάξτε αυτή την απόδειξη"));
	free(text);
	assert_on_page("gr");
}
END_TEST

START_TEST(page_is_a6)
{
	struct receipt_doc r = receipt_ro();
	char out[256], *info;

	render_to(&r, "a6");
	snprintf(out, sizeof out, "%s/a6.info", dir);
	ck_assert_int_eq(shell("pdfinfo %s/a6.pdf > %s", dir, out), 0);
	info = slurp(out);
	assert_info(info, "Page size", "298 x 420 pts");
	assert_info(info, "Pages", "1");
	assert_info(info, "Title", "Recipisă");
	free(info);
}
END_TEST

START_TEST(long_values_stay_on_the_page)
{
	struct receipt_doc r = receipt_gr();
	char *type, *protocol, *note, *text;
	size_t i;

	type = malloc(3001);
	protocol = malloc(301);
	note = malloc(6001);
	ck_assert(type != NULL && protocol != NULL && note != NULL);
	for (i = 0; i < 3000; i++)
		type[i] = i % 9 == 8 ? ' ' : 'T';
	type[i] = '\0';
	memset(protocol, '7', 300);
	protocol[300] = '\0';
	for (i = 0; i < 6000; i++)
		note[i] = i % 6 == 5 ? ' ' : 'n';
	note[i] = '\0';
	r.type = type;
	r.protocol = protocol;
	r.note = note;
	r.town = "Δήμος Χερσονήσου, Περιφερειακή Ενότητα Ηρακλείου, "
	    "Περιφέρεια Κρήτης, Ελληνική Δημοκρατία, Ευρωπαϊκή Ένωση";
	r.protocol_label = "Αριθμός έκτακτης ανάγκης πολύ μεγάλης διάρκειας "
	    "και ακόμη μεγαλύτερης περιγραφής";
	render_to(&r, "long");
	text = read_back("long", "-layout");
	ck_assert_ptr_nonnull(strstr(text, CHECK_CODE));
	ck_assert_ptr_nonnull(strstr(text, "2026-11-25 14:03"));
	free(text);
	assert_on_page("long");
	free(type);
	free(protocol);
	free(note);
}
END_TEST

START_TEST(qr_text_too_long_is_an_error)
{
	struct receipt_doc r = receipt_ro();
	unsigned char *pdf = (unsigned char *)"x";
	const char *reason = NULL;
	size_t len = 1;
	char *qr;

	qr = malloc(4001);
	ck_assert_ptr_nonnull(qr);
	memset(qr, 'Q', 4000);
	qr[4000] = '\0';
	r.qr_text = qr;
	ck_assert_int_eq(receipt_pdf(&r, &pdf, &len, &reason), G_ERR_IO);
	ck_assert_ptr_nonnull(reason);
	ck_assert_ptr_nonnull(strstr(reason, "QR"));
	ck_assert_ptr_null(pdf);
	ck_assert_uint_eq(len, 0);
	free(qr);
}
END_TEST

START_TEST(empty_protocol_line_is_left_out)
{
	struct receipt_doc r = receipt_ro();
	char *text;

	r.protocol = "";
	render_to(&r, "noprotocol");
	text = read_back("noprotocol", "-layout");
	ck_assert_ptr_null(strstr(text, "Număr de înregistrare"));
	ck_assert_ptr_nonnull(strstr(text, "Sesizare"));
	ck_assert_ptr_nonnull(strstr(text, CHECK_CODE));
	free(text);
}
END_TEST

START_TEST(null_fields_and_bad_utf8_render)
{
	struct receipt_doc r;
	char *text;

	memset(&r, 0, sizeof r);
	render_to(&r, "empty");
	r.town = "Bad \xff\xfe UTF-8 & <b>";
	r.type = "Plângere";
	render_to(&r, "bad");
	text = read_back("bad", "-layout");
	ck_assert_ptr_nonnull(strstr(text, "UTF-8 & <b>"));
	ck_assert_ptr_nonnull(strstr(text, "Plângere"));
	free(text);
}
END_TEST

int
main(void)
{
	Suite *s = suite_create("receipt-pdf");
	TCase *tc = tcase_create("receipt-pdf");
	SRunner *sr;
	int failed;

	if (mkdtemp(dir) == NULL) {
		perror("mkdtemp");
		return EXIT_FAILURE;
	}
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, romanian_receipt_reads_back);
	tcase_add_test(tc, greek_receipt_reads_back);
	tcase_add_test(tc, page_is_a6);
	tcase_add_test(tc, long_values_stay_on_the_page);
	tcase_add_test(tc, qr_text_too_long_is_an_error);
	tcase_add_test(tc, empty_protocol_line_is_left_out);
	tcase_add_test(tc, null_fields_and_bad_utf8_render);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	shell("rm -rf %s", dir);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
