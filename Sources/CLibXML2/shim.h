#ifndef TABLEMEND_CLIBXML2_SHIM_H
#define TABLEMEND_CLIBXML2_SHIM_H
// Debian's libxml2 headers pull in the system ICU, which clashes with Foundation's own ICU.
// Include the version header first and switch ICU off before anything else.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlerror.h>
#include <libxml/tree.h>
#include <libxml/HTMLparser.h>
// zlib, which libxml2 links already: DOCX parts are inflated with it directly.
#include <zlib.h>

/// xmlFree is a global function pointer (shared mutable state to Swift); call it from C.
static inline void tablemend_xml_free(void *pointer) { xmlFree(pointer); }

/// libxml2 prints some errors (`xmlParseChunk: encoder error`) through its generic handler,
/// a C variadic function Swift cannot write: this one discards them. The handler is per thread.
static inline void tablemend_xml_discard(void *context, const char *message, ...) {
  (void)context;
  (void)message;
}
static inline void tablemend_xml_silence_generic_errors(void) {
  xmlSetGenericErrorFunc(NULL, tablemend_xml_discard);
}
#endif
