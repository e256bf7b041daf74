#include "config.h"

#include "request-text.h"

#include <stdio.h>
#include <string.h>

#include "guichet/i18n.h"
#include "guichet/service-request.h"

void
request_number(const struct request *r, char *buf, size_t len)
{
	if (r->protocol[0] != '\0')
		snprintf(buf, len, "%s", r->protocol);
	else if (r->emergency[0] != '\0')
		snprintf(buf, len, "%s", r->emergency);
	else
		snprintf(buf, len, "#%lld", (long long)r->id);
}

/* Looks a type up without leaving a message behind: an unknown type is
 * shown by its id, not reported. */
static const struct request_type *
type_of(struct service *svc, const char *id)
{
	const struct request_type *types;
	int i, n;

	if ((types = service_request_types(svc, &n)) == NULL)
		return NULL;
	for (i = 0; i < n; i++)
		if (strcmp(types[i].id, id) == 0)
			return &types[i];
	return NULL;
}

const char *
request_type_label(struct service *svc, const char *id)
{
	const struct request_type *t = type_of(svc, id);

	return t != NULL ? label3_get(&t->label, i18n_language()) : id;
}

const char *
request_field_label(struct service *svc, const char *id, const char *name)
{
	const struct request_type *t = type_of(svc, id);
	int i;

	for (i = 0; t != NULL && i < t->nfields; i++)
		if (strcmp(t->fields[i].name, name) == 0)
			return label3_get(&t->fields[i].label,
			    i18n_language());
	return name;
}

const char *
request_value_label(const struct request_field *f, const char *value)
{
	int i;

	for (i = 0; i < f->nchoices; i++)
		if (strcmp(f->choices[i], value) == 0)
			return label3_get(&f->choice_labels[i],
			    i18n_language());
	return value;
}
