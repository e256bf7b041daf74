/*
 * What travels to and from the central store, table by table: how a
 * row becomes a record and how a pulled record comes in.  Only
 * src/store/store-sync.c uses it.
 *
 * Every statement takes the same parameters: for export, ?1 the table's
 * name and ?2, ?3 the outbox entries the slice lies after and ends at;
 * for everything else ?1 the record's uid, ?2 its body, ?3 its rank and
 * ?4 its time.
 */
#ifndef GUICHET_SYNC_TABLES_H
#define GUICHET_SYNC_TABLES_H

struct sync_table {
	const char *tbl;
	/* for each of the table's rows in a slice of the outbox: the first
	 * entry it has there, whether an entry there made it, its uid,
	 * rank, time of the change and body (JSON) */
	const char *export;
	/* puts every row of the table in the outbox, for a station joining
	 * a centre */
	const char *backlog;
	/* revision and time of the station's copy; NULL: a pulled record
	 * always applies */
	const char *newer;
	/* non-zero when a row the record points at is not here yet; NULL:
	 * it points at none */
	const char *needs;
	/* the statements that apply it, NULL-ended */
	const char *const *apply;
};

/* Returns the table called tbl, or NULL for one this version does not
 * keep. */
const struct sync_table *sync_table(const char *tbl);

/* The tables, in the order a joining station queues them (what others
 * point at first), ending with one whose tbl is NULL. */
extern const struct sync_table *const sync_tables;

#endif
