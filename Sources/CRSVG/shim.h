#include <librsvg/rsvg.h>
#include <cairo.h>
#include <zlib.h>
