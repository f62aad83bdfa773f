/*
 * One request from start to answer: route, authenticate, check the role,
 * call the handler, and make sure something is answered whatever it did.
 */
#ifndef TOEGANG_DISPATCH_H
#define TOEGANG_DISPATCH_H

#include <fcgiapp.h>

#include "core.h"
#include "router.h"

/* The routes the core serves itself (health). */
int tg_dispatch_register_core_routes(tg_router *router, char *err, size_t errlen);

void tg_dispatch(const tg_core *core, FCGX_Request *fcgi);

#endif
