/*
 * What the benchmarks share: a clock in microseconds, option numbers, and
 * removing a database with its side files.
 */
#ifndef GUICHET_BENCH_COMMON_H
#define GUICHET_BENCH_COMMON_H

/* Returns a monotonic time in microseconds. */
double now_us(void);

/* Parses a whole number from min up; returns -1 when s is not one. */
long long parse_number(const char *s, long long min);

/* Removes the database at path and its side files, as store.c names
 * them. */
void remove_database(const char *path);

/* Orders doubles for qsort. */
int compare_double(const void *a, const void *b);

/* Returns the nearest-rank percentile pct of the n sorted samples. */
double percentile(const double *sorted, int n, double pct);

#endif
