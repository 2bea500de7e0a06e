// A small C surface over the system ICU (libicu-dev).
//
// ICU's C API renames every function with a version suffix by macro (ubrk_open becomes
// ubrk_open_72), which Swift cannot import. These wrappers are plain C functions with
// stable names; they are the only ICU calls ThaiAnnotator makes. (And one cache hint, which
// Swift has no spelling of: cicu_prefetch.)
#ifndef CICU_H
#define CICU_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Asks the processor to fetch the cache line at `address` (a hint: no effect on results).
static inline void cicu_prefetch(const void *address) { __builtin_prefetch(address); }

/// An opaque ICU word break iterator (UBreakIterator).
typedef struct cicu_word_iterator cicu_word_iterator;

/// Opens a word break iterator for the Thai locale (dictionary-based for Thai script).
/// Returns NULL and sets *error_code to ICU's UErrorCode on failure.
cicu_word_iterator *cicu_word_iterator_open(int32_t *error_code);

/// Clones an iterator for use on another thread. Returns NULL on failure.
cicu_word_iterator *cicu_word_iterator_clone(const cicu_word_iterator *iterator, int32_t *error_code);

/// Closes an iterator opened or cloned above.
void cicu_word_iterator_close(cicu_word_iterator *iterator);

/// Runs the iterator over `text` (UTF-16, `length` code units) and writes every boundary after
/// the start, in order, to `boundaries`, and ICU's rule status of the segment that ends there
/// (UBRK_WORD_NONE, _NUMBER, _LETTER, ...) to `statuses`. Writes at most `capacity` entries and
/// returns how many boundaries there are in all (call again with more room if that is larger),
/// or -1 with *error_code set if ICU failed. The text must stay alive only during the call.
int32_t cicu_word_boundaries(cicu_word_iterator *iterator, const uint16_t *text, int32_t length,
                             int32_t *boundaries, int32_t *statuses, int32_t capacity,
                             int32_t *error_code);

/// The benchmark baseline: converts UTF-8 to UTF-16 with ICU and counts word boundaries with a
/// bare ubrk_next loop, the least any ICU-based segmenter must do. Returns the boundary count,
/// or -1 with *error_code set.
int64_t cicu_bare_word_loop(cicu_word_iterator *iterator, const char *utf8, int32_t length,
                            int32_t *error_code);

/// Converts `length` bytes of UTF-8 to UTF-16 in `destination` (room for `capacity` units).
/// Returns the number of UTF-16 units the whole text needs (call again with more room if that is
/// larger than `capacity`), or -1 with *error_code set on invalid input.
int32_t cicu_utf8_to_utf16(const char *utf8, int32_t length, uint16_t *destination, int32_t capacity,
                           int32_t *error_code);

/// Converts `length` UTF-16 units to UTF-8 in `destination` (room for `capacity` bytes; three
/// per unit always suffice), lone surrogates becoming U+FFFD. Returns the number of bytes written.
int32_t cicu_utf16_to_utf8(const uint16_t *utf16, int32_t length, char *destination, int32_t capacity);

/// The version of the ICU library linked in, e.g. "72.1".
const char *cicu_version(void);

#ifdef __cplusplus
}
#endif

#endif
