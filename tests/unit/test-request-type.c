#include "config.h"

#include <check.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "guichet/err.h"
#include "guichet/request-type.h"

/* A valid type: each malformed case below breaks one line of it. */
#define HEAD \
	"[type]\n"			/* 1 */ \
	"id = t\n"			/* 2 */ \
	"department = taxes\n"		/* 3 */ \
	"category = other\n"		/* 4 */ \
	"level = standard\n"		/* 5 */ \
	"label.en = T\n"		/* 6 */
#define FIELD \
	"[field subject]\n"		/* 7 */ \
	"type = text\n"			/* 8 */ \
	"label.en = Subject\n"		/* 9 */

/* Returns the folder of the built-in type files. */
static const char *
forms_dir(void)
{
	const char	*src = getenv("TESTS_SRCDIR");
	static char	 path[4096];

	if (src == NULL)
		return ("../../forms");
	snprintf(path, sizeof path, "%s/../forms", src);
	return (path);
}

/* Returns the whole file at path, NUL-terminated; the caller frees. */
static char *
slurp(const char *path)
{
	FILE	*fp;
	char	*buf;
	long	 n;

	fp = fopen(path, "rb");
	ck_assert_msg(fp != NULL, "cannot open %s", path);
	ck_assert_int_eq(fseek(fp, 0, SEEK_END), 0);
	n = ftell(fp);
	ck_assert_int_ge(n, 0);
	rewind(fp);
	buf = malloc((size_t)n + 1);
	ck_assert_ptr_nonnull(buf);
	ck_assert_uint_eq(fread(buf, 1, (size_t)n, fp), (size_t)n);
	buf[n] = '\0';
	fclose(fp);
	return (buf);
}

static void
parse_ok(const char *text, struct request_type *t)
{
	char	*cause = NULL;
	int	 rc;

	rc = request_type_parse("t.ini", text, t, &cause);
	ck_assert_msg(rc == G_OK, "%s", cause != NULL ? cause : "?");
	ck_assert_ptr_null(cause);
}

static void
parse_bad(const char *text, const char *expected)
{
	struct request_type	 t;
	char			*cause = NULL;

	ck_assert_int_eq(request_type_parse("t.ini", text, &t, &cause),
	    G_ERR_INVALID);
	ck_assert_ptr_nonnull(cause);
	ck_assert_str_eq(cause, expected);
	ck_assert_int_eq(t.nfields, 0);
	ck_assert_str_eq(t.id, "");
	free(cause);
}

static const struct request_field *
field(const struct request_type *t, const char *name)
{
	int	i;

	for (i = 0; i < t->nfields; i++)
		if (strcmp(t->fields[i].name, name) == 0)
			return (&t->fields[i]);
	ck_abort_msg("no field %s in %s", name, t->id);
	return (NULL);
}

START_TEST(test_builtin_files)
{
	struct request_type	 t;
	struct dirent		*de;
	DIR			*d;
	char			 path[8192], *text, *cause;
	size_t			 n;
	int			 count = 0, i, j;

	d = opendir(forms_dir());
	ck_assert_msg(d != NULL, "cannot open %s", forms_dir());
	while ((de = readdir(d)) != NULL) {
		n = strlen(de->d_name);
		if (n < 5 || strcmp(de->d_name + n - 4, ".ini") != 0)
			continue;
		snprintf(path, sizeof path, "%s/%s", forms_dir(), de->d_name);
		text = slurp(path);
		cause = NULL;
		ck_assert_msg(request_type_parse(de->d_name, text, &t,
		    &cause) == G_OK, "%s", cause);
		/* The id is the file's name; every label is in 3 languages. */
		ck_assert_int_eq(strncmp(t.id, de->d_name, n - 4), 0);
		ck_assert_uint_eq(strlen(t.id), n - 4);
		ck_assert(t.label.ro[0] && t.label.el[0] && t.label.en[0]);
		for (i = 0; i < t.nfields; i++) {
			const struct request_field *f = &t.fields[i];

			ck_assert_msg(f->label.ro[0] && f->label.el[0],
			    "%s: %s", t.id, f->name);
			ck_assert_int_gt(f->max, 0);
			for (j = 0; j < f->nchoices; j++)
				ck_assert_msg(f->choice_labels[j].ro[0] &&
				    f->choice_labels[j].el[0] &&
				    f->choice_labels[j].en[0], "%s: %s.%s",
				    t.id, f->name, f->choices[j]);
		}
		free(text);
		count++;
	}
	closedir(d);
	ck_assert_int_eq(count, 5);
}
END_TEST

START_TEST(test_builtin_contents)
{
	struct request_type		 t;
	const struct request_field	*f;
	char				 path[8192], *text;

	snprintf(path, sizeof path, "%s/complaint.ini", forms_dir());
	text = slurp(path);
	parse_ok(text, &t);
	free(text);
	ck_assert_int_eq(t.department, DEPT_PUBLIC_DOMAIN);
	ck_assert_int_eq(t.category, CAT_OTHER);
	ck_assert_int_eq(t.access, ACCESS_STANDARD);
	ck_assert(!t.auto_register);
	ck_assert_str_eq(label3_get(&t.label, "ro"), "Sesizare");
	f = field(&t, "subject");
	ck_assert(f->required);
	ck_assert_int_eq(f->max, 120);
	f = field(&t, "category");
	ck_assert_int_eq(f->nchoices, 4);
	ck_assert_str_eq(f->choices[0], "street-lighting");
	ck_assert_str_eq(label3_get(&f->choice_labels[0], "el"),
	    "Οδοφωτισμός");
	f = field(&t, "desired_action");
	ck_assert_int_eq(f->type, FIELD_LONG_TEXT);
	ck_assert(!f->required);
	ck_assert_int_eq(f->max, 1000);

	snprintf(path, sizeof path, "%s/no-debt-certificate.ini",
	    forms_dir());
	text = slurp(path);
	parse_ok(text, &t);
	free(text);
	ck_assert_int_eq(t.department, DEPT_TAXES);
	ck_assert_int_eq(t.category, CAT_CERTIFICATES);
	ck_assert_int_eq(t.access, ACCESS_VALIDATED);
	ck_assert(t.auto_register);
	ck_assert_int_eq(field(&t, "property")->type, FIELD_PROPERTY);
	ck_assert_int_eq(field(&t, "purpose")->max, 200);

	snprintf(path, sizeof path, "%s/civil-certificate.ini", forms_dir());
	text = slurp(path);
	parse_ok(text, &t);
	free(text);
	ck_assert_int_eq(t.department, DEPT_REGISTRY);
	f = field(&t, "kind");
	ck_assert_int_eq(f->nchoices, 5);
	ck_assert_str_eq(f->choices[3], "celibacy");
	ck_assert_str_eq(label3_get(&f->choice_labels[3], "el"),
	    "Πιστοποιητικό αγαμίας");
	ck_assert_str_eq(label3_get(&f->choice_labels[3], "ro"),
	    "Certificat de celibat");
	ck_assert(field(&t, "delivery")->required);
}
END_TEST

START_TEST(test_parse_minimal)
{
	struct request_type	t;

	parse_ok("\xef\xbb\xbf; a comment\n# another\n\n" HEAD
	    "auto_register = yes   ; inline comment\n"
	    "label.el = Τ\r\n"
	    "[ field  when ]\n"
	    "type = date\n"
	    "label.en = When\n"
	    "[field n]\ntype = number\nmax = 5\nlabel.en = N", &t);
	ck_assert_str_eq(t.id, "t");
	ck_assert(t.auto_register);
	ck_assert_str_eq(t.label.el, "Τ");
	ck_assert_int_eq(t.access, ACCESS_STANDARD);
	ck_assert_int_eq(t.nfields, 2);
	ck_assert_str_eq(t.fields[0].name, "when");
	ck_assert_int_eq(t.fields[0].max, 10);	/* the default */
	ck_assert_int_eq(t.fields[1].max, 5);
	/* A missing label falls back to English. */
	ck_assert_str_eq(label3_get(&t.fields[0].label, "el"), "When");
	ck_assert_str_eq(label3_get(&t.label, "xx"), "T");

	parse_ok(HEAD FIELD "[field l]\ntype = long-text\nlabel.en = L\n"
	    "[field p]\ntype = property\nlabel.en = P\n"
	    "[field c]\ntype = choice\nchoices = a\nlabel.en = C\n", &t);
	ck_assert_int_eq(t.fields[0].max, 200);
	ck_assert_int_eq(t.fields[1].max, 4000);
	ck_assert_int_eq(t.fields[2].max, 64);
	ck_assert_int_eq(t.fields[3].max, 32);
}
END_TEST

START_TEST(test_parse_errors)
{
	char	*text, *s;
	int	 i;

	parse_bad(HEAD FIELD "lable.ro = Subiect\n",
	    "t.ini:10: unknown key 'lable.ro' in [field subject]");
	parse_bad(HEAD "colour = red\n" FIELD,
	    "t.ini:7: unknown key 'colour' in [type]");
	parse_bad(HEAD FIELD "choice.a.ro = A\n",
	    "t.ini:10: 'choice.a.ro' names a choice not in the choices "
	    "listed above it");
	parse_bad(HEAD FIELD "choice.a.fr = A\n",
	    "t.ini:10: unknown key 'choice.a.fr' in [field subject]");
	parse_bad("[type]\nid = t\ndepartment = tax\n",
	    "t.ini:3: department must be one of taxes, building, "
	    "public-domain, social, emergencies, civil-registry");
	parse_bad("[type]\ncategory = lighting\n",
	    "t.ini:2: category must be one of certificates, "
	    "street-lighting, cleanliness, road-network, other");
	parse_bad("[type]\nlevel = B\n",
	    "t.ini:2: level must be one of anonymous, standard, validated");
	parse_bad(HEAD "[field x]\ntype = memo\n",
	    "t.ini:8: type must be one of text, long-text, date, choice, "
	    "number, property");
	parse_bad(HEAD FIELD "[field c]\ntype = choice\nlabel.en = C\n",
	    "t.ini:10: a choice field needs choices");
	parse_bad(HEAD FIELD "[field c]\ntype = choice\nchoices =\n"
	    "label.en = C\n", "t.ini:10: a choice field needs choices");
	parse_bad(HEAD "choices = a\n" FIELD,
	    "t.ini:7: unknown key 'choices' in [type]");
	parse_bad(HEAD FIELD "choices = a, b\n",
	    "t.ini:7: choices apply only to a choice field");
	parse_bad(HEAD FIELD "[field c]\ntype = choice\n"
	    "choices = a, b, a\n", "t.ini:12: duplicate choice 'a'");
	parse_bad(HEAD FIELD "[field c]\ntype = choice\n"
	    "choices = a, B\n", "t.ini:12: choice 'B' must be lower-case "
	    "letters, digits, '-' and '_' (at most 31)");
	parse_bad(HEAD FIELD "[field c]\ntype = choice\n"
	    "choices = a,b,c,d,e,f,g,h,i,j,k,l,m\n",
	    "t.ini:12: more than 12 choices");
	parse_bad("[type]\nid = t\nlevel = standard\ndepartment = taxes\n"
	    "category = other\nlabel.ro = T\n" FIELD,
	    "t.ini:1: missing label.en in [type]");
	parse_bad("\n[type]\nlevel = standard\n",
	    "t.ini:2: missing id in [type]");
	parse_bad("[type]\nid = t\n", "t.ini:1: missing department in [type]");
	parse_bad(HEAD FIELD "[field subject]\n",
	    "t.ini:10: duplicate field 'subject'");
	parse_bad(HEAD FIELD "[type]\n", "t.ini:10: duplicate section [type]");
	parse_bad("[type]\nid = Complaint\n",
	    "t.ini:2: id must be lower-case letters, digits and '-'");
	parse_bad("[type]\nid = a_b\n",
	    "t.ini:2: id must be lower-case letters, digits and '-'");
	parse_bad("[type]\nid = \n",
	    "t.ini:2: id must be lower-case letters, digits and '-'");
	parse_bad("[type]\nid = a23456789012345678901234567890123\n",
	    "t.ini:2: id is longer than 31 characters");
	parse_bad(HEAD "[field Subject]\n", "t.ini:7: field name must be "
	    "lower-case letters, digits and '_' (at most 31)");
	parse_bad(HEAD "[fields]\n", "t.ini:7: unknown section [fields]");
	parse_bad(HEAD "[type\n",
	    "t.ini:7: a section header must end with ']'");
	parse_bad("id = t\n[type]\n",
	    "t.ini:1: 'id' comes before any section");
	parse_bad("[type]\nid: t\n", "t.ini:2: not a 'key = value' line");
	parse_bad("[type]\n= t\n", "t.ini:2: not a 'key = value' line");
	parse_bad(HEAD "id = u\n", "t.ini:7: duplicate key 'id' in [type]");
	parse_bad(HEAD FIELD "type = date\n",
	    "t.ini:10: duplicate key 'type' in [field subject]");
	parse_bad(HEAD "auto_register = maybe\n",
	    "t.ini:7: auto_register must be yes or no");
	parse_bad(HEAD FIELD "required = 1\n",
	    "t.ini:10: required must be yes or no");
	parse_bad(HEAD FIELD "max = 12x\n",
	    "t.ini:10: max must be a whole number from 1 to 100000");
	parse_bad(HEAD FIELD "max = 0\n",
	    "t.ini:10: max must be a whole number from 1 to 100000");
	parse_bad(HEAD FIELD "max = -3\n",
	    "t.ini:10: max must be a whole number from 1 to 100000");
	parse_bad(HEAD "[field n]\ntype = number\nmax = 19\nlabel.en = N\n",
	    "t.ini:7: a number field has at most 18 digits");
	parse_bad(HEAD "[field d]\ntype = date\nmax = 8\nlabel.en = D\n",
	    "t.ini:7: max does not apply to a date field");
	parse_bad(HEAD "[field s]\nlabel.en = S\n",
	    "t.ini:7: missing type in [field s]");
	parse_bad(HEAD "[field s]\ntype = text\nlabel.ro = S\n",
	    "t.ini:7: missing label.en in [field s]");
	parse_bad(HEAD "[field s]\n" "[field u]\ntype = text\n"
	    "label.en = U\n", "t.ini:7: missing type in [field s]");
	parse_bad(HEAD, "t.ini:1: a type needs at least one [field NAME] "
	    "section");
	parse_bad("", "t.ini:1: missing [type] section");
	parse_bad("; only a comment\n", "t.ini:1: missing [type] section");
	parse_bad(HEAD "label.ro =\n" FIELD, "t.ini:7: label.ro is empty");
	parse_bad(HEAD "label.ro = a\x1b[31m\n" FIELD,
	    "t.ini:7: label.ro is not valid: contains a control character; "
	    "retype it without it");
	parse_bad(HEAD "label.el = \xce\n" FIELD,
	    "t.ini:7: label.el is not valid: not valid text (UTF-8); "
	    "retype it");

	/* 64 Greek letters are 128 bytes: one too many for the buffer. */
	text = malloc(4096);
	strcpy(text, HEAD FIELD "label.el = ");
	for (i = 0; i < 64; i++)
		strcat(text, "α");
	strcat(text, "\n");
	parse_bad(text, "t.ini:10: label.el is not valid: too long; "
	    "shorten it");
	/* A line of 1024 bytes is refused, not cut. */
	strcpy(text, HEAD FIELD "label.ro = ");
	s = text + strlen(text);
	memset(s, 'x', 1024 - strlen("label.ro = "));
	strcpy(s + 1024 - strlen("label.ro = "), "\n");
	parse_bad(text, "t.ini:10: line longer than 1023 bytes");
	free(text);
}
END_TEST

START_TEST(test_parse_too_many_fields)
{
	struct request_type	 t;
	char			*text;
	int			 i;

	text = malloc(8192);
	strcpy(text, HEAD);
	for (i = 0; i < REQUEST_TYPE_FIELDS_MAX; i++)
		sprintf(text + strlen(text),
		    "[field f%d]\ntype = text\nlabel.en = F\n", i);
	parse_ok(text, &t);
	ck_assert_int_eq(t.nfields, REQUEST_TYPE_FIELDS_MAX);
	strcat(text, "[field g]\n");
	/* 6 lines of [type], 3 per field. */
	parse_bad(text, "t.ini:55: more than 16 fields");
	free(text);
}
END_TEST

/* Builds a field of type with max (0: default) that is required or not. */
static struct request_field
F(enum field_type type, int max, bool required)
{
	struct request_field	f;

	memset(&f, 0, sizeof f);
	strcpy(f.name, "f");
	f.type = type;
	f.max = max;
	f.required = required;
	return (f);
}

#define OK(f, v)	ck_assert_ptr_null(request_field_check(&(f), (v)))
#define BAD(f, v, why)	do {						\
	const char *why_ = request_field_check(&(f), (v));		\
	ck_assert_msg(why_ != NULL, "accepted '%s'", (v));		\
	ck_assert_str_eq(why_, (why));					\
} while (0)

#define TOO_LONG	"too long; shorten it"
#define CONTROL		"contains a control character; retype it without it"
#define BAD_UTF8	"not valid text (UTF-8); retype it"

START_TEST(test_check_text)
{
	struct request_field	f = F(FIELD_TEXT, 5, true), g;

	OK(f, "abcde");
	OK(f, "ăîșțâ");			/* characters, not bytes */
	BAD(f, "abcdef", TOO_LONG);
	BAD(f, "ăîșțâă", TOO_LONG);
	BAD(f, "a\x1b", CONTROL);
	BAD(f, "a\nb", CONTROL);
	BAD(f, "a\xc3", BAD_UTF8);
	BAD(f, "", "required");
	ck_assert_str_eq(request_field_check(&f, NULL), "required");
	g = F(FIELD_TEXT, 0, false);	/* default 200 */
	OK(g, "");
	OK(g, NULL);
	{
		char	s[202];

		memset(s, 'x', 200);
		s[200] = '\0';
		OK(g, s);
		strcat(s, "x");
		BAD(g, s, TOO_LONG);
	}
}
END_TEST

START_TEST(test_check_long_text)
{
	struct request_field	f = F(FIELD_LONG_TEXT, 6, true), g;
	char			s[4002];

	OK(f, "ab\ncd");		/* the newline counts */
	OK(f, "ab\n\nșț");
	BAD(f, "ab\n\ncde", TOO_LONG);
	BAD(f, "ab\x1b", CONTROL);
	BAD(f, "a\nb\x1b", CONTROL);
	BAD(f, "a\r\nb", CONTROL);
	BAD(f, "a\n\xff", BAD_UTF8);
	BAD(f, "", "required");
	g = F(FIELD_LONG_TEXT, 0, false);
	memset(s, 'x', 4000);
	s[4000] = '\0';
	OK(g, s);
	strcat(s, "x");
	BAD(g, s, TOO_LONG);
	OK(g, "");
}
END_TEST

START_TEST(test_check_number)
{
	struct request_field	f = F(FIELD_NUMBER, 3, true), g;

	OK(f, "123");
	OK(f, "007");
	BAD(f, "1234", TOO_LONG);
	BAD(f, "-12", "not a number; type digits only");
	BAD(f, "1.5", "not a number; type digits only");
	BAD(f, "1 2", "not a number; type digits only");
	BAD(f, "١٢", "not a number; type digits only");
	BAD(f, "1\x1b", CONTROL);
	BAD(f, "1\xc3", BAD_UTF8);
	BAD(f, "", "required");
	g = F(FIELD_NUMBER, 0, false);
	OK(g, "123456789012345678");
	BAD(g, "1234567890123456789", TOO_LONG);
}
END_TEST

START_TEST(test_check_date)
{
	struct request_field	f = F(FIELD_DATE, 0, true);

	OK(f, "31.12.1980");
	OK(f, "31/12/1980");
	OK(f, "1980-12-31");
	BAD(f, "31.02.1980", "not a date; type it as 31.12.2026");
	BAD(f, "yesterday", "not a date; type it as 31.12.2026");
	BAD(f, "31.12.19801", TOO_LONG);
	BAD(f, "1.1\x1b", CONTROL);
	BAD(f, "\xe2\x82", BAD_UTF8);
	BAD(f, "", "required");
}
END_TEST

START_TEST(test_check_choice)
{
	struct request_field	f = F(FIELD_CHOICE, 0, true);

	f.nchoices = 2;
	strcpy(f.choices[0], "post");
	strcpy(f.choices[1], "email");
	OK(f, "post");
	OK(f, "email");
	BAD(f, "Post", "not one of the choices");
	BAD(f, "pos", "not one of the choices");
	BAD(f, "poșt", "not one of the choices");
	BAD(f, "post\x1b", CONTROL);
	BAD(f, "\xc0\xaf", BAD_UTF8);
	BAD(f, "", "required");
	f.required = false;
	OK(f, "");
	f.max = 3;			/* an explicit max still applies */
	BAD(f, "post", TOO_LONG);
}
END_TEST

START_TEST(test_check_property)
{
	struct request_field	f = F(FIELD_PROPERTY, 10, true), g;

	OK(f, "CF-123456");
	OK(f, "123456/1");
	BAD(f, "CF-12345678", TOO_LONG);
	BAD(f, "CF 123", "not a property reference; use letters, digits, "
	    "'-' and '/'");
	BAD(f, "ΚΑΕΚ-1", "not a property reference; use letters, digits, "
	    "'-' and '/'");
	BAD(f, "CF\x1b", CONTROL);
	BAD(f, "CF\xed\xa0\x80", BAD_UTF8);	/* a surrogate */
	BAD(f, "", "required");
	g = F(FIELD_PROPERTY, 0, false);
	OK(g, "0123456789012345678901234567890123456789012345678901234567"
	    "890123");
	BAD(g, "0123456789012345678901234567890123456789012345678901234567"
	    "8901234", TOO_LONG);
}
END_TEST

/* Builds a type needing access. */
static struct request_type
T(enum request_access access)
{
	struct request_type	t;

	memset(&t, 0, sizeof t);
	t.access = access;
	return (t);
}

START_TEST(test_allows)
{
	struct request_type	an = T(ACCESS_ANONYMOUS);
	struct request_type	st = T(ACCESS_STANDARD);
	struct request_type	va = T(ACCESS_VALIDATED);

	/* Anonymously: the level does not matter. */
	ck_assert(request_type_allows(&an, LEVEL_NONE, true));
	ck_assert(request_type_allows(&an, LEVEL_VALIDATED, true));
	ck_assert(!request_type_allows(&st, LEVEL_VALIDATED, true));
	ck_assert(!request_type_allows(&va, LEVEL_VALIDATED, true));
	ck_assert(!request_type_allows(&st, LEVEL_NONE, true));

	ck_assert(request_type_allows(&an, LEVEL_NONE, false));
	ck_assert(!request_type_allows(&st, LEVEL_NONE, false));
	ck_assert(!request_type_allows(&va, LEVEL_NONE, false));

	ck_assert(request_type_allows(&an, LEVEL_STANDARD, false));
	ck_assert(request_type_allows(&st, LEVEL_STANDARD, false));
	ck_assert(!request_type_allows(&va, LEVEL_STANDARD, false));

	ck_assert(request_type_allows(&an, LEVEL_VALIDATED, false));
	ck_assert(request_type_allows(&st, LEVEL_VALIDATED, false));
	ck_assert(request_type_allows(&va, LEVEL_VALIDATED, false));

	ck_assert(!request_type_allows(&an, LEVEL_SUSPENDED, false));
	ck_assert(!request_type_allows(&st, LEVEL_SUSPENDED, false));
	ck_assert(!request_type_allows(&va, LEVEL_SUSPENDED, false));
	ck_assert(!request_type_allows(&an, LEVEL_CLOSED, false));
	ck_assert(!request_type_allows(&va, LEVEL_CLOSED, false));
}
END_TEST

START_TEST(test_names)
{
	ck_assert_str_eq(request_department_name(DEPT_REGISTRY),
	    "civil-registry");
	ck_assert_str_eq(request_department_name(DEPT_COUNT), "?");
	ck_assert_str_eq(request_category_name(CAT_ROAD_NETWORK),
	    "road-network");
	ck_assert_str_eq(request_category_name(CAT_COUNT), "?");
	ck_assert_str_eq(field_type_name(FIELD_LONG_TEXT), "long-text");
	ck_assert_str_eq(field_type_name(FIELD_TYPE_COUNT), "?");
}
END_TEST

static Suite *
request_type_suite(void)
{
	Suite	*s = suite_create("request-type");
	TCase	*tc = tcase_create("core");

	tcase_add_test(tc, test_builtin_files);
	tcase_add_test(tc, test_builtin_contents);
	tcase_add_test(tc, test_parse_minimal);
	tcase_add_test(tc, test_parse_errors);
	tcase_add_test(tc, test_parse_too_many_fields);
	tcase_add_test(tc, test_check_text);
	tcase_add_test(tc, test_check_long_text);
	tcase_add_test(tc, test_check_number);
	tcase_add_test(tc, test_check_date);
	tcase_add_test(tc, test_check_choice);
	tcase_add_test(tc, test_check_property);
	tcase_add_test(tc, test_allows);
	tcase_add_test(tc, test_names);
	suite_add_tcase(s, tc);
	return (s);
}

int
main(void)
{
	SRunner	*sr;
	int	 failed;

	sr = srunner_create(request_type_suite());
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return (failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE);
}
