/* A worker process: accept FastCGI requests on the shared socket until told to stop. */
#ifndef TOEGANG_WORKER_H
#define TOEGANG_WORKER_H

#include "core.h"

/* Runs in the child after fork; never returns. */
_Noreturn void tg_worker_main(const tg_core *core);

#endif
