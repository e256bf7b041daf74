/*
 * Request types as data: each file forms/NAME.ini describes one kind of
 * request a citizen may file: its id, department, category, the account
 * level it needs, and its fields with their labels in Romanian, Greek and
 * English.  A town hall adds a type by adding a file; a malformed file is
 * refused with "file:line: message".  The built-in files are compiled in
 * (like the schema); a folder of extra files may add or replace types.
 *
 * File format (INI):
 *   [type]
 *   id = complaint                      ; [a-z0-9-], unique
 *   department = public-domain          ; see enum request_department
 *   category = street-lighting          ; see enum request_category
 *   level = standard                    ; anonymous | standard | validated
 *   auto_register = no                  ; yes: registered on filing
 *   label.ro = Sesizare
 *   label.el = Παράπονο
 *   label.en = Complaint
 *   [field subject]                     ; one section per field, in order
 *   type = text                         ; text | long-text | date | choice |
 *                                       ; number | property
 *   required = yes
 *   max = 120                           ; characters (text), digits (number)
 *   choices = a, b, c                   ; choice: the stored values
 *   label.ro = Subiect
 *   label.el = Θέμα
 *   label.en = Subject
 *   choice.a.ro = ...                   ; optional labels per choice,
 *                                       ; after the choices line
 *
 * Lines are "[section]", "key = value", blank, or comments starting with
 * ';' or '#'; a ';' after a blank starts a comment at the end of a line,
 * so a value cannot hold " ;".  Values are not quoted and do not continue
 * on the next line.  A key may appear once per section.  Field names are
 * [a-z0-9_], choice values [a-z0-9_-]; labels are UTF-8 without control
 * characters.  max does not apply to date and choice fields; a number has
 * at most 18 digits.  Required: id, department, category, level and
 * label.en in [type], at least one field, and type and label.en in every
 * field; a choice field needs choices.
 */
#ifndef GUICHET_REQUEST_TYPE_H
#define GUICHET_REQUEST_TYPE_H

#include <stdbool.h>
#include <stddef.h>

#include "guichet/person.h"

#define REQUEST_TYPE_FIELDS_MAX 16
#define REQUEST_CHOICES_MAX 12

enum request_department {
	DEPT_TAXES,			/* "taxes": taxes and duties */
	DEPT_BUILDING,			/* "building": building permits */
	DEPT_PUBLIC_DOMAIN,		/* "public-domain": town property */
	DEPT_SOCIAL,			/* "social": social assistance */
	DEPT_EMERGENCIES,		/* "emergencies" */
	DEPT_REGISTRY,			/* "civil-registry" */
	DEPT_COUNT
};

enum request_category {
	CAT_CERTIFICATES,		/* "certificates" */
	CAT_STREET_LIGHTING,		/* "street-lighting" */
	CAT_CLEANLINESS,		/* "cleanliness" */
	CAT_ROAD_NETWORK,		/* "road-network" */
	CAT_OTHER,			/* "other" */
	CAT_COUNT
};

enum request_access {
	ACCESS_ANONYMOUS,		/* anyone, no personal data kept */
	ACCESS_STANDARD,		/* Level A */
	ACCESS_VALIDATED		/* Level B */
};

enum field_type {
	FIELD_TEXT, FIELD_LONG_TEXT, FIELD_DATE, FIELD_CHOICE, FIELD_NUMBER,
	FIELD_PROPERTY, FIELD_TYPE_COUNT
};

/* Labels in the three languages; any may be empty (English is used). */
struct label3 {
	char ro[128], el[128], en[128];
};

struct request_field {
	char name[32];			/* [a-z0-9_] */
	enum field_type type;
	bool required;
	int max;			/* characters (digits for a number); 0:
					 * the type's default (text 200,
					 * long-text 4000, date 10, choice 32,
					 * number 18, property 64), which
					 * request_type_parse fills in */
	int nchoices;
	char choices[REQUEST_CHOICES_MAX][32];
	struct label3 choice_labels[REQUEST_CHOICES_MAX];
	struct label3 label;
};

struct request_type {
	char id[32];
	enum request_department department;
	enum request_category category;
	enum request_access access;
	bool auto_register;
	struct label3 label;
	int nfields;
	struct request_field fields[REQUEST_TYPE_FIELDS_MAX];
};

/* Parses one type file's text (name is used in messages) into *out,
 * which needs no freeing.  Returns G_OK, or G_ERR_INVALID with *out
 * zeroed and *cause ("name:line: message" in English, caller frees;
 * NULL on success): unknown section or key, a duplicate key, field or
 * choice, a bad value, too many fields or choices, a line longer than
 * 1023 bytes; and, at the line of the section concerned, a missing id,
 * department, category, level or label.en, a field without a type or
 * label.en, a choice field without choices.  Only the first problem is
 * reported. */
int request_type_parse(const char *name, const char *text,
    struct request_type *out, char **cause);

/* Returns the label of lab in lang ("ro", "el", "en"), falling back to
 * English. */
const char *label3_get(const struct label3 *lab, const char *lang);

/* Returns NULL when value (trimmed by the caller; NULL is empty) is
 * acceptable for f, else a static reason (N_()) that does not name the
 * field, for the caller to show after its label: "required", "too long;
 * shorten it", "not one of the choices" (the stored value must match),
 * "not a date..." (date_parse_any), "not a number..." (digits only),
 * "not a property reference..." (ASCII letters, digits, '-', '/').
 * Control characters and invalid UTF-8 are refused as person_check_text
 * does; a long-text may hold newlines ('\n', counted as one character). */
const char *request_field_check(const struct request_field *f,
    const char *value);

/* Returns true when someone may file a request of type t: anonymously
 * (anonymous set; level is then ignored) only an anonymous type; with no
 * account (LEVEL_NONE) likewise; at Level A anonymous and standard types;
 * at Level B every type; a suspended or closed account nothing. */
bool request_type_allows(const struct request_type *t,
    enum account_level level, bool anonymous);

/* Names for storage and files, as in the type files; "?" when out of
 * range. */
const char *request_department_name(enum request_department d);
const char *request_category_name(enum request_category c);
const char *field_type_name(enum field_type t);

/* Returns the department's label for people, marked N_(); "?" when out
 * of range. */
const char *request_department_label(enum request_department d);

/* Returns the department called name, or -1. */
int request_department_from_name(const char *name);

#endif
