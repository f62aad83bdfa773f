# The libFuzzer harnesses, built with clang: Makefile.am's fuzz targets run
# "make -f tests/fuzz/fuzz.mk" (GNU make), since the gcc objects of the normal
# build cannot take -fsanitize=fuzzer. Everything lands under OUT (the build
# tree's tests/fuzz), never in the source tree.
#
# Set by Makefile.am: SRC (source tree), OUT, CLANG, VERSION, DEP_CFLAGS and DEP_LIBS
# (pkg-config flags of jansson, libpq, libxml2, libcurl, libcrypto, libjwt,
# fcgi's header; libfcgi itself is not linked: tests/fuzz/fake_fcgi.c stands
# in for it).
#
# The plugins are built as the daemon loads them: one shared object each,
# hidden visibility, its own copy of what it links of plugins/zaak, loaded
# with the core's own loader. Every directory under plugins/ but zaak is a
# plugin: plugins/NAME/*.c plus whatever it needs of libzaak.a.

.SUFFIXES:
.DELETE_ON_ERROR:
.SECONDEXPANSION:

HARNESSES = router routes jw315 jwt jwt_claims validate problem

SAN = -fsanitize=address,undefined -fno-sanitize-recover=all
WARN = -std=c11 -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
	-Wformat=2 -Wno-format-nonliteral
FUZZ_CFLAGS = -g -O1 -fno-omit-frame-pointer -fPIC -fvisibility=hidden $(SAN) \
	-fsanitize=fuzzer-no-link $(WARN) -D_GNU_SOURCE=1 \
	-I$(SRC)/include -I$(SRC)/core -I$(SRC)/plugins/zaak -I$(SRC)/outbound -I$(SRC)/tests/fuzz \
	-DPLUGINDIR='"$(OUT)/plugins"' -DPKGDATADIR='"$(SRC)/data"' -DBINDIR='"/nonexistent"' \
	-DPACKAGE_VERSION='"$(VERSION)"' -DFUZZ_SRC='"$(SRC)"' -DFUZZ_PLUGINDIR='"$(OUT)/plugins"' $(DEP_CFLAGS) -MMD -MP

# What the plugins share (plugins/zaak and the core parts some plugins link).
LIBZAAK_SRC = $(wildcard $(SRC)/plugins/zaak/*.c) $(SRC)/core/validate.c $(SRC)/core/principal.c \
	$(SRC)/outbound/http_client.c $(SRC)/outbound/brp_gezag.c
# The core as toegangd runs it, without main/master/worker (no sockets, no
# fork) and without db.c (tests/fuzz/fake_db.c answers instead).
CORE_SRC = $(addprefix $(SRC)/core/,dispatch.c request.c response.c services.c log.c router.c \
	auth_jwt.c principal.c validate.c config.c plugin_loader.c pseudonym.c spool.c)

PLUGINS = $(filter-out zaak,$(notdir $(patsubst %/,%,$(wildcard $(SRC)/plugins/*/))))

obj = $(patsubst $(SRC)/%.c,$(OUT)/obj/%.o,$(1))

LIBZAAK = $(OUT)/obj/libzaak.a
PLUGIN_SO = $(patsubst %,$(OUT)/plugins/%.so,$(PLUGINS))
BIN = $(patsubst %,$(OUT)/bin/fuzz_%,$(HARNESSES))

all: $(BIN) $(PLUGIN_SO)

$(OUT)/obj/%.o: $(SRC)/%.c
	@mkdir -p $(@D)
	@echo "  CLANG    $*.c"
	@$(CLANG) $(FUZZ_CFLAGS) -c $< -o $@

# The routes harness is built twice: JSON bodies, and the others (iJw XML).
$(OUT)/obj/tests/fuzz/fuzz_jw315.o: $(SRC)/tests/fuzz/fuzz_routes.c
	@mkdir -p $(@D)
	@echo "  CLANG    tests/fuzz/fuzz_routes.c (jw315)"
	@$(CLANG) $(FUZZ_CFLAGS) -DFUZZ_BODY_XML=1 -c $< -o $@

$(LIBZAAK): $(call obj,$(LIBZAAK_SRC))
	@rm -f $@
	@ar rcs $@ $^

$(OUT)/plugins/%.so: $(LIBZAAK) $$(call obj,$$(wildcard $(SRC)/plugins/$$*/*.c))
	@mkdir -p $(@D)
	@echo "  PLUGIN   $*.so"
	@$(CLANG) -shared $(SAN) -o $@ $(call obj,$(wildcard $(SRC)/plugins/$*/*.c)) $(LIBZAAK) \
		-Wl,--as-needed $(DEP_LIBS) -lm
	@chmod go-w $@ # the loader refuses, as root, a plugin others may write

# time() is the harnesses' fixed clock and tg_log is watched (fuzz_common.c).
LINK = $(CLANG) -fsanitize=fuzzer $(SAN) -Wl,--wrap=time -Wl,--wrap=tg_log

COMMON = $(call obj,$(SRC)/tests/fuzz/fuzz_common.c)

$(OUT)/bin/fuzz_router: $(call obj,$(SRC)/tests/fuzz/fuzz_router.c $(SRC)/core/router.c) $(COMMON) \
		$(call obj,$(SRC)/core/log.c)
	@mkdir -p $(@D)
	@echo "  LINK     $(@F)"
	@$(LINK) -o $@ $^ $(DEP_LIBS)

$(OUT)/bin/fuzz_jwt $(OUT)/bin/fuzz_jwt_claims: $(OUT)/bin/fuzz_%: \
		$(call obj,$(SRC)/tests/fuzz/fuzz_%.c $(SRC)/core/auth_jwt.c $(SRC)/core/principal.c \
		$(SRC)/core/validate.c $(SRC)/core/log.c $(SRC)/tests/fuzz/jwt_oracle.c) $(COMMON)
	@mkdir -p $(@D)
	@echo "  LINK     $(@F)"
	@$(LINK) -o $@ $^ $(DEP_LIBS)

$(OUT)/bin/fuzz_validate: $(call obj,$(SRC)/tests/fuzz/fuzz_validate.c $(SRC)/core/log.c) $(COMMON) \
		$(LIBZAAK)
	@mkdir -p $(@D)
	@echo "  LINK     $(@F)"
	@$(LINK) -o $@ $^ $(DEP_LIBS) -lm

$(OUT)/bin/fuzz_problem: $(call obj,$(SRC)/tests/fuzz/fuzz_problem.c $(SRC)/tests/fuzz/fake_fcgi.c \
		$(SRC)/core/response.c $(SRC)/core/log.c) $(COMMON)
	@mkdir -p $(@D)
	@echo "  LINK     $(@F)"
	@$(LINK) -o $@ $^ $(DEP_LIBS)

ROUTES_OBJ = $(call obj,$(CORE_SRC) $(SRC)/tests/fuzz/fake_fcgi.c $(SRC)/tests/fuzz/fake_db.c) \
	$(COMMON) $(LIBZAAK)
$(OUT)/bin/fuzz_routes $(OUT)/bin/fuzz_jw315: $(OUT)/bin/fuzz_%: $(OUT)/obj/tests/fuzz/fuzz_%.o \
		$(ROUTES_OBJ) $(PLUGIN_SO)
	@mkdir -p $(@D)
	@echo "  LINK     $(@F)"
	@$(LINK) -o $@ $< $(ROUTES_OBJ) $(DEP_LIBS) -ldl -lm

.PHONY: all

-include $(shell find $(OUT)/obj -name '*.d' 2>/dev/null)
