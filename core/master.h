/* The master process: pre-forks the workers, replaces one that dies, stops them all on SIGTERM. */
#ifndef TOEGANG_MASTER_H
#define TOEGANG_MASTER_H

#include "core.h"

/* Returns the process exit code once every worker has stopped. */
int tg_master_run(const tg_core *core);

#endif
