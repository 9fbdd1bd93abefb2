/* A fault-injection shim for the fault tests (tests/fault/), loaded with LD_PRELOAD
 * into a chibo process; built by CMake for the tests only, never installed or linked into chibo.
 *
 * I/O faults: while the file named by CHIBO_FAULT_TRIGGER exists, every write, pwrite(64), writev,
 * pwritev, fsync, fdatasync and ftruncate(64) of a file whose path contains CHIBO_FAULT_MATCH
 * fails. The trigger file's first word says how: "EIO" (an I/O error, the default) or "ENOSPC"
 * (the disk is full). Removing the file ends the fault: the test's "space returns". Files that
 * do not match (stderr, sockets, other files) are never touched.
 *
 * Clock: CHIBO_FAULT_CLOCK_OFFSET_S (whole seconds, may be negative) moves the process's
 * wall clock (CLOCK_REALTIME through clock_gettime, gettimeofday, time): a clock jump as the
 * process sees it after an NTP step or a wrong hardware clock. Monotonic clocks are left alone.
 *
 * Each call on a matching file opens the trigger file (a readlink for the others); the cost only
 * matters for tests. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

static const char* env_or_null(const char* name) {
  const char* value = getenv(name);
  return value && *value ? value : NULL;
}

/* The errno to fail with, or 0 when the trigger file does not exist. */
static int active_fault(void) {
  const char* trigger = env_or_null("CHIBO_FAULT_TRIGGER");
  if (!trigger) return 0;
  FILE* file = fopen(trigger, "re");
  if (!file) return 0;
  char word[16] = {0};
  const int got = fscanf(file, "%15s", word);
  fclose(file);
  if (got == 1 && strcmp(word, "ENOSPC") == 0) return ENOSPC;
  return EIO;
}

static int fd_matches(int fd) {
  const char* match = env_or_null("CHIBO_FAULT_MATCH");
  if (!match) return 0;
  char link[64];
  char target[PATH_MAX];
  snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
  const ssize_t length = readlink(link, target, sizeof target - 1);
  if (length <= 0) return 0;
  target[length] = '\0';
  return strstr(target, match) != NULL;
}

/* The errno this call on `fd` fails with, 0 to let it through. */
static int fault_for(int fd) {
  if (!fd_matches(fd)) return 0;
  return active_fault();
}

#define REAL(name)                             \
  static __typeof__(&name) real_##name = NULL; \
  if (!real_##name) real_##name = (__typeof__(&name))dlsym(RTLD_NEXT, #name)

ssize_t write(int fd, const void* buffer, size_t count) {
  REAL(write);
  const int fault = fault_for(fd);
  if (fault) {
    errno = fault;
    return -1;
  }
  return real_write(fd, buffer, count);
}

ssize_t pwrite(int fd, const void* buffer, size_t count, off_t offset) {
  REAL(pwrite);
  const int fault = fault_for(fd);
  if (fault) {
    errno = fault;
    return -1;
  }
  return real_pwrite(fd, buffer, count, offset);
}

ssize_t pwrite64(int fd, const void* buffer, size_t count, off64_t offset) {
  REAL(pwrite64);
  const int fault = fault_for(fd);
  if (fault) {
    errno = fault;
    return -1;
  }
  return real_pwrite64(fd, buffer, count, offset);
}

ssize_t writev(int fd, const struct iovec* vector, int count) {
  REAL(writev);
  const int fault = fault_for(fd);
  if (fault) {
    errno = fault;
    return -1;
  }
  return real_writev(fd, vector, count);
}

ssize_t pwritev(int fd, const struct iovec* vector, int count, off_t offset) {
  REAL(pwritev);
  const int fault = fault_for(fd);
  if (fault) {
    errno = fault;
    return -1;
  }
  return real_pwritev(fd, vector, count, offset);
}

int fsync(int fd) {
  REAL(fsync);
  const int fault = fault_for(fd);
  if (fault) {
    errno = fault;
    return -1;
  }
  return real_fsync(fd);
}

int fdatasync(int fd) {
  REAL(fdatasync);
  const int fault = fault_for(fd);
  if (fault) {
    errno = fault;
    return -1;
  }
  return real_fdatasync(fd);
}

/* ftruncate growing a file is how SQLite extends some files; ENOSPC there too. */
int ftruncate(int fd, off_t length) {
  REAL(ftruncate);
  const int fault = fault_for(fd);
  if (fault) {
    errno = fault;
    return -1;
  }
  return real_ftruncate(fd, length);
}

int ftruncate64(int fd, off64_t length) {
  REAL(ftruncate64);
  const int fault = fault_for(fd);
  if (fault) {
    errno = fault;
    return -1;
  }
  return real_ftruncate64(fd, length);
}

/* ---- the wall clock ---------------------------------------------------------------------- */

static long long clock_offset(void) {
  static int read = 0;
  static long long offset = 0;
  if (!read) {
    const char* text = env_or_null("CHIBO_FAULT_CLOCK_OFFSET_S");
    offset = text ? strtoll(text, NULL, 10) : 0;
    read = 1;
  }
  return offset;
}

int clock_gettime(clockid_t id, struct timespec* now) {
  REAL(clock_gettime);
  const int result = real_clock_gettime(id, now);
  if (result == 0 && (id == CLOCK_REALTIME || id == CLOCK_REALTIME_COARSE))
    now->tv_sec += clock_offset();
  return result;
}

int gettimeofday(struct timeval* restrict now, void* restrict zone) {
  REAL(gettimeofday);
  const int result = real_gettimeofday(now, zone);
  if (result == 0) now->tv_sec += clock_offset();
  return result;
}

time_t time(time_t* out) {
  struct timespec now;
  clock_gettime(CLOCK_REALTIME, &now);
  if (out) *out = now.tv_sec;
  return now.tv_sec;
}
