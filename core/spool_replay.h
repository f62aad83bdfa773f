/* Replay of the access-log spool (spool.h) into the primary's access log. */
#ifndef TOEGANG_SPOOL_REPLAY_H
#define TOEGANG_SPOOL_REPLAY_H

#include "config.h"

/* Connects to cfg->database and delivers what spool_dir holds. 0, or -1
 * when the primary was not reachable (what is left stays for next time). */
int tg_spool_replay_run(const tg_config *cfg);

#endif
