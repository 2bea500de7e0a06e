#include "cicu.h"

#include <stdlib.h>
#include <unicode/ubrk.h>
#include <unicode/uclean.h>
#include <unicode/ustring.h>
#include <unicode/uversion.h>

cicu_word_iterator *cicu_word_iterator_open(int32_t *error_code) {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator *iterator = ubrk_open(UBRK_WORD, "th", NULL, 0, &status);
    *error_code = status;
    return U_FAILURE(status) ? NULL : (cicu_word_iterator *)iterator;
}

cicu_word_iterator *cicu_word_iterator_clone(const cicu_word_iterator *iterator, int32_t *error_code) {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator *copy = ubrk_clone((const UBreakIterator *)iterator, &status);
    *error_code = status;
    return U_FAILURE(status) ? NULL : (cicu_word_iterator *)copy;
}

void cicu_word_iterator_close(cicu_word_iterator *iterator) {
    if (iterator != NULL) ubrk_close((UBreakIterator *)iterator);
}

int32_t cicu_word_boundaries(cicu_word_iterator *iterator, const uint16_t *text, int32_t length,
                             int32_t *boundaries, int32_t *statuses, int32_t capacity,
                             int32_t *error_code) {
    UBreakIterator *bi = (UBreakIterator *)iterator;
    UErrorCode status = U_ZERO_ERROR;
    ubrk_setText(bi, (const UChar *)text, length, &status);
    if (U_FAILURE(status)) {
        *error_code = status;
        return -1;
    }
    int32_t count = 0;
    for (int32_t end = ubrk_next(bi); end != UBRK_DONE; end = ubrk_next(bi)) {
        if (count < capacity) {
            boundaries[count] = end;
            statuses[count] = ubrk_getRuleStatus(bi);
        }
        count++;
    }
    // Detach the iterator from the caller's buffer.
    ubrk_setText(bi, NULL, 0, &status);
    *error_code = U_ZERO_ERROR;
    return count;
}

int64_t cicu_bare_word_loop(cicu_word_iterator *iterator, const char *utf8, int32_t length,
                            int32_t *error_code) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t units = 0;
    u_strFromUTF8(NULL, 0, &units, utf8, length, &status);
    if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status)) {
        *error_code = status;
        return -1;
    }
    status = U_ZERO_ERROR;
    UChar *text = malloc(sizeof(UChar) * (size_t)(units > 0 ? units : 1));
    u_strFromUTF8(text, units, NULL, utf8, length, &status);
    UBreakIterator *bi = (UBreakIterator *)iterator;
    if (U_SUCCESS(status)) ubrk_setText(bi, text, units, &status);
    int64_t count = 0;
    if (U_SUCCESS(status)) {
        for (int32_t end = ubrk_next(bi); end != UBRK_DONE; end = ubrk_next(bi)) count++;
        ubrk_setText(bi, NULL, 0, &status);
    }
    free(text);
    *error_code = U_FAILURE(status) ? status : U_ZERO_ERROR;
    return U_FAILURE(status) ? -1 : count;
}

int32_t cicu_utf8_to_utf16(const char *utf8, int32_t length, uint16_t *destination, int32_t capacity,
                           int32_t *error_code) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t units = 0;
    u_strFromUTF8((UChar *)destination, capacity, &units, utf8, length, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR || status == U_STRING_NOT_TERMINATED_WARNING) status = U_ZERO_ERROR;
    *error_code = status;
    return U_FAILURE(status) ? -1 : units;
}

int32_t cicu_utf16_to_utf8(const uint16_t *utf16, int32_t length, char *destination, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t bytes = 0;
    u_strToUTF8WithSub(destination, capacity, &bytes, (const UChar *)utf16, length, 0xFFFD, NULL, &status);
    return U_FAILURE(status) ? 0 : bytes;
}

const char *cicu_version(void) {
    static char text[U_MAX_VERSION_STRING_LENGTH];
    UVersionInfo version;
    u_getVersion(version);
    u_versionToString(version, text);
    return text;
}
