/*
 * The demo's council decisions: a dozen over the last two years, in the
 * profile's language, numbered per year as councils number them.  Pure:
 * the days and the order of the subjects come from the caller's PRNG.
 */
#include "config.h"

#include "guichet/demo.h"

#include <stdio.h>
#include <string.h>

#define WINDOW_DAYS	730	/* the last two years, today included */
#define PER_YEAR	180	/* decisions a council adopts in a year */

/* A decision's subject: its title and the article that decides it, each
 * with the year of the decision plus year_offset where they say %d. */
struct subject {
	int year_offset;
	const char *title, *article;
};

/* What a country's decisions say around their subject. */
struct wording {
	const char *council;	/* under the town's name */
	const char *heading;	/* with the number: "Hotărârea nr. %s" */
	const char *dated;	/* with the date: "din %s" */
	const char *date;	/* day, month, year */
	const char *body;	/* the date, then the article */
	const char *signature;
	const struct subject *subjects;
};

static const struct subject ro_subjects[DEMO_DECISIONS] = {
	{ 0, "Hotărâre privind aprobarea bugetului local pe anul %d",
	  "Se aprobă bugetul local pe anul %d, la venituri și la "
	  "cheltuieli, conform anexelor care fac parte integrantă din "
	  "prezenta hotărâre." },
	{ 1, "Hotărâre privind stabilirea impozitelor și taxelor locale "
	  "pentru anul %d",
	  "Se stabilesc impozitele și taxele locale pentru anul %d, la "
	  "nivelurile din anexă, indexate cu rata inflației." },
	{ 0, "Hotărâre privind rectificarea bugetului local pe anul %d",
	  "Se aprobă rectificarea bugetului local pe anul %d, prin "
	  "suplimentarea cheltuielilor de capital pentru reparația "
	  "străzilor." },
	{ 0, "Hotărâre privind aprobarea Planului Urbanistic Zonal "
	  "„Cartierul Grădinilor”",
	  "Se aprobă Planul Urbanistic Zonal „Cartierul Grădinilor”, "
	  "împreună cu regulamentul local de urbanism aferent." },
	{ 0, "Hotărâre privind reabilitarea termică a Școlii Gimnaziale "
	  "„Mihai Eminescu”",
	  "Se aprobă documentația tehnico-economică și indicatorii pentru "
	  "reabilitarea termică a Școlii Gimnaziale „Mihai Eminescu”." },
	{ 0, "Hotărâre privind organizarea Zilelor Orașului",
	  "Se aprobă programul manifestărilor culturale dedicate Zilelor "
	  "Orașului și cheltuielile necesare." },
	{ 0, "Hotărâre privind atribuirea denumirii „Strada Teilor” unei "
	  "străzi noi",
	  "Se atribuie denumirea „Strada Teilor” străzii nou înființate, "
	  "identificate în planul anexat." },
	{ 0, "Hotărâre privind aprobarea Regulamentului serviciului de "
	  "salubrizare",
	  "Se aprobă Regulamentul serviciului de salubrizare al localității, "
	  "în forma prevăzută în anexă." },
	{ 0, "Hotărâre privind acordarea titlului de cetățean de onoare",
	  "Se acordă titlul de cetățean de onoare, pentru merite deosebite "
	  "în promovarea culturii și tradițiilor locale." },
	{ 0, "Hotărâre privind aprobarea tarifelor pentru transportul "
	  "public local",
	  "Se aprobă tarifele pentru transportul public local de călători, "
	  "conform anexei." },
	{ 0, "Hotărâre privind darea în folosință gratuită a unor spații "
	  "asociației pensionarilor",
	  "Se dau în folosință gratuită, pe cinci ani, spațiile de la "
	  "parterul clădirii din strada Libertății nr. 3." },
	{ 0, "Hotărâre privind amenajarea locurilor de joacă din parcurile "
	  "publice",
	  "Se aprobă amenajarea și dotarea a patru locuri de joacă pentru "
	  "copii în parcurile publice." },
};

static const struct subject gr_subjects[DEMO_DECISIONS] = {
	{ 0, "Απόφαση για την έγκριση του προϋπολογισμού %d",
	  "Εγκρίνει τον προϋπολογισμό του Δήμου για το οικονομικό έτος %d, "
	  "όπως αναλύεται στο παράρτημα της απόφασης." },
	{ 1, "Απόφαση για τον καθορισμό των δημοτικών τελών του έτους %d",
	  "Καθορίζει τους συντελεστές των τελών καθαριότητας και "
	  "ηλεκτροφωτισμού για το έτος %d, χωρίς αύξηση." },
	{ 0, "Απόφαση για την αναμόρφωση του προϋπολογισμού %d",
	  "Εγκρίνει την αναμόρφωση του προϋπολογισμού %d με την ενίσχυση "
	  "των πιστώσεων για έργα οδοποιίας." },
	{ 0, "Απόφαση για την ανάπλαση της κεντρικής πλατείας",
	  "Εγκρίνει τη μελέτη ανάπλασης της κεντρικής πλατείας και την "
	  "υποβολή της για χρηματοδότηση." },
	{ 0, "Απόφαση για την ενεργειακή αναβάθμιση του 2ου Δημοτικού "
	  "Σχολείου",
	  "Εγκρίνει την τεχνική μελέτη και τη δαπάνη της ενεργειακής "
	  "αναβάθμισης του 2ου Δημοτικού Σχολείου." },
	{ 0, "Απόφαση για τις πολιτιστικές εκδηλώσεις του καλοκαιριού",
	  "Εγκρίνει το πρόγραμμα των πολιτιστικών εκδηλώσεων του "
	  "καλοκαιριού και τη σχετική δαπάνη." },
	{ 0, "Απόφαση για την ονομασία νέας οδού «Οδός Ελιάς»",
	  "Δίνει την ονομασία «Οδός Ελιάς» στη νέα οδό της οικιστικής "
	  "περιοχής, όπως φαίνεται στο συνημμένο τοπογραφικό." },
	{ 0, "Απόφαση για την έγκριση του κανονισμού καθαριότητας",
	  "Εγκρίνει τον κανονισμό καθαριότητας του Δήμου, όπως παρατίθεται "
	  "στο παράρτημα." },
	{ 0, "Απόφαση για την ανακήρυξη επίτιμου δημότη",
	  "Ανακηρύσσει επίτιμο δημότη, για την προσφορά του στον πολιτισμό "
	  "του τόπου." },
	{ 0, "Απόφαση για το αντίτιμο των εισιτηρίων της δημοτικής "
	  "συγκοινωνίας",
	  "Καθορίζει το αντίτιμο των εισιτηρίων της δημοτικής συγκοινωνίας "
	  "σύμφωνα με τον συνημμένο πίνακα." },
	{ 0, "Απόφαση για την παραχώρηση χώρου στο Κέντρο Ανοιχτής "
	  "Προστασίας Ηλικιωμένων",
	  "Παραχωρεί για πέντε έτη τη χρήση του ισογείου του δημοτικού "
	  "κτηρίου της οδού Ελευθερίας 3." },
	{ 0, "Απόφαση για τη δημιουργία παιδικών χαρών σε δημοτικά πάρκα",
	  "Εγκρίνει τη δημιουργία και τον εξοπλισμό τεσσάρων παιδικών "
	  "χαρών σε δημοτικά πάρκα." },
};

static const struct wording wordings[COUNTRY_COUNT] = {
	[COUNTRY_RO] = {
		"Consiliul Local",
		"Hotărârea nr. %s",
		"din %s",
		"%02d.%02d.%04d",
		"Consiliul Local, întrunit în ședința ordinară din %s,\n"
		"Având în vedere referatul de aprobare al primarului și "
		"raportul de specialitate,\n"
		"În temeiul art. 129 și al art. 139 din Ordonanța de urgență "
		"a Guvernului nr. 57/2019 privind Codul administrativ,\n"
		"HOTĂRĂȘTE:\n"
		"Art. 1. %s\n"
		"Art. 2. Primarul, prin aparatul de specialitate, duce la "
		"îndeplinire prezenta hotărâre.\n"
		"Art. 3. Prezenta hotărâre se comunică Instituției "
		"Prefectului și se aduce la cunoștință publică.",
		"Președinte de ședință\n"
		"Contrasemnează: secretarul general",
		ro_subjects,
	},
	[COUNTRY_GR] = {
		"Δημοτικό Συμβούλιο",
		"Απόφαση αριθ. %s",
		"της %s",
		"%02d/%02d/%04d",
		"Το Δημοτικό Συμβούλιο, σε τακτική συνεδρίαση στις %s,\n"
		"αφού έλαβε υπόψη την εισήγηση του Δημάρχου και τις "
		"διατάξεις του ν. 3852/2010, όπως ισχύει,\n"
		"αποφασίζει ομόφωνα:\n"
		"1. %s\n"
		"2. Αναθέτει στον Δήμαρχο την εκτέλεση της απόφασης.\n"
		"3. Η απόφαση αναρτάται στο πρόγραμμα «Διαύγεια» και στην "
		"ιστοσελίδα του Δήμου.",
		"Ο Πρόεδρος του Δημοτικού Συμβουλίου\n"
		"Τα μέλη",
		gr_subjects,
	},
};

/* Returns a working day of country - councils meet on those - among the
 * span days from first. */
static struct date
meeting_day(enum country country, struct demo_rng *rng, int32_t first,
    int32_t span)
{
	struct date day;

	do
		day = date_from_days(first + (int32_t)demo_rng_below(rng,
		    (uint64_t)span));
	while (!working_day_is(country, day, NULL));
	return day;
}

void
demo_decisions_make(enum country country, struct demo_rng *rng,
    struct date today, struct demo_decision out[DEMO_DECISIONS])
{
	const struct wording *w = &wordings[country];
	const struct subject *s;
	size_t order[DEMO_DECISIONS], i, j, t;
	int32_t first = date_to_days(today) - (WINDOW_DAYS - 1), span;
	int last_year = 0, last_number = 0, number, doy;
	char number_text[DECISION_NUMBER_LEN], date_text[16], article[512];

	for (i = 0; i < DEMO_DECISIONS; i++)
		order[i] = i;
	for (i = DEMO_DECISIONS - 1; i > 0; i--) {	/* Fisher-Yates */
		j = (size_t)demo_rng_below(rng, i + 1);
		t = order[i];
		order[i] = order[j];
		order[j] = t;
	}
	span = WINDOW_DAYS / DEMO_DECISIONS;
	for (i = 0; i < DEMO_DECISIONS; i++) {
		struct demo_decision *d = &out[i];

		memset(d, 0, sizeof *d);
		/* One a slot of two months, the oldest first, so that the
		 * numbers of a year grow with its days. */
		d->adopted = meeting_day(country, rng,
		    first + (int32_t)i * span, span);
		d->year = d->adopted.year;
		doy = date_to_days(d->adopted) - date_to_days((struct date){
		    d->year, 1, 1 });
		number = 1 + doy * PER_YEAR / 366 +
		    (int)demo_rng_below(rng, 3);
		if (d->year == last_year && number <= last_number)
			number = last_number + 1;
		d->number = last_number = number;
		last_year = d->year;

		s = &w->subjects[order[i]];
		snprintf(d->title, sizeof d->title, s->title,
		    d->year + s->year_offset);
		snprintf(article, sizeof article, s->article,
		    d->year + s->year_offset);
		decision_number_format(d->number, d->year, number_text,
		    sizeof number_text);
		snprintf(date_text, sizeof date_text, w->date,
		    d->adopted.day, d->adopted.month, d->adopted.year);
		snprintf(d->heading, sizeof d->heading, w->heading,
		    number_text);
		snprintf(d->dated, sizeof d->dated, w->dated, date_text);
		snprintf(d->body, sizeof d->body, w->body, date_text,
		    article);
		d->council = w->council;
		d->signature = w->signature;
	}
}
