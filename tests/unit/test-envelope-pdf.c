/* The printed envelope: the PDF reads back as the citizen's text, and the
 * layout file's errors name their line. */
#include "config.h"

#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "guichet/envelope-pdf.h"
#include "guichet/err.h"
#include "guichet/person.h"

#define RO_INSTRUCTIONS \
	"Bine ați venit la serviciile electronice ale primăriei. " \
	"Intrați pe ghiseu.primariaclujnapoca.ro cu numele de utilizator " \
	"și parola de mai sus. La prima autentificare vi se va cere să " \
	"alegeți o parolă nouă, știută numai de dumneavoastră.\n" \
	"Parola de unică folosință expiră în 30 de zile. Nu o " \
	"comunicați nimănui: funcționarii primăriei nu vă vor cere " \
	"niciodată parola."

#define GR_INSTRUCTIONS \
	"Καλώς ήρθατε στις ηλεκτρονικές υπηρεσίες του δήμου. Συνδεθείτε " \
	"με το όνομα χρήστη και τον κωδικό που βλέπετε παραπάνω. Στην " \
	"πρώτη σύνδεση θα σας ζητηθεί να επιλέξετε νέο κωδικό.\n" \
	"Ο κωδικός μίας χρήσης λήγει σε 30 ημέρες. Μην τον δώσετε σε " \
	"κανέναν."

static char path[64];

/* Writes len bytes to a fresh temporary file named in path. */
static void
write_file(const void *data, size_t len)
{
	FILE *f;
	int fd;

	snprintf(path, sizeof path, "/tmp/guichet-envelope-XXXXXX");
	fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	f = fdopen(fd, "w");
	ck_assert_ptr_nonnull(f);
	ck_assert_uint_eq(fwrite(data, 1, len, f), len);
	ck_assert_int_eq(fclose(f), 0);
}

/* Returns what pdftotext -layout reads from the PDF in path. */
static char *
pdf_text(void)
{
	char cmd[128], *out = NULL;
	size_t len = 0, n;
	FILE *p;

	snprintf(cmd, sizeof cmd, "pdftotext -layout %s -", path);
	p = popen(cmd, "r");
	ck_assert_ptr_nonnull(p);
	out = malloc(1);
	for (;;) {
		out = realloc(out, len + 4096 + 1);
		ck_assert_ptr_nonnull(out);
		if ((n = fread(out + len, 1, 4096, p)) == 0)
			break;
		len += n;
	}
	out[len] = '\0';
	ck_assert_int_eq(pclose(p), 0);
	return out;
}

/* Returns a Romanian citizen's envelope; address points into a static. */
static struct envelope_doc
doc_ro(void)
{
	static struct address a;
	struct envelope_doc d;

	memset(&a, 0, sizeof a);
	strcpy(a.town, "Cluj-Napoca");
	strcpy(a.street, "Strada Memorandumului");
	strcpy(a.number, "28");
	strcpy(a.block, "M1");
	strcpy(a.postal_code, "400114");
	memset(&d, 0, sizeof d);
	d.town = "Primăria Cluj-Napoca";
	d.serial = "ENV-2026-000001";
	d.recipient = "Ștefan Țărână";
	d.address = &a;
	d.username = "stefan.tarana";
	d.password = "x7Kq9PmW2rTs";
	d.qr_text = "ENV-2026-000001:5Q2M7A";
	d.label_serial = "Plic nr.";
	d.label_username = "Nume de utilizator";
	d.label_password = "Parolă de unică folosință";
	d.label_stamp = "Ștampila";
	d.instructions = RO_INSTRUCTIONS;
	return d;
}

/* Returns a Greek citizen's envelope. */
static struct envelope_doc
doc_gr(void)
{
	static struct address a;
	struct envelope_doc d;

	memset(&a, 0, sizeof a);
	strcpy(a.town, "Χερσόνησος");
	strcpy(a.street, "Οδός Ελευθερίας");
	strcpy(a.number, "12Α");
	strcpy(a.postal_code, "70014");
	strcpy(a.district, "Δημοτική Ενότητα Χερσονήσου");
	memset(&d, 0, sizeof d);
	d.town = "Δήμος Χερσονήσου";
	d.serial = "ENV-2026-000002";
	d.recipient = "Γιώργος Παπαδόπουλος";
	d.address = &a;
	d.username = "g.papadopoulos";
	d.password = "Hn4vR8cZ3kWe";
	d.qr_text = "ENV-2026-000002:9T4K1B";
	d.label_serial = "Φάκελος αρ.";
	d.label_username = "Όνομα χρήστη";
	d.label_password = "Κωδικός μίας χρήσης";
	d.label_stamp = "Σφραγίδα";
	d.instructions = GR_INSTRUCTIONS;
	return d;
}

/* Renders doc, checks it is a PDF, keeps a copy in $GUICHET_ENVELOPE_SAVE
 * (for looking at), and returns its text. */
static char *
render(const struct envelope_doc *doc, const char *name)
{
	struct envelope_layout l;
	unsigned char *pdf = NULL;
	const char *reason = NULL, *save;
	char keep[256], *text;
	size_t len = 0;
	FILE *f;

	envelope_layout_default(&l);
	ck_assert_int_eq(envelope_pdf(doc, &l, &pdf, &len, &reason), G_OK);
	ck_assert_ptr_null(reason);
	ck_assert_ptr_nonnull(pdf);
	ck_assert_uint_gt(len, 5);
	ck_assert(memcmp(pdf, "%PDF-", 5) == 0);
	if ((save = getenv("GUICHET_ENVELOPE_SAVE")) != NULL) {
		snprintf(keep, sizeof keep, "%s/envelope-%s.pdf", save, name);
		if ((f = fopen(keep, "w")) != NULL) {
			fwrite(pdf, 1, len, f);
			fclose(f);
		}
	}
	write_file(pdf, len);
	free(pdf);
	text = pdf_text();
	unlink(path);
	return text;
}

START_TEST(romanian_envelope_reads_back)
{
	struct envelope_doc d = doc_ro();
	char *text = render(&d, "ro");

	ck_assert_ptr_nonnull(strstr(text, "Ștefan Țărână"));
	ck_assert_ptr_nonnull(strstr(text, "ENV-2026-000001"));
	ck_assert_ptr_nonnull(strstr(text, "stefan.tarana"));
	ck_assert_ptr_nonnull(strstr(text, "x7Kq9PmW2rTs"));
	ck_assert_ptr_nonnull(strstr(text, "Primăria Cluj-Napoca"));
	ck_assert_ptr_nonnull(strstr(text, "Strada Memorandumului 28"));
	ck_assert_ptr_nonnull(strstr(text, "bl. M1"));
	ck_assert_ptr_nonnull(strstr(text, "400114 Cluj-Napoca"));
	ck_assert_ptr_nonnull(strstr(text, "Bine ați venit"));
	ck_assert_ptr_nonnull(strstr(text, "expiră în 30 de zile"));
	ck_assert_ptr_nonnull(strstr(text, "Parolă de unică folosință"));
	free(text);
}
END_TEST

START_TEST(greek_envelope_reads_back)
{
	struct envelope_doc d = doc_gr();
	char *text = render(&d, "gr");

	ck_assert_ptr_nonnull(strstr(text, "Γιώργος Παπαδόπουλος"));
	ck_assert_ptr_nonnull(strstr(text, "ENV-2026-000002"));
	ck_assert_ptr_nonnull(strstr(text, "g.papadopoulos"));
	ck_assert_ptr_nonnull(strstr(text, "Hn4vR8cZ3kWe"));
	ck_assert_ptr_nonnull(strstr(text, "Δήμος Χερσονήσου"));
	ck_assert_ptr_nonnull(strstr(text, "Οδός Ελευθερίας 12Α"));
	ck_assert_ptr_nonnull(strstr(text, "70014 Χερσόνησος"));
	ck_assert_ptr_nonnull(strstr(text, "Καλώς ήρθατε"));
	ck_assert_ptr_nonnull(strstr(text, "Κωδικός μίας χρήσης"));
	free(text);
}
END_TEST

START_TEST(markup_characters_print_as_typed)
{
	struct envelope_doc d = doc_ro();
	char *text;

	d.recipient = "O'Brien & <Co> <b>x</b>";
	d.town = "Primăria \"Nouă\" & Co";
	text = render(&d, "markup");
	ck_assert_ptr_nonnull(strstr(text, "O'Brien & <Co> <b>x</b>"));
	ck_assert_ptr_nonnull(strstr(text, "Primăria \"Nouă\" & Co"));
	free(text);
}
END_TEST

START_TEST(long_text_and_bad_utf8_still_render)
{
	struct envelope_doc d = doc_ro();
	struct address a = *d.address;
	char *instructions, *text;
	size_t i;

	instructions = malloc(6000);
	ck_assert_ptr_nonnull(instructions);
	for (i = 0; i + 1 < 6000; i++)
		instructions[i] = i % 7 == 6 ? ' ' : 'a';
	instructions[i] = '\0';
	memset(a.street, 'S', 300);
	a.street[300] = '\0';
	strcpy(a.apartment, "12");
	d.address = &a;
	d.instructions = instructions;
	d.recipient = "Bad \xff\xfe UTF-8";
	text = render(&d, "long");
	ck_assert_ptr_nonnull(strstr(text, "x7Kq9PmW2rTs"));
	free(text);
	free(instructions);
}
END_TEST

START_TEST(empty_fields_and_no_qr_render)
{
	struct envelope_doc d;
	char *text;

	memset(&d, 0, sizeof d);
	d.password = "abc";
	text = render(&d, "empty");
	ck_assert_ptr_nonnull(strstr(text, "abc"));
	free(text);
}
END_TEST

/* Loads text as a layout file over the defaults; returns the cause. */
static char *
load(struct envelope_layout *l, const char *text)
{
	char *cause = NULL;

	write_file(text, strlen(text));
	envelope_layout_default(l);
	if (envelope_layout_load(path, l, &cause) == G_OK)
		ck_assert_ptr_null(cause);
	unlink(path);
	return cause;
}

START_TEST(layout_file_is_read)
{
	struct envelope_layout l;
	char *cause = load(&l, "; DL, a model with a higher window\n"
	    "[envelope]\nwindow_y = 120.5\nwindow_x = 25mm\n"
	    "font_size = 11 pt\n");

	ck_assert_ptr_null(cause);
	ck_assert(fabs(l.window_y - 120.5) < 1e-9);
	ck_assert(fabs(l.window_x - 25 * 72 / 25.4) < 1e-9);
	ck_assert(fabs(l.font_size - 11) < 1e-9);
	ck_assert(fabs(l.page_width - 624) < 1e-9);
}
END_TEST

START_TEST(shipped_layout_is_the_default)
{
	struct envelope_layout l, def;
	const char *dir = getenv("TESTS_SRCDIR");
	char file[512], *cause = NULL;

	snprintf(file, sizeof file, "%s/../print/envelope-dl.ini",
	    dir != NULL ? dir : "tests");
	envelope_layout_default(&def);
	envelope_layout_default(&l);
	memset(&l, 0, sizeof l);
	l.page_width = 1;	/* every key must be in the file */
	ck_assert_int_eq(envelope_layout_load(file, &l, &cause), G_OK);
	ck_assert_ptr_null(cause);
	ck_assert(fabs(l.page_width - def.page_width) < 0.01);
	ck_assert(fabs(l.page_height - def.page_height) < 0.01);
	ck_assert(fabs(l.window_x - def.window_x) < 0.01);
	ck_assert(fabs(l.window_y - def.window_y) < 0.01);
	ck_assert(fabs(l.window_width - def.window_width) < 0.01);
	ck_assert(fabs(l.window_height - def.window_height) < 0.01);
	ck_assert(fabs(l.secret_x - def.secret_x) < 0.01);
	ck_assert(fabs(l.secret_y - def.secret_y) < 0.01);
	ck_assert(fabs(l.stamp_x - def.stamp_x) < 0.01);
	ck_assert(fabs(l.stamp_y - def.stamp_y) < 0.01);
	ck_assert(fabs(l.stamp_size - def.stamp_size) < 0.01);
	ck_assert(fabs(l.qr_x - def.qr_x) < 0.01);
	ck_assert(fabs(l.qr_y - def.qr_y) < 0.01);
	ck_assert(fabs(l.qr_size - def.qr_size) < 0.01);
	ck_assert(fabs(l.margin - def.margin) < 0.01);
	ck_assert(fabs(l.font_size - def.font_size) < 0.01);
}
END_TEST

START_TEST(unknown_key_is_named_with_its_line)
{
	struct envelope_layout l, def;
	char *cause = load(&l, "[envelope]\nmargin = 20\n\nwindow_z = 3\n");
	char want[96];

	ck_assert_ptr_nonnull(cause);
	snprintf(want, sizeof want, "%s:4: ", path);
	ck_assert_ptr_nonnull(strstr(cause, want));
	ck_assert_ptr_nonnull(strstr(cause, "window_z"));
	free(cause);
	/* A refused file leaves the layout as it was. */
	envelope_layout_default(&def);
	ck_assert(memcmp(&l, &def, sizeof l) == 0);
}
END_TEST

START_TEST(bad_numbers_are_refused)
{
	static const char *const bad[] = {
		"[envelope]\nwindow_x = abc\n",
		"[envelope]\nwindow_x = 12abc\n",
		"[envelope]\nwindow_x =\n",
		"[envelope]\nwindow_x = -3\n",
		"[envelope]\nfont_size = 0\n",
		"[envelope]\nqr_size = nan\n",
		"[envelope]\npage_width = inf\n",
		"[envelope]\nwindow_x = 12,5\n",
	};
	struct envelope_layout l;
	char want[96], *cause;
	size_t i;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		cause = load(&l, bad[i]);
		ck_assert_msg(cause != NULL, "accepted: %s", bad[i]);
		snprintf(want, sizeof want, "%s:2: ", path);
		ck_assert_msg(strstr(cause, want) != NULL, "%s", cause);
		free(cause);
	}
	cause = load(&l, "[page]\nmargin = 3\n");
	ck_assert_ptr_nonnull(cause);
	ck_assert_ptr_nonnull(strstr(cause, ":2: unknown section [page]"));
	free(cause);
	cause = load(&l, "[envelope]\nwindow_x = 500\n");
	ck_assert_ptr_nonnull(cause);
	ck_assert_ptr_nonnull(strstr(cause, "window does not fit"));
	free(cause);
}
END_TEST

START_TEST(missing_layout_file_is_an_error)
{
	struct envelope_layout l;
	char *cause = NULL;

	envelope_layout_default(&l);
	ck_assert_int_eq(envelope_layout_load("/nonexistent/dl.ini", &l,
	    &cause), G_ERR_CONFIG);
	ck_assert_ptr_nonnull(strstr(cause, "cannot read"));
	free(cause);
}
END_TEST

/* Prints the time one envelope takes, when asked to (not a test). */
static void
time_render(void)
{
	struct envelope_doc d = doc_ro();
	struct envelope_layout l;
	struct timespec t0, t1;
	unsigned char *pdf;
	const char *reason;
	size_t len;
	int i, n = 20;

	envelope_layout_default(&l);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (i = 0; i < n; i++) {
		if (envelope_pdf(&d, &l, &pdf, &len, &reason) != G_OK)
			return;
		free(pdf);
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	fprintf(stderr, "envelope: %.1f ms each, %zu bytes\n",
	    ((t1.tv_sec - t0.tv_sec) * 1e3 +
	    (t1.tv_nsec - t0.tv_nsec) / 1e6) / n, len);
}

int
main(void)
{
	Suite *s = suite_create("envelope-pdf");
	TCase *tc = tcase_create("envelope-pdf");
	SRunner *sr;
	int failed;

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, romanian_envelope_reads_back);
	tcase_add_test(tc, greek_envelope_reads_back);
	tcase_add_test(tc, markup_characters_print_as_typed);
	tcase_add_test(tc, long_text_and_bad_utf8_still_render);
	tcase_add_test(tc, empty_fields_and_no_qr_render);
	tcase_add_test(tc, layout_file_is_read);
	tcase_add_test(tc, shipped_layout_is_the_default);
	tcase_add_test(tc, unknown_key_is_named_with_its_line);
	tcase_add_test(tc, bad_numbers_are_refused);
	tcase_add_test(tc, missing_layout_file_is_an_error);
	suite_add_tcase(s, tc);
	sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	if (getenv("GUICHET_ENVELOPE_TIME") != NULL)
		time_render();
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
