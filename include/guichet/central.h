/*
 * The central store that workstations share: each pushes the rows it
 * changed and pulls what the others changed, and the centre gives out
 * protocol numbers, gap-free across stations.  One interface, two
 * engines: "sqlite:/path/central.db" (every station on one host) or
 * "postgresql://..." (libpq).  The service layer does not know which.
 *
 * A record is one row as it travels: its table and uid (the same at
 * every station), the station that sent it, a rank and the time of the
 * change, and the row itself as a JSON object.  The centre keeps one
 * record per table and uid: a pushed record replaces the kept one when
 * its rank is higher, or the same with a change at least as late; a
 * record identical to the kept one changes nothing, so a batch pushed
 * twice is pushed once.  Every replacement gets the next version, which
 * is what a station pulls after.
 */
#ifndef GUICHET_CENTRAL_H
#define GUICHET_CENTRAL_H

#include <stdbool.h>
#include <stdint.h>

struct central;

struct central_record {
	char tbl[32];
	char uid[96];
	char station[96];
	int64_t rank;
	char changed_at[32];		/* UTC ISO, to the millisecond */
	char *body;			/* JSON object, malloc'd */
	/* Pulled: the centre's version.  Pushed: the record's first place
	 * in the outbox, and whether the station made it since its last
	 * push (new to the centre, unless that push was cut short). */
	int64_t version;
	bool fresh;
};

/* Opens the centre at url, made by central_create.  G_OK, G_ERR_CONFIG
 * for a url of no known kind, or G_ERR_IO when it cannot be reached,
 * with *cause (caller frees). */
int central_open(const char *url, struct central **out, char **cause);

/* Closes c (NULL is fine). */
void central_close(struct central *c);

/* Creates the centre at url (for SQLite, the file too) and its tables
 * when missing; running it again changes nothing. */
int central_create(const char *url, char **cause);

/* Stores n records in one transaction (all or none).  Sets clock[0] and
 * clock[1] to the centre's clock before and after it: the versions in
 * between are this batch's alone (-1 for an empty batch). */
int central_push(struct central *c, const struct central_record *r, int n,
    int64_t clock[2], char **cause);

/* Calls fn with up to limit records of a version above after that another
 * station than station sent, in version order, but for audit rows, which
 * the centre keeps and hands to no station; fn returns G_OK to go on,
 * or an error, which stops the pull and is returned.  Sets *seen to the
 * version the station has seen everything up to: the last record's, or,
 * when fewer than limit came, the newest the centre had committed (so
 * its own records are not read again). */
int central_pull(struct central *c, int64_t after, const char *station,
    int limit, int (*fn)(const struct central_record *r, void *arg),
    void *arg, int64_t *seen, char **cause);

/* Gives request_uid its protocol number of year: the next one, or the
 * one it has already (so asking again after a crash gives the same). */
int central_number(struct central *c, int year, const char *request_uid,
    const char *station, int64_t *number, char **cause);

/* Claims key for station: the first station to claim a key holds it for
 * good (a citizen's vote in a poll is claimed so, so that two stations
 * cannot both take it).  Copies the holder's uid into holder, which is
 * station itself when it claimed first or claims again. */
int central_claim(struct central *c, const char *key, const char *station,
    char holder[96], char **cause);

#define CENTRAL_SECRET_BYTES 32

/* The installation secret every station of the town hall keys its
 * hashes and check codes with: the centre's, into out; a centre without
 * one takes offered. */
int central_secret(struct central *c,
    const unsigned char offered[CENTRAL_SECRET_BYTES],
    unsigned char out[CENTRAL_SECRET_BYTES], char **cause);

/* Frees the bodies of n records. */
void central_records_free(struct central_record *r, int n);

#endif
