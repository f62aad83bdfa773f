/*
 * toegang plugin API.
 *
 * A plugin is a shared object that serves one route of toegang (verwijzing,
 * melding, ...). It sees only this header: never a core internal, never a core
 * symbol. The core dlopen()s it with RTLD_NOW | RTLD_LOCAL, looks up one
 * function, TOEGANG_PLUGIN_SYMBOL, and calls it to get a const descriptor.
 *
 * Both directions are versioned and sized, after PostgreSQL's PG_MODULE_MAGIC
 * and nginx's module signature: the descriptor the plugin returns starts with
 * the ABI version and the size of the struct it was compiled against, and so
 * does the services table the core hands to the plugin. The core refuses a
 * plugin whose ABI differs from its own, naming the plugin and both versions;
 * a plugin must refuse (init returns -1) a services table older than it needs.
 *
 * Rules for changing this file:
 *   - a field added at the end of a struct, with a spare slot used up, is
 *     compatible: bump nothing, the size tells who has it;
 *   - anything else (a field moved, removed, retyped, a changed meaning)
 *     bumps TOEGANG_PLUGIN_ABI, and every plugin is rebuilt.
 *
 * Life cycle:
 *   1. master, before fork: describe(), then init(svc, &state). init may
 *      register prepared statements (svc->db_prepare) and read configuration.
 *   2. each worker, on every database (re)connection: the core prepares every
 *      registered statement, so handlers only ever execute them by name.
 *   3. per request: the core routes, authenticates, checks the route's roles,
 *      then calls handler(req, svc, state).
 *   4. at exit: fini(state) in the master.
 *
 * See toegang-plugin(3).
 */
#ifndef TOEGANG_PLUGIN_H
#define TOEGANG_PLUGIN_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include <jansson.h>
#include <libpq-fe.h>

#define TOEGANG_PLUGIN_ABI 1
#define TOEGANG_PLUGIN_SYMBOL "toegang_plugin_describe"

#if defined(__GNUC__)
#define TG_EXPORT __attribute__((visibility("default")))
#else
#define TG_EXPORT
#endif

/* The roles of API.md, in its order. A closed set: a new role bumps the ABI. */
typedef enum tg_role {
	TG_ROLE_HUISARTS,
	TG_ROLE_JEUGDARTS,
	TG_ROLE_MEDISCH_SPECIALIST,
	TG_ROLE_GI,
	TG_ROLE_RECHTER,
	TG_ROLE_OM,
	TG_ROLE_JJI,
	TG_ROLE_CJG,
	TG_ROLE_PLEIN,
	TG_ROLE_GST,
	TG_ROLE_OUDER,
	TG_ROLE_JEUGDIGE,
	TG_ROLE_BEHEERDER,
	TG_ROLE_AANBIEDER,
	TG_ROLE__MAX
} tg_role;

/* Which claim identifies the caller, by role (API.md "Identity claims by role"). */
typedef enum tg_identity_kind {
	TG_IDENTITY_AGB,      /* 8-digit AGB code */
	TG_IDENTITY_ORG,      /* organisation identifier, e.g. a 20-digit OIN */
	TG_IDENTITY_BSN,      /* 9 digits, passes the 11-proef */
	TG_IDENTITY_GEMEENTE  /* 4-digit CBS gemeentecode */
} tg_identity_kind;

#define TG_ROLE_BIT(r) (UINT32_C(1) << (r))
/* A route open to anyone, without a token. Only health should need it. */
#define TG_ROUTE_PUBLIC (UINT32_C(1) << 31)
#define TG_ROUTE_ANY_ROLE ((UINT32_C(1) << TG_ROLE__MAX) - 1)

/* The authenticated caller. Valid for the duration of one request. */
typedef struct tg_principal {
	tg_role role;
	const char *role_name;   /* "huisarts", ... */
	tg_identity_kind identity_kind;
	const char *identity;    /* the value of the agb/org/bsn/gemeente claim */
	const char *subject;     /* the token's sub */
} tg_principal;

/* One HTTP request in flight; opaque to plugins. */
typedef struct tg_request tg_request;

/* What a handler returns. */
typedef enum tg_outcome {
	TG_DONE = 0,          /* the handler has sent its response */
	TG_FAIL_DB = -1,      /* the database is unreachable: the core answers 503 */
	TG_FAIL_INTERNAL = -2 /* a bug or resource failure: the core answers 500 */
} tg_outcome;

typedef enum tg_log_level { TG_LOG_DEBUG, TG_LOG_INFO, TG_LOG_WARN, TG_LOG_ERROR } tg_log_level;

/* Size of a person_ref() answer, NUL included. */
#define TG_PERSON_REF_SIZE 35

typedef enum tg_tx { TG_TX_BEGIN, TG_TX_COMMIT, TG_TX_ROLLBACK } tg_tx;

struct tg_services;
typedef tg_outcome (*tg_handler)(tg_request *req, const struct tg_services *svc, void *state);

typedef struct tg_route {
	const char *method;   /* "GET", "POST", ... */
	const char *pattern;  /* "/api/v1/zaken/{id}": literal segments and {name} parameters */
	tg_handler handler;
	uint32_t roles;       /* TG_ROLE_BIT(...) | ..., or TG_ROUTE_PUBLIC; never 0 */
} tg_route;

/* The services the core lends to plugins. Versioned and sized like the descriptor. */
typedef struct tg_services {
	uint32_t abi;   /* TOEGANG_PLUGIN_ABI of the core */
	uint32_t size;  /* sizeof(tg_services) in the core */

	/* --- request --- */
	const char *(*method)(const tg_request *req);
	/* A {name} parameter of the matched pattern, or NULL. */
	const char *(*path_param)(const tg_request *req, const char *name);
	/* A query-string parameter, percent-decoded, or NULL. The first of repeats. */
	const char *(*query_param)(tg_request *req, const char *name);
	/* A request header by its HTTP name ("Idempotency-Key"), or NULL. */
	const char *(*header)(const tg_request *req, const char *name);
	/* The caller; NULL only on TG_ROUTE_PUBLIC routes. */
	const tg_principal *(*principal)(const tg_request *req);
	/* The request id that the log lines and the response carry. */
	const char *(*request_id)(const tg_request *req);
	/*
	 * Reads the JSON body: checks Content-Type (application/json), the size
	 * cap against CONTENT_LENGTH before reading, and the syntax. On success
	 * returns 0 and a new reference in *out. On failure it has already sent
	 * the 4xx problem and returns -1: the handler just returns TG_DONE.
	 */
	int (*read_json)(tg_request *req, json_t **out);

	/* --- response --- */
	/* Sends body (borrowed) as application/json; location may be NULL. */
	int (*send_json)(tg_request *req, int status, const json_t *body, const char *location);
	/*
	 * Sends an application/problem+json answer. slug names the problem type
	 * (becomes "urn:toegang:problem:<slug>"); invalid_params (borrowed, may be
	 * NULL) is an array of {"name","reason"}. detail must hold no personal data.
	 */
	int (*send_problem)(tg_request *req, int status, const char *slug, const char *title,
	    const char *detail, const json_t *invalid_params);

	/* --- database --- */
	/* In init only: registers a statement that every worker prepares on connect. */
	int (*db_prepare)(const char *name, const char *sql, int nparams);
	/*
	 * Executes a registered statement with text parameters (NULL = SQL NULL).
	 * Returns a result the caller PQclear()s, whatever its status; NULL when
	 * the connection is lost (return TG_FAIL_DB).
	 */
	PGresult *(*db_exec)(tg_request *req, const char *name, int nparams, const char *const *params);
	/*
	 * BEGIN / COMMIT / ROLLBACK; 0 on success, -1 when it failed (return
	 * TG_FAIL_DB). BEGIN also tells PostgreSQL who the caller is, in the
	 * transaction-local settings toegang.rol and toegang.identiteit that the
	 * row-level security policies read (one round trip for both): statements
	 * on zaken must run inside such a transaction, or they see nothing.
	 */
	int (*db_tx)(tg_request *req, tg_tx what);

	/* --- access log (NEN 7513) --- */
	/*
	 * Records who (the principal) did what (action) to which zaak and person,
	 * with outcome, time and origin (from the request). zaak_id and
	 * person_ref may be NULL. Written with the request's database connection,
	 * so inside a transaction it commits or rolls back with it.
	 */
	int (*audit)(tg_request *req, const char *action, const char *zaak_id,
	    const char *person_ref, const char *outcome);

	/* --- configuration --- */
	/*
	 * The value of "<plugin>.<key>" in the daemon's configuration, or NULL.
	 * With plugin NULL, the core's "data_dir" (reference data such as the
	 * code lists); no other core key is lent out.
	 */
	const char *(*config)(const char *plugin, const char *key);

	/* --- logging and clock --- */
	/* One JSON log line; message must hold no personal data. req may be NULL. */
	void (*log)(const tg_request *req, tg_log_level level, const char *event, const char *message);
	time_t (*now)(void);

	/* --- access log, continued --- */
	/*
	 * The reference by which the access log names a person: a keyed pseudonym
	 * of the BSN ("p-" and 32 hex digits), never the BSN itself. 0, or -1.
	 */
	int (*person_ref)(const char *bsn, char out[TG_PERSON_REF_SIZE]);
	/*
	 * One access-log record per zaak (zaak_ids[i], person_refs[i], either may
	 * be NULL), written in one statement; for lists. n at most 1000.
	 */
	int (*audit_zaken)(tg_request *req, const char *action, size_t n,
	    const char *const *zaak_ids, const char *const *person_refs, const char *outcome);

	/* --- bodies that are not JSON (iJw messages) --- */
	/*
	 * Reads the raw body as read_json does (Content-Type one of types, a
	 * NULL-terminated list; size cap; complete). *out is malloc()ed, NUL-
	 * terminated after *len bytes; the caller free()s it. On failure the 4xx
	 * problem is sent and -1 returned. Present when size covers it.
	 */
	int (*read_body)(tg_request *req, const char *const *types, char **out, size_t *len);
	/* Sends len bytes of body as content_type (e.g. "application/xml"). */
	int (*send_body)(tg_request *req, int status, const char *content_type, const char *body,
	    size_t len);

	void *reserved[4];
} tg_services;

/* Whether the core's services table svc has member m (added after ABI 1). */
#define TG_SERVICES_HAVE(svc, m) \
	((svc)->size >= offsetof(tg_services, m) + sizeof(((tg_services *)0)->m))

typedef struct tg_plugin {
	uint32_t abi;   /* TOEGANG_PLUGIN_ABI the plugin was built against */
	uint32_t size;  /* sizeof(tg_plugin) the plugin was built against */
	const char *name;
	const char *version;
	const tg_route *routes;
	size_t nroutes;
	/* Optional. Return 0, or -1 to stop the daemon (after logging why). */
	int (*init)(const tg_services *svc, void **state);
	void (*fini)(void *state);
	void *reserved[4];
} tg_plugin;

/* The one symbol a plugin exports. */
typedef const tg_plugin *(*tg_plugin_describe_fn)(void);

#define TG_PLUGIN_DESCRIPTOR_INIT(name_, version_, routes_, init_, fini_)                     \
	{ .abi = TOEGANG_PLUGIN_ABI, .size = sizeof(tg_plugin), .name = (name_),                    \
	  .version = (version_), .routes = (routes_),                                                \
	  .nroutes = sizeof(routes_) / sizeof((routes_)[0]), .init = (init_), .fini = (fini_) }

#endif /* TOEGANG_PLUGIN_H */
