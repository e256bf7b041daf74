/*
 * The tables that travel, as SQL: a row leaves as a JSON object made by
 * SQLite (json_object), with the keys of the rows it points at (a uid, a
 * national id, a unit's code, an obligation's reference) in place of
 * local ids, and comes back the same way (json_extract), so the station
 * that pulls it links it to its own rows.  Parameters: see
 * sync-tables.h.
 */
#include "config.h"

#include "sync-tables.h"

#include <stddef.h>
#include <string.h>

/* The body of a pulled record, as j, for the apply statements. */
#define BODY "FROM (SELECT json(?2) AS j) WHERE true "

static const char *const person_apply[] = {
	"INSERT INTO person (uid, country, cnp, afm, amka, surname, "
	"given_names, former_names, birth_date, town, district, street, "
	"number, block, staircase, floor, apartment, postal_code, phone, "
	"email, contact, level, created_at, revision, changed_at) SELECT ?1, "
	"j->>'country', j->>'cnp', j->>'afm', j->>'amka', j->>'surname', "
	"j->>'given_names', j->>'former_names', j->>'birth_date', "
	"j->>'town', j->>'district', j->>'street', j->>'number', "
	"j->>'block', j->>'staircase', j->>'floor', j->>'apartment', "
	"j->>'postal_code', j->>'phone', j->>'email', j->>'contact', "
	"j->>'level', j->>'created_at', ?3, ?4 " BODY
	"ON CONFLICT (uid) DO UPDATE SET country = excluded.country, "
	"cnp = excluded.cnp, afm = excluded.afm, amka = excluded.amka, "
	"surname = excluded.surname, given_names = excluded.given_names, "
	"former_names = excluded.former_names, "
	"birth_date = excluded.birth_date, town = excluded.town, "
	"district = excluded.district, street = excluded.street, "
	"number = excluded.number, block = excluded.block, "
	"staircase = excluded.staircase, floor = excluded.floor, "
	"apartment = excluded.apartment, postal_code = excluded.postal_code, "
	"phone = excluded.phone, email = excluded.email, "
	"contact = excluded.contact, level = excluded.level, "
	"revision = excluded.revision, changed_at = excluded.changed_at",
	/* Its names may have changed: the caller indexes it anew. */
	"DELETE FROM person_search WHERE person_id = "
	"(SELECT id FROM person WHERE uid = ?1)",
	NULL
};

/* The request, its fields (once: they never change), its registration
 * and annulment, and no more waiting for a number it has. */
static const char *const request_apply[] = {
	"INSERT INTO request (uid, type, department, category, person_id, "
	"filed_by, station, status, filed_at, reply, assigned_to, "
	"duplicate_of, revision, changed_at) SELECT ?1, j->>'type', "
	"j->>'department', j->>'category', "
	"(SELECT id FROM person WHERE uid = j->>'person'), j->>'filed_by', "
	"j->>'station', j->>'status', j->>'filed_at', j->>'reply', "
	"j->>'assigned_to', "
	"(SELECT id FROM request WHERE uid = j->>'duplicate_of'), ?3, ?4 "
	BODY "ON CONFLICT (uid) DO UPDATE SET status = excluded.status, "
	"reply = excluded.reply, assigned_to = excluded.assigned_to, "
	"duplicate_of = excluded.duplicate_of, revision = excluded.revision, "
	"changed_at = excluded.changed_at",
	"INSERT OR IGNORE INTO request_field (request_id, name, value) "
	"SELECT (SELECT id FROM request WHERE uid = ?1), f.key, f.value "
	"FROM json_each(json(?2), '$.fields') f",
	"INSERT OR IGNORE INTO registry (year, number, request_id, "
	"registered_at, registered_by, station) SELECT j->>'year', "
	"j->>'number', (SELECT id FROM request WHERE uid = ?1), "
	"j->>'registered_at', j->>'registered_by', j->>'station' "
	"FROM (SELECT json(?2) -> '$.registry' AS j) WHERE j IS NOT NULL "
	"AND j <> 'null'",
	"UPDATE registry SET annulled_at = json(?2) ->> '$.registry.annulled_at', "
	"annulled_by = json(?2) ->> '$.registry.annulled_by', "
	"annul_reason = json(?2) ->> '$.registry.annul_reason' "
	"WHERE request_id = (SELECT id FROM request WHERE uid = ?1) AND "
	"annulled_at IS NULL AND "
	"json(?2) ->> '$.registry.annulled_at' IS NOT NULL",
	"DELETE FROM registry_pending WHERE request_id = "
	"(SELECT id FROM request WHERE uid = ?1) AND "
	"json(?2) ->> '$.registry.number' IS NOT NULL",
	NULL
};

static const char *const event_apply[] = {
	"INSERT OR IGNORE INTO request_event (uid, request_id, from_status, "
	"to_status, text, by_actor, station, at) SELECT ?1, "
	"(SELECT id FROM request WHERE uid = j->>'request'), "
	"j->>'from_status', j->>'to_status', j->>'text', j->>'by_actor', "
	"j->>'station', j->>'at' " BODY,
	NULL
};

/* A revoked credential outranks any other state of it, whatever the
 * revisions: the revision is kept apart. */
#define CREDENTIAL_RANK "(CASE WHEN state = 'revoked' THEN 1000000000 " \
	"ELSE 0 END + revision)"

static const char *const credential_apply[] = {
	"INSERT INTO credential (uid, person_id, username, password_hash, "
	"state, must_change, created_at, activated_at, revoked_at, "
	"revoke_reason, revision, changed_at) SELECT ?1, "
	"(SELECT id FROM person WHERE uid = j->>'person'), j->>'username', "
	"j->>'password_hash', j->>'state', j->>'must_change', "
	"j->>'created_at', j->>'activated_at', j->>'revoked_at', "
	"j->>'revoke_reason', ?3 % 1000000000, ?4 " BODY
	"ON CONFLICT (uid) DO UPDATE SET password_hash = "
	"excluded.password_hash, state = excluded.state, "
	"must_change = excluded.must_change, "
	"activated_at = excluded.activated_at, "
	"revoked_at = excluded.revoked_at, "
	"revoke_reason = excluded.revoke_reason, "
	"revision = excluded.revision, changed_at = excluded.changed_at",
	NULL
};

/* The same for an envelope: revoked outranks the rest. */
#define ENVELOPE_RANK CREDENTIAL_RANK

/* An envelope comes with its number and serial, the station's that
 * numbered it; then only its state and what goes with it change. */
static const char *const envelope_apply[] = {
	"INSERT INTO envelope (uid, serial, year, number, origin, person_id, "
	"credential_id, state, replaces, reason, printer, job_id, "
	"print_error, created_by, station, created_at, printed_at, "
	"expires_at, handed_over_at, handed_over_by, document, revision, "
	"changed_at) SELECT ?1, j->>'serial', j->>'year', j->>'number', "
	"j->>'origin', (SELECT id FROM person WHERE uid = j->>'person'), "
	"(SELECT id FROM credential WHERE uid = j->>'credential'), "
	"j->>'state', (SELECT id FROM envelope WHERE uid = j->>'replaces'), "
	"j->>'reason', j->>'printer', j->>'job_id', j->>'print_error', "
	"j->>'created_by', j->>'station', j->>'created_at', "
	"j->>'printed_at', j->>'expires_at', j->>'handed_over_at', "
	"j->>'handed_over_by', j->>'document', ?3 % 1000000000, ?4 " BODY
	"ON CONFLICT (uid) DO UPDATE SET "
	"credential_id = excluded.credential_id, state = excluded.state, "
	"printer = excluded.printer, job_id = excluded.job_id, "
	"print_error = excluded.print_error, "
	"printed_at = excluded.printed_at, expires_at = excluded.expires_at, "
	"handed_over_at = excluded.handed_over_at, "
	"handed_over_by = excluded.handed_over_by, "
	"document = excluded.document, revision = excluded.revision, "
	"changed_at = excluded.changed_at",
	NULL
};

/* A poll comes with its options, once: a poll is never changed. */
static const char *const poll_apply[] = {
	"INSERT INTO poll (uid, question, opens_on, closes_on, level, "
	"created_by, created_at) SELECT ?1, j->>'question', j->>'opens_on', "
	"j->>'closes_on', j->>'level', j->>'created_by', j->>'created_at' "
	BODY "ON CONFLICT (uid) DO NOTHING",
	"INSERT OR IGNORE INTO poll_option (poll_id, position, label) "
	"SELECT (SELECT id FROM poll WHERE uid = ?1), o.key, o.value "
	"FROM json_each(json(?2), '$.options') o",
	NULL
};

static const char *const poll_voter_apply[] = {
	"INSERT OR IGNORE INTO poll_voter (poll_id, person_id, origin) "
	"SELECT (SELECT id FROM poll WHERE uid = json(?2) ->> 'poll'), p.id, "
	"v.value ->> 'origin' FROM json_each(json(?2), '$.voters') v "
	"JOIN person p ON p.uid = v.value ->> 'person'",
	NULL
};

/* A station's counts only grow. */
static const char *const poll_count_apply[] = {
	"INSERT INTO poll_count (poll_id, station, position, votes) SELECT "
	"(SELECT id FROM poll WHERE uid = json(?2) ->> 'poll'), "
	"json(?2) ->> 'station', c.key, c.value "
	"FROM json_each(json(?2), '$.counts') c WHERE true "
	"ON CONFLICT (poll_id, station, position) DO UPDATE SET "
	"votes = MAX(votes, excluded.votes)",
	NULL
};

/* A fine never changes; its payment, taken at one counter, comes once.
 * A second payment of it, taken elsewhere while the two were apart,
 * breaks the rule of one payment a fine and is set aside for a person
 * to settle. */
static const char *const fine_apply[] = {
	"INSERT OR IGNORE INTO fine (municipality, number, plate, issued_at, "
	"type, amount, registered_at, registered_by, station) SELECT "
	"j->>'municipality', j->>'number', j->>'plate', j->>'issued_at', "
	"j->>'type', j->>'amount', j->>'registered_at', j->>'registered_by', "
	"j->>'station' " BODY,
	"INSERT INTO fine_payment (key, fine_id, amount, paid_on, channel, "
	"registered_at, registered_by, station) SELECT j->>'key', "
	"(SELECT id FROM fine WHERE municipality = json(?2) ->> "
	"'municipality' AND number = json(?2) ->> 'number'), j->>'amount', "
	"j->>'paid_on', j->>'channel', j->>'registered_at', "
	"j->>'registered_by', j->>'station' "
	"FROM (SELECT json(?2) -> '$.payment' AS j) WHERE j IS NOT NULL AND "
	"j <> 'null' AND NOT EXISTS (SELECT 1 FROM fine_payment WHERE "
	"key = j->>'key')",
	NULL
};

static const char *const business_apply[] = {
	"INSERT INTO business (uid, country, cui, afm, name, search_key, "
	"town, street, number, postal_code, email, created_by, created_at) "
	"SELECT ?1, j->>'country', j->>'cui', j->>'afm', j->>'name', "
	"j->>'search_key', j->>'town', j->>'street', j->>'number', "
	"j->>'postal_code', j->>'email', j->>'created_by', j->>'created_at' "
	BODY "ON CONFLICT (uid) DO UPDATE SET name = excluded.name, "
	"search_key = excluded.search_key, town = excluded.town, "
	"street = excluded.street, number = excluded.number, "
	"postal_code = excluded.postal_code, email = excluded.email",
	NULL
};

/* A representation, and later its end, which wins (rank 1). */
static const char *const representative_apply[] = {
	"INSERT INTO representative (uid, business_id, person_id, "
	"declaration_date, document_ref, recorded_by, station, at, ended_at, "
	"ended_by) SELECT ?1, (SELECT id FROM business WHERE uid = "
	"j->>'business'), (SELECT id FROM person WHERE uid = j->>'person'), "
	"j->>'declaration_date', j->>'document_ref', j->>'recorded_by', "
	"j->>'station', j->>'at', j->>'ended_at', j->>'ended_by' " BODY
	"ON CONFLICT (uid) DO UPDATE SET ended_at = excluded.ended_at, "
	"ended_by = excluded.ended_by WHERE representative.ended_at IS NULL",
	NULL
};

/* A quarter is declared once: the same declaration again is nothing, a
 * different one of the same quarter is set aside. */
static const char *const declaration_apply[] = {
	"INSERT INTO declaration (business_id, year, quarter, gross, "
	"night_club, declared_on, due_on, fee, charge, payment_id, "
	"declared_by, station) SELECT (SELECT id FROM business WHERE uid = "
	"j->>'business'), j->>'year', j->>'quarter', j->>'gross', "
	"j->>'night_club', j->>'declared_on', j->>'due_on', j->>'fee', "
	"j->>'charge', (SELECT id FROM payment WHERE key = j->>'payment'), "
	"j->>'declared_by', j->>'station' " BODY "AND NOT EXISTS (SELECT 1 "
	"FROM declaration d JOIN business b ON b.id = d.business_id WHERE "
	"b.uid = j->>'business' AND d.year = j->>'year' AND "
	"d.quarter = j->>'quarter' AND d.declared_on = j->>'declared_on' AND "
	"d.gross = j->>'gross')",
	NULL
};

/* An application waits in every counter's queue until one handles it;
 * handled (rank 1) wins over waiting. */
static const char *const registration_apply[] = {
	"INSERT INTO registration_request (uid, person_id, source, "
	"received_at, deadline, status, handled_by, handled_at, note) "
	"SELECT ?1, (SELECT id FROM person WHERE uid = j->>'person'), "
	"j->>'source', j->>'received_at', j->>'deadline', j->>'status', "
	"j->>'handled_by', j->>'handled_at', j->>'note' " BODY
	"ON CONFLICT (uid) DO UPDATE SET status = excluded.status, "
	"handled_by = excluded.handled_by, handled_at = excluded.handled_at, "
	"note = excluded.note WHERE registration_request.status = 'pending'",
	NULL
};

static const char *const validation_apply[] = {
	"INSERT INTO validation (uid, person_id, national_key, method, "
	"doc_type, doc_series, doc_number, doc_issuer, doc_expiry, "
	"address_proof, evidence, validated_by, station, at, revoked_at, "
	"revoked_by, revoke_reason) SELECT ?1, (SELECT id FROM person WHERE "
	"uid = j->>'person'), j->>'national_key', j->>'method', "
	"j->>'doc_type', j->>'doc_series', j->>'doc_number', "
	"j->>'doc_issuer', j->>'doc_expiry', j->>'address_proof', "
	"j->>'evidence', j->>'validated_by', j->>'station', j->>'at', "
	"j->>'revoked_at', j->>'revoked_by', j->>'revoke_reason' " BODY
	"ON CONFLICT (uid) DO UPDATE SET revoked_at = excluded.revoked_at, "
	"revoked_by = excluded.revoked_by, "
	"revoke_reason = excluded.revoke_reason "
	"WHERE validation.revoked_at IS NULL",
	NULL
};

/* Kept at the centre only: a station applies none. */
static const char *const audit_apply[] = { NULL };

static const char *const taxpayer_apply[] = {
	"INSERT INTO taxpayer (national_id, name, address, person_id) "
	"SELECT ?1, j->>'name', j->>'address', "
	"(SELECT id FROM person WHERE uid = j->>'person') " BODY
	"ON CONFLICT (national_id) DO UPDATE SET name = excluded.name, "
	"address = excluded.address, "
	"person_id = COALESCE(excluded.person_id, taxpayer.person_id)",
	NULL
};

static const char *const unit_apply[] = {
	"INSERT INTO taxable_unit (code, kind, description, address) "
	"SELECT ?1, j->>'kind', j->>'description', j->>'address' " BODY
	"ON CONFLICT (code) DO UPDATE SET kind = excluded.kind, "
	"description = excluded.description, address = excluded.address",
	"INSERT INTO unit_owner (unit_id, taxpayer_id, share_num, share_den) "
	"SELECT (SELECT id FROM taxable_unit WHERE code = ?1), t.id, "
	"o.value ->> 'num', o.value ->> 'den' "
	"FROM json_each(json(?2), '$.owners') o JOIN taxpayer t "
	"ON t.national_id = o.value ->> 'taxpayer' WHERE true "
	"ON CONFLICT (unit_id, taxpayer_id) DO UPDATE SET "
	"share_num = excluded.share_num, share_den = excluded.share_den",
	NULL
};

static const char *const obligation_apply[] = {
	"INSERT INTO obligation (ref, taxpayer_id, unit_id, tax_type, name, "
	"tax_year, principal, notice, notice_date, due_date, iban, rf, "
	"discountable) SELECT ?1, "
	"(SELECT id FROM taxpayer WHERE national_id = j->>'taxpayer'), "
	"(SELECT id FROM taxable_unit WHERE code = j->>'unit'), "
	"j->>'tax_type', j->>'name', j->>'tax_year', j->>'principal', "
	"j->>'notice', j->>'notice_date', j->>'due_date', j->>'iban', "
	"j->>'rf', j->>'discountable' " BODY
	"ON CONFLICT (ref) DO UPDATE SET taxpayer_id = excluded.taxpayer_id, "
	"unit_id = excluded.unit_id, tax_type = excluded.tax_type, "
	"name = excluded.name, tax_year = excluded.tax_year, "
	"principal = excluded.principal, notice = excluded.notice, "
	"notice_date = excluded.notice_date, due_date = excluded.due_date, "
	"iban = excluded.iban, rf = excluded.rf, "
	"discountable = excluded.discountable",
	NULL
};

/* A payment is never changed: once here, only its allocations may
 * still come. */
static const char *const payment_apply[] = {
	"INSERT OR IGNORE INTO payment (key, taxpayer_id, payer, amount, "
	"paid_on, channel, advice, bank, account, credit, registered_at, "
	"registered_by, station) SELECT ?1, "
	"(SELECT id FROM taxpayer WHERE national_id = j->>'taxpayer'), "
	"j->>'payer', j->>'amount', j->>'paid_on', j->>'channel', "
	"j->>'advice', j->>'bank', j->>'account', j->>'credit', "
	"j->>'registered_at', j->>'registered_by', j->>'station' " BODY,
	"INSERT OR IGNORE INTO allocation (payment_id, obligation_id, "
	"principal, charges, closed_charges, discount) SELECT "
	"(SELECT id FROM payment WHERE key = ?1), o.id, "
	"a.value ->> 'principal', a.value ->> 'charges', "
	"a.value ->> 'closed_charges', a.value ->> 'discount' "
	"FROM json_each(json(?2), '$.allocations') a JOIN obligation o "
	"ON o.ref = a.value ->> 'obligation'",
	NULL
};

static const char *const import_apply[] = {
	"UPDATE register_import SET finished_at = j->>'finished_at', "
	"rows_read = j->>'rows_read', rows_bad = j->>'rows_bad' "
	"FROM (SELECT json(?2) AS j) WHERE sha256 = j->>'sha256' AND "
	"started_at = j->>'started_at'",
	"INSERT INTO register_import (file, sha256, started_at, finished_at, "
	"rows_read, rows_bad, imported_by) SELECT j->>'file', "
	"j->>'sha256', j->>'started_at', j->>'finished_at', j->>'rows_read', "
	"j->>'rows_bad', j->>'imported_by' " BODY "AND NOT EXISTS "
	"(SELECT 1 FROM register_import WHERE sha256 = j->>'sha256' AND "
	"started_at = j->>'started_at')",
	NULL
};

/* Joins the rows of table ?1 in the outbox after entry ?2 up to entry
 * ?3 to the table (as alias), each row once, with the place it first
 * took (sync_first), whether one of its entries made it (sync_fresh) and
 * the time of its latest change (sync_at). */
#define SLICE(alias) " JOIN (SELECT row_id AS sync_row, " \
	"MIN(seq) AS sync_first, MAX(fresh) AS sync_fresh, " \
	"MAX(at) AS sync_at FROM outbox " \
	"WHERE tbl = ?1 AND seq > ?2 AND seq <= ?3 GROUP BY row_id) " \
	"ON sync_row = " alias ".id"

/* What every export begins with (see SLICE). */
#define EXPORT "SELECT sync_first, sync_fresh, "

/* In the order a joining station queues them: what others point at
 * first. */
static const struct sync_table tables[] = {
	{ "person",
	  EXPORT "uid, revision, changed_at, json_object('country', country, "
	  "'cnp', cnp, 'afm', afm, 'amka', amka, 'surname', surname, "
	  "'given_names', given_names, 'former_names', former_names, "
	  "'birth_date', birth_date, 'town', town, 'district', district, "
	  "'street', street, 'number', number, 'block', block, "
	  "'staircase', staircase, 'floor', floor, 'apartment', apartment, "
	  "'postal_code', postal_code, 'phone', phone, 'email', email, "
	  "'contact', contact, 'level', level, 'created_at', created_at) "
	  "FROM person p" SLICE("p"),
	  "INSERT INTO outbox (tbl, row_id, at) SELECT 'person', id, "
	  "changed_at FROM person ORDER BY id",
	  "SELECT revision, changed_at FROM person WHERE uid = ?1",
	  NULL, person_apply },
	{ "request",
	  EXPORT "r.uid, r.revision, r.changed_at, json_object("
	  "'type', r.type, 'department', r.department, "
	  "'category', r.category, "
	  "'person', (SELECT uid FROM person WHERE id = r.person_id), "
	  "'filed_by', r.filed_by, 'station', r.station, "
	  "'status', r.status, 'filed_at', r.filed_at, 'reply', r.reply, "
	  "'assigned_to', r.assigned_to, "
	  "'duplicate_of', (SELECT uid FROM request WHERE id = r.duplicate_of), "
	  "'fields', json((SELECT json_group_object(name, value) "
	  "FROM request_field WHERE request_id = r.id)), "
	  "'registry', json((SELECT json_object('year', year, "
	  "'number', number, 'registered_at', registered_at, "
	  "'registered_by', registered_by, 'station', station, "
	  "'annulled_at', annulled_at, 'annulled_by', annulled_by, "
	  "'annul_reason', annul_reason) FROM registry "
	  "WHERE request_id = r.id))) FROM request r" SLICE("r"),
	  "INSERT INTO outbox (tbl, row_id, at) SELECT 'request', id, "
	  "changed_at FROM request ORDER BY id",
	  "SELECT revision, changed_at FROM request WHERE uid = ?1",
	  "SELECT j->>'person' IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "
	  "person WHERE uid = j->>'person') " BODY,
	  request_apply },
	{ "request_event",
	  EXPORT "e.uid, 0, e.at, json_object("
	  "'request', (SELECT uid FROM request WHERE id = e.request_id), "
	  "'from_status', e.from_status, 'to_status', e.to_status, "
	  "'text', e.text, 'by_actor', e.by_actor, 'station', e.station, "
	  "'at', e.at) FROM request_event e" SLICE("e"),
	  "INSERT INTO outbox (tbl, row_id, at) SELECT 'request_event', "
	  "id, at FROM request_event ORDER BY id",
	  NULL,
	  "SELECT NOT EXISTS (SELECT 1 FROM request WHERE uid = "
	  "json(?2) ->> 'request')",
	  event_apply },
	{ "credential",
	  EXPORT "c.uid, " CREDENTIAL_RANK ", c.changed_at, json_object("
	  "'person', (SELECT uid FROM person WHERE id = c.person_id), "
	  "'username', username, 'password_hash', password_hash, "
	  "'state', state, 'must_change', must_change, "
	  "'created_at', created_at, 'activated_at', activated_at, "
	  "'revoked_at', revoked_at, 'revoke_reason', revoke_reason) "
	  "FROM credential c" SLICE("c"),
	  "INSERT INTO outbox (tbl, row_id, at) SELECT 'credential', id, "
	  "changed_at FROM credential ORDER BY id",
	  "SELECT " CREDENTIAL_RANK ", changed_at FROM credential "
	  "WHERE uid = ?1",
	  "SELECT NOT EXISTS (SELECT 1 FROM person WHERE uid = "
	  "json(?2) ->> 'person')",
	  credential_apply },
	{ "envelope",
	  EXPORT "e.uid, " ENVELOPE_RANK ", e.changed_at, json_object("
	  "'serial', serial, 'year', year, 'number', number, "
	  "'origin', origin, "
	  "'person', (SELECT uid FROM person WHERE id = e.person_id), "
	  "'credential', (SELECT uid FROM credential "
	  "WHERE id = e.credential_id), 'state', state, "
	  "'replaces', (SELECT uid FROM envelope WHERE id = e.replaces), "
	  "'reason', reason, 'printer', printer, 'job_id', job_id, "
	  "'print_error', print_error, 'created_by', created_by, "
	  "'station', station, 'created_at', created_at, "
	  "'printed_at', printed_at, 'expires_at', expires_at, "
	  "'handed_over_at', handed_over_at, "
	  "'handed_over_by', handed_over_by, 'document', document) "
	  "FROM envelope e" SLICE("e"),
	  "INSERT INTO outbox (tbl, row_id, at) SELECT 'envelope', id, "
	  "changed_at FROM envelope ORDER BY id",
	  "SELECT " ENVELOPE_RANK ", changed_at FROM envelope WHERE uid = ?1",
	  "SELECT NOT EXISTS (SELECT 1 FROM person WHERE uid = j->>'person') "
	  "OR (j->>'credential' IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "
	  "credential WHERE uid = j->>'credential')) OR (j->>'replaces' IS "
	  "NOT NULL AND NOT EXISTS (SELECT 1 FROM envelope WHERE "
	  "uid = j->>'replaces')) " BODY,
	  envelope_apply },
	{ "validation",
	  EXPORT "v.uid, v.revoked_at IS NOT NULL, sync_at, json_object("
	  "'person', (SELECT uid FROM person WHERE id = v.person_id), "
	  "'national_key', national_key, 'method', method, "
	  "'doc_type', doc_type, 'doc_series', doc_series, "
	  "'doc_number', doc_number, 'doc_issuer', doc_issuer, "
	  "'doc_expiry', doc_expiry, 'address_proof', address_proof, "
	  "'evidence', evidence, 'validated_by', validated_by, "
	  "'station', station, 'at', at, 'revoked_at', revoked_at, "
	  "'revoked_by', revoked_by, 'revoke_reason', revoke_reason) "
	  "FROM validation v" SLICE("v"),
	  "INSERT INTO outbox (tbl, row_id, at) SELECT 'validation', id, at "
	  "FROM validation ORDER BY id",
	  NULL,
	  "SELECT NOT EXISTS (SELECT 1 FROM person WHERE uid = "
	  "json(?2) ->> 'person')",
	  validation_apply },
	{ "business",
	  EXPORT "uid, 0, sync_at, json_object('country', country, "
	  "'cui', cui, "
	  "'afm', afm, 'name', name, 'search_key', search_key, 'town', town, "
	  "'street', street, 'number', number, 'postal_code', postal_code, "
	  "'email', email, 'created_by', created_by, "
	  "'created_at', created_at) FROM business b" SLICE("b"),
	  "INSERT INTO outbox (tbl, row_id, at) SELECT 'business', id, "
	  "created_at FROM business ORDER BY id",
	  NULL, NULL, business_apply },
	{ "representative",
	  EXPORT "r.uid, r.ended_at IS NOT NULL, sync_at, json_object("
	  "'business', (SELECT uid FROM business WHERE id = r.business_id), "
	  "'person', (SELECT uid FROM person WHERE id = r.person_id), "
	  "'declaration_date', declaration_date, "
	  "'document_ref', document_ref, 'recorded_by', recorded_by, "
	  "'station', station, 'at', at, 'ended_at', ended_at, "
	  "'ended_by', ended_by) FROM representative r" SLICE("r"),
	  "INSERT INTO outbox (tbl, row_id, at) SELECT 'representative', id, "
	  "at FROM representative ORDER BY id",
	  NULL,
	  "SELECT NOT EXISTS (SELECT 1 FROM business WHERE uid = "
	  "j->>'business') OR NOT EXISTS (SELECT 1 FROM person WHERE uid = "
	  "j->>'person') " BODY,
	  representative_apply },
	{ "registration_request",
	  EXPORT "g.uid, g.status <> 'pending', sync_at, json_object("
	  "'person', (SELECT uid FROM person WHERE id = g.person_id), "
	  "'source', source, 'received_at', received_at, "
	  "'deadline', deadline, 'status', status, "
	  "'handled_by', handled_by, 'handled_at', handled_at, 'note', note) "
	  "FROM registration_request g" SLICE("g"),
	  "INSERT INTO outbox (tbl, row_id, at) SELECT "
	  "'registration_request', id, received_at FROM registration_request "
	  "ORDER BY id",
	  NULL,
	  "SELECT NOT EXISTS (SELECT 1 FROM person WHERE uid = "
	  "json(?2) ->> 'person')",
	  registration_apply },
	{ "taxpayer",
	  EXPORT "national_id, 0, sync_at, json_object('name', name, "
	  "'address', address, "
	  "'person', (SELECT uid FROM person WHERE id = t.person_id)) "
	  "FROM taxpayer t" SLICE("t"),
	  "INSERT INTO outbox (tbl, row_id, at) SELECT 'taxpayer', id, "
	  "strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM taxpayer ORDER BY id",
	  NULL,
	  "SELECT j->>'person' IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "
	  "person WHERE uid = j->>'person') " BODY,
	  taxpayer_apply },
	{ "taxable_unit",
	  EXPORT "code, 0, sync_at, json_object('kind', kind, "
	  "'description', description, 'address', address, "
	  "'owners', json((SELECT json_group_array(json_object("
	  "'taxpayer', t.national_id, 'num', w.share_num, "
	  "'den', w.share_den)) FROM unit_owner w JOIN taxpayer t "
	  "ON t.id = w.taxpayer_id WHERE w.unit_id = u.id))) "
	  "FROM taxable_unit u" SLICE("u"),
	  "INSERT INTO outbox (tbl, row_id, at) SELECT 'taxable_unit', id, "
	  "strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM taxable_unit "
	  "ORDER BY id",
	  NULL,
	  "SELECT EXISTS (SELECT 1 FROM json_each(json(?2), '$.owners') o "
	  "WHERE NOT EXISTS (SELECT 1 FROM taxpayer "
	  "WHERE national_id = o.value ->> 'taxpayer'))",
	  unit_apply },
	{ "obligation",
	  EXPORT "ref, 0, sync_at, json_object("
	  "'taxpayer', (SELECT national_id FROM taxpayer "
	  "WHERE id = o.taxpayer_id), "
	  "'unit', (SELECT code FROM taxable_unit WHERE id = o.unit_id), "
	  "'tax_type', tax_type, 'name', name, 'tax_year', tax_year, "
	  "'principal', principal, 'notice', notice, "
	  "'notice_date', notice_date, 'due_date', due_date, 'iban', iban, "
	  "'rf', rf, 'discountable', discountable) "
	  "FROM obligation o" SLICE("o"),
	  "INSERT INTO outbox (tbl, row_id, at) SELECT 'obligation', id, "
	  "strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM obligation ORDER BY id",
	  NULL,
	  "SELECT NOT EXISTS (SELECT 1 FROM taxpayer WHERE national_id = "
	  "j->>'taxpayer') OR (j->>'unit' IS NOT NULL AND NOT EXISTS "
	  "(SELECT 1 FROM taxable_unit WHERE code = j->>'unit')) " BODY,
	  obligation_apply },
	{ "payment",
	  EXPORT "key, 0, sync_at, json_object("
	  "'taxpayer', (SELECT national_id FROM taxpayer "
	  "WHERE id = p.taxpayer_id), "
	  "'payer', payer, 'amount', amount, 'paid_on', paid_on, "
	  "'channel', channel, 'advice', advice, 'bank', bank, "
	  "'account', account, 'credit', credit, "
	  "'registered_at', registered_at, 'registered_by', registered_by, "
	  "'station', station, 'allocations', json((SELECT "
	  "json_group_array(json_object('obligation', o.ref, "
	  "'principal', a.principal, 'charges', a.charges, "
	  "'closed_charges', a.closed_charges, 'discount', a.discount)) "
	  "FROM allocation a JOIN obligation o ON o.id = a.obligation_id "
	  "WHERE a.payment_id = p.id))) FROM payment p" SLICE("p"),
	  "INSERT INTO outbox (tbl, row_id, at) SELECT 'payment', id, "
	  "registered_at FROM payment ORDER BY id",
	  NULL,
	  "SELECT NOT EXISTS (SELECT 1 FROM taxpayer WHERE national_id = "
	  "j->>'taxpayer') OR EXISTS (SELECT 1 FROM "
	  "json_each(j, '$.allocations') a WHERE NOT EXISTS (SELECT 1 FROM "
	  "obligation WHERE ref = a.value ->> 'obligation')) " BODY,
	  payment_apply },
	{ "declaration",
	  EXPORT "b.uid || ':' || d.year || 'Q' || d.quarter, 0, sync_at, "
	  "json_object('business', b.uid, 'year', d.year, "
	  "'quarter', d.quarter, 'gross', d.gross, "
	  "'night_club', d.night_club, 'declared_on', d.declared_on, "
	  "'due_on', d.due_on, 'fee', d.fee, 'charge', d.charge, "
	  "'payment', (SELECT key FROM payment WHERE id = d.payment_id), "
	  "'declared_by', d.declared_by, 'station', d.station) "
	  "FROM declaration d JOIN business b ON b.id = d.business_id "
	  SLICE("d"),
	  "INSERT INTO outbox (tbl, row_id, at) SELECT 'declaration', id, "
	  "declared_on FROM declaration ORDER BY id",
	  NULL,
	  "SELECT NOT EXISTS (SELECT 1 FROM business WHERE uid = "
	  "j->>'business') OR (j->>'payment' IS NOT NULL AND NOT EXISTS "
	  "(SELECT 1 FROM payment WHERE key = j->>'payment')) " BODY,
	  declaration_apply },
	{ "register_import",
	  EXPORT "sha256 || '@' || started_at, 0, sync_at, json_object("
	  "'file', file, 'sha256', sha256, 'started_at', started_at, "
	  "'finished_at', finished_at, 'rows_read', rows_read, "
	  "'rows_bad', rows_bad, 'imported_by', imported_by) "
	  "FROM register_import i" SLICE("i"),
	  "INSERT INTO outbox (tbl, row_id, at) SELECT 'register_import', "
	  "id, started_at FROM register_import ORDER BY id",
	  NULL, NULL, import_apply },
	{ "poll",
	  EXPORT "uid, 0, created_at, json_object('question', question, "
	  "'opens_on', opens_on, 'closes_on', closes_on, 'level', level, "
	  "'created_by', created_by, 'created_at', created_at, "
	  "'options', json((SELECT json_group_array(label) FROM (SELECT "
	  "label FROM poll_option WHERE poll_id = p.id ORDER BY position)))) "
	  "FROM poll p" SLICE("p"),
	  "INSERT INTO outbox (tbl, row_id, at) SELECT 'poll', id, "
	  "created_at FROM poll ORDER BY id",
	  NULL, NULL, poll_apply },
	/* Who voted in poll ?1, as this station knows it: one record per
	 * poll and station, growing. */
	{ "poll_voter",
	  EXPORT "uid || '@' || (SELECT uid FROM station_identity), "
	  "(SELECT COUNT(*) FROM poll_voter WHERE poll_id = p.id), sync_at, "
	  "json_object('poll', uid, 'voters', json((SELECT "
	  "json_group_array(json_object('person', q.uid, "
	  "'origin', v.origin)) FROM poll_voter v JOIN person q "
	  "ON q.id = v.person_id WHERE v.poll_id = p.id))) "
	  "FROM poll p" SLICE("p"),
	  "INSERT INTO outbox (tbl, row_id, at) SELECT DISTINCT 'poll_voter', "
	  "poll_id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM poll_voter",
	  NULL,
	  "SELECT NOT EXISTS (SELECT 1 FROM poll WHERE uid = j->>'poll') OR "
	  "EXISTS (SELECT 1 FROM json_each(j, '$.voters') v WHERE NOT EXISTS "
	  "(SELECT 1 FROM person WHERE uid = v.value ->> 'person')) " BODY,
	  poll_voter_apply },
	/* This station's own counts of poll ?1, never a vote. */
	{ "poll_count",
	  EXPORT "uid || '#' || (SELECT uid FROM station_identity), "
	  "(SELECT SUM(votes) FROM poll_option WHERE poll_id = p.id), "
	  "sync_at, "
	  "json_object('poll', uid, 'station', (SELECT uid FROM "
	  "station_identity), 'counts', json((SELECT json_group_array(votes) "
	  "FROM (SELECT votes FROM poll_option WHERE poll_id = p.id "
	  "ORDER BY position)))) FROM poll p" SLICE("p"),
	  "INSERT INTO outbox (tbl, row_id, at) SELECT 'poll_count', id, "
	  "created_at FROM poll ORDER BY id",
	  NULL,
	  "SELECT NOT EXISTS (SELECT 1 FROM poll WHERE uid = "
	  "json(?2) ->> 'poll')",
	  poll_count_apply },
	{ "fine",
	  EXPORT "municipality || '/' || number, 0, sync_at, json_object("
	  "'municipality', municipality, 'number', number, 'plate', plate, "
	  "'issued_at', issued_at, 'type', type, 'amount', amount, "
	  "'registered_at', registered_at, 'registered_by', registered_by, "
	  "'station', station, 'payment', json((SELECT json_object("
	  "'key', key, 'amount', amount, 'paid_on', paid_on, "
	  "'channel', channel, 'registered_at', registered_at, "
	  "'registered_by', registered_by, 'station', station) "
	  "FROM fine_payment WHERE fine_id = f.id))) FROM fine f"
	  SLICE("f"),
	  "INSERT INTO outbox (tbl, row_id, at) SELECT 'fine', id, "
	  "registered_at FROM fine ORDER BY id",
	  NULL, NULL, fine_apply },
	{ "audit",
	  EXPORT "(SELECT uid FROM station_identity) || '-a' || id, 0, at, "
	  "json_object('at', at, 'actor', actor, 'role', role, "
	  "'station', station, 'action', action, 'object', object, "
	  "'on_behalf', on_behalf, 'outcome', outcome, "
	  "'prev_hash', prev_hash, 'hash', hash) FROM audit a" SLICE("a"),
	  "INSERT INTO outbox (tbl, row_id, at) SELECT 'audit', id, at "
	  "FROM audit ORDER BY id",
	  NULL, NULL, audit_apply },
	{ NULL, NULL, NULL, NULL, NULL, NULL }
};

const struct sync_table *const sync_tables = tables;

const struct sync_table *
sync_table(const char *tbl)
{
	const struct sync_table *t;

	for (t = tables; t->tbl != NULL; t++)
		if (strcmp(t->tbl, tbl) == 0)
			return t;
	return NULL;
}
