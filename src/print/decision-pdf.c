/*
 * A council decision on an A4 page: heading and title centred from the
 * top, the body under a rule, the signatures anchored to the bottom
 * margin; drawn with the helpers in pdf-draw.c.
 */
#include "config.h"

#include "guichet/decision-pdf.h"

#include "guichet/i18n-mark.h"

#include "pdf-draw.h"

#define PAGE_WIDTH	595.0		/* A4 portrait, points */
#define PAGE_HEIGHT	842.0
#define MARGIN		60.0
#define WIDTH		(PAGE_WIDTH - 2 * MARGIN)
#define GAP		18.0		/* space between blocks */
#define TOWN_FONT	13.0
#define COUNCIL_FONT	11.0
#define HEADING_FONT	16.0
#define DATE_FONT	11.0
#define TITLE_FONT	13.0
#define BODY_FONT	11.0
#define SIGN_FONT	10.5
#define SIGN_LINES	4

/* Draws the decision: the blocks at the top in at most a few lines each,
 * the signatures at the foot, and the body in what is left between. */
static const char *
decision_paint(struct draw *d, const void *arg)
{
	const struct decision_doc *doc = arg;
	double y, bottom = PAGE_HEIGHT - MARGIN;
	PangoLayout *pl;

	y = text_show_free(d, text_centred(d, doc->town, PDF_SANS, TOWN_FONT,
	    1, WIDTH, 2), MARGIN, MARGIN, 0);
	y = text_show_free(d, text_centred(d, doc->council, PDF_SANS,
	    COUNCIL_FONT, 0, WIDTH, 1), MARGIN, y + 2, 0.25);
	draw_rule(d, MARGIN, y + GAP / 2, WIDTH);
	y = text_show_free(d, text_centred(d, doc->heading, PDF_SANS,
	    HEADING_FONT, 1, WIDTH, 1), MARGIN, y + GAP * 1.5, 0);
	y = text_show_free(d, text_centred(d, doc->date, PDF_SANS, DATE_FONT,
	    0, WIDTH, 1), MARGIN, y + 2, 0.25);
	y = text_show_free(d, text_centred(d, doc->title, PDF_SANS,
	    TITLE_FONT, 1, WIDTH, 4), MARGIN, y + GAP, 0);
	draw_rule(d, MARGIN, y + GAP / 2, WIDTH);
	y += GAP;

	pl = text_new(d, PDF_SANS, SIGN_FONT, 0);
	text_set(pl, doc->signature);
	text_fit(pl, SIGN_FONT, WIDTH, SIGN_FONT * PDF_LINE * SIGN_LINES);
	bottom -= text_height(pl);
	text_show_free(d, pl, MARGIN, bottom, 0);

	if (bottom - GAP - y > PDF_MIN_FONT * PDF_LINE) {
		pl = text_new(d, PDF_SANS, BODY_FONT, 0);
		text_set(pl, doc->body);
		pango_layout_set_justify(pl, TRUE);
		text_paragraphs(pl);
		text_fit(pl, BODY_FONT, WIDTH, bottom - GAP - y);
		text_show_free(d, pl, MARGIN, y, 0);
	}
	return NULL;
}

int
decision_pdf(const struct decision_doc *doc, unsigned char **pdf,
    size_t *len, const char **reason)
{
	const struct pdf_page page = {
		PAGE_WIDTH, PAGE_HEIGHT, doc->heading,
		N_("the decision's page could not be made"),
		N_("the decision could not be drawn"),
		N_("the decision's PDF could not be written"),
		doc->created,
	};

	return pdf_render(&page, decision_paint, doc, pdf, len, reason);
}
