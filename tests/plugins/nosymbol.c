/* A shared object that is not a toegang plugin: it lacks the descriptor function. */
#include <toegang/plugin.h>

TG_EXPORT int not_a_plugin(void);
int not_a_plugin(void) { return TOEGANG_PLUGIN_ABI; }
