/*
 * A disassembler plugin for HotSpot's -XX:+PrintAssembly, on the Capstone library (Debian: libcapstone-dev), so the
 * machine code C2 makes of the Vector API kernels can be read. JDK builds ship without one and Debian's hsdis
 * package no longer matches JDK 25's plugin interface. fa-bench/disasm.sh builds and uses it; nothing else does.
 *
 * HotSpot loads hsdis-<arch>.so from its own lib directories or LD_LIBRARY_PATH and calls the one function below
 * with a buffer of code; each instruction is printed in Intel syntax, wrapped in "insn" events so HotSpot can put
 * its own comments (block starts, safepoint polls, call targets) next to it.
 */
#include <stdint.h>
#include <stdio.h>
#include <capstone/capstone.h>

typedef void *(*event_fn)(void *stream, const char *event, void *arg);
typedef int (*printf_fn)(void *stream, const char *format, ...);

static void *no_event(void *stream, const char *event, void *arg) {
    (void) stream;
    (void) event;
    (void) arg;
    return NULL;
}

void *decode_instructions_virtual(uintptr_t start_va, uintptr_t end_va, unsigned char *buffer, uintptr_t length,
                                  event_fn event, void *event_stream, printf_fn print, void *print_stream,
                                  const char *options, int newline) {
    (void) start_va;
    (void) end_va;
    (void) options;
    if (print == NULL) {
        print = (printf_fn) fprintf;
        if (print_stream == NULL) {
            print_stream = stdout;
        }
    }
    if (event == NULL) {
        event = no_event;
    }
    csh handle;
    if (cs_open(CS_ARCH_X86, CS_MODE_64, &handle) != CS_ERR_OK) {
        print(print_stream, "hsdis-capstone: cs_open failed\n");
        return NULL;
    }
    cs_option(handle, CS_OPT_SYNTAX, CS_OPT_SYNTAX_INTEL);
    cs_option(handle, CS_OPT_SKIPDATA, CS_OPT_ON);
    cs_insn *insn;
    size_t count = cs_disasm(handle, buffer, length, (uint64_t) (uintptr_t) buffer, 0, &insn);
    for (size_t i = 0; i < count; i++) {
        event(event_stream, "insn", (void *) (uintptr_t) insn[i].address);
        print(print_stream, "%s\t%s", insn[i].mnemonic, insn[i].op_str);
        event(event_stream, "/insn", (void *) (uintptr_t) (insn[i].address + insn[i].size));
        if (newline) {
            print(print_stream, "\n");
        }
    }
    if (count > 0) {
        cs_free(insn, count);
    }
    cs_close(&handle);
    return NULL;
}
