// RunWorkers moved to core (the bootstrap and the aggregate's bulk add use
// it too); this header stays for the folders that include it from here.
#ifndef JTBD_SEGMENTS_WORKER_THREADS_H_
#define JTBD_SEGMENTS_WORKER_THREADS_H_

#include "core/worker_threads.h"

#endif  // JTBD_SEGMENTS_WORKER_THREADS_H_
