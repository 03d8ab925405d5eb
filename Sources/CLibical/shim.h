// Umbrella for the system libical (Debian libical-dev); the module map links -lical.
#ifndef CLIBICAL_SHIM_H
#define CLIBICAL_SHIM_H
#include <libical/ical.h>
#endif
