// The parts of ICU's C API that the CICU shim calls: word break iteration and the version.
#include <unicode/ubrk.h>
#include <unicode/uclean.h>
#include <unicode/ustring.h>
#include <unicode/uversion.h>
