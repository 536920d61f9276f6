/*
 * nn-exec: starts one measured process for the NearNative agent and reports how it ran.
 *
 *   nn-exec --report FILE [--parent PID] [--core N] [--nice N] [--ioprio-idle] [--mem-cap BYTES] -- COMMAND [ARG...]
 *
 * Why it exists: Linux starts a child's ru_maxrss at the resident size of the process it was forked
 * from, and .NET starts children with vfork semantics, so a child of the agent would report at least
 * the agent's own resident memory. This launcher is small and static; it really fork()s, so the
 * measured process's peak resident set is its own.
 *
 * The child gets the production-safety settings (lowest CPU priority, idle I/O class, one core, no
 * core dumps), dies with the launcher (PR_SET_PDEATHSIG) and is killed when its resident set, polled
 * from /proc/PID/status every 20 ms, exceeds the cap. RLIMIT_AS is not used: wasm engines reserve
 * many GiB of address space they never touch.
 *
 * With --parent, the launcher also dies with the agent: when its parent is no longer PID (the agent was
 * killed, even by SIGKILL, which runs no handler) it kills the child at the next poll and exits. It polls
 * getppid() rather than using PR_SET_PDEATHSIG on itself because that signal follows the thread that
 * started the launcher, and the agent's threads come and go while it keeps running.
 *
 * After the child ends, the launcher writes one JSON line to FILE and exits with the child's status
 * (128 + signal when it was killed). Launcher errors exit 125; an exec failure exits 127 and is
 * reported as exec_errno.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define LAUNCHER_ERROR 125
#define EXEC_FAILED 127
#define POLL_NS 20000000L
#define IOPRIO_WHO_PROCESS 1
#define IOPRIO_CLASS_IDLE 3
#define IOPRIO_CLASS_SHIFT 13

struct options {
    const char *report;
    int core;           /* -1: leave affinity alone */
    int nice;           /* only ever raised; 0 leaves it */
    int ioprio_idle;
    int64_t mem_cap;    /* bytes; 0: no cap */
    pid_t parent;       /* 0: do not watch the parent */
    char **command;
};

static void usage(const char *why)
{
    fprintf(stderr, "nn-exec: %s\nusage: nn-exec --report FILE [--parent PID] [--core N] [--nice N] [--ioprio-idle] [--mem-cap BYTES] -- COMMAND [ARG...]\n", why);
    exit(LAUNCHER_ERROR);
}

static int64_t parse_number(const char *text, const char *option)
{
    char *end = NULL;
    errno = 0;
    long long value = strtoll(text, &end, 10);
    if (errno != 0 || end == text || *end != '\0' || value < 0) {
        fprintf(stderr, "nn-exec: %s needs a non-negative whole number, not '%s'\n", option, text);
        exit(LAUNCHER_ERROR);
    }
    return (int64_t)value;
}

static struct options parse(int argc, char **argv)
{
    struct options o = { NULL, -1, 0, 0, 0, 0, NULL };
    int i = 1;
    for (; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--") == 0) {
            i++;
            break;
        }
        if (strcmp(a, "--ioprio-idle") == 0) {
            o.ioprio_idle = 1;
            continue;
        }
        if (i + 1 >= argc)
            usage("missing value or command");
        if (strcmp(a, "--report") == 0)
            o.report = argv[++i];
        else if (strcmp(a, "--core") == 0)
            o.core = (int)parse_number(argv[++i], a);
        else if (strcmp(a, "--nice") == 0)
            o.nice = (int)parse_number(argv[++i], a);
        else if (strcmp(a, "--mem-cap") == 0)
            o.mem_cap = parse_number(argv[++i], a);
        else if (strcmp(a, "--parent") == 0)
            o.parent = (pid_t)parse_number(argv[++i], a);
        else
            usage("unknown option");
    }
    if (o.report == NULL)
        usage("--report is required");
    if (i >= argc)
        usage("no command");
    if (o.core >= CPU_SETSIZE || o.nice > 19)
        usage("--core or --nice out of range");
    o.command = argv + i;
    return o;
}

static int64_t now_ns(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (int64_t)t.tv_sec * 1000000000 + t.tv_nsec;
}

static int64_t timeval_ns(struct timeval t)
{
    return (int64_t)t.tv_sec * 1000000000 + (int64_t)t.tv_usec * 1000;
}

/* VmRSS of a live process in bytes; -1 when it cannot be read (e.g. it just exited). */
static int64_t resident_bytes(pid_t pid)
{
    char path[64];
    char text[4096];
    snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    ssize_t n = read(fd, text, sizeof text - 1);
    close(fd);
    if (n <= 0)
        return -1;
    text[n] = '\0';
    const char *line = strstr(text, "\nVmRSS:");
    if (line == NULL)
        return -1;
    return (int64_t)strtoll(line + 7, NULL, 10) * 1024;
}

/* In the child: settings first, then the command. Only async-signal-safe calls after fork. */
static void run_child(const struct options *o, const sigset_t *original_mask, pid_t launcher, int error_pipe)
{
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != launcher)
        _exit(LAUNCHER_ERROR);

    if (o->nice > 0)
        setpriority(PRIO_PROCESS, 0, o->nice);
    if (o->ioprio_idle)
        syscall(SYS_ioprio_set, IOPRIO_WHO_PROCESS, 0, IOPRIO_CLASS_IDLE << IOPRIO_CLASS_SHIFT);
    if (o->core >= 0) {
        cpu_set_t set;
        CPU_ZERO(&set);
        CPU_SET(o->core, &set);
        sched_setaffinity(0, sizeof set, &set);
    }
    /* A crashing workload must not write a core file into its working directory. */
    struct rlimit no_core = { 0, 0 };
    setrlimit(RLIMIT_CORE, &no_core);

    /* The measured process starts as it would from a shell: default signal handling, nothing blocked. */
    for (int s = 1; s < NSIG; s++)
        if (s != SIGKILL && s != SIGSTOP)
            signal(s, SIG_DFL);
    sigprocmask(SIG_SETMASK, original_mask, NULL);

    execvp(o->command[0], o->command);
    int error = errno;
    if (write(error_pipe, &error, sizeof error) < 0) {
        /* The launcher then reports exit 127 without the errno. */
    }
    _exit(EXEC_FAILED);
}

int main(int argc, char **argv)
{
    struct options o = parse(argc, argv);
    /* The agent is already gone: start nothing. */
    if (o.parent > 0 && getppid() != o.parent)
        return LAUNCHER_ERROR;
    int report = open(o.report, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (report < 0) {
        fprintf(stderr, "nn-exec: cannot write the report %s: %s\n", o.report, strerror(errno));
        return LAUNCHER_ERROR;
    }

    int pipe_fds[2];
    if (pipe2(pipe_fds, O_CLOEXEC) != 0) {
        fprintf(stderr, "nn-exec: pipe: %s\n", strerror(errno));
        return LAUNCHER_ERROR;
    }

    /* SIGCHLD stays blocked and is taken with sigtimedwait, so the exit is seen at once, not at the next poll. */
    sigset_t chld, original_mask;
    sigemptyset(&chld);
    sigaddset(&chld, SIGCHLD);
    sigprocmask(SIG_BLOCK, &chld, &original_mask);

    pid_t launcher = getpid();
    int64_t started = now_ns();
    pid_t pid = fork();
    if (pid < 0) {
        fprintf(stderr, "nn-exec: fork: %s\n", strerror(errno));
        return LAUNCHER_ERROR;
    }
    if (pid == 0)
        run_child(&o, &original_mask, launcher, pipe_fds[1]);

    close(pipe_fds[1]);
    int exec_errno = 0;
    ssize_t got;
    do {
        got = read(pipe_fds[0], &exec_errno, sizeof exec_errno);
    } while (got < 0 && errno == EINTR);
    if (got != (ssize_t)sizeof exec_errno)
        exec_errno = 0;
    close(pipe_fds[0]);

    int status = 0;
    struct rusage usage;
    memset(&usage, 0, sizeof usage);
    int cap_killed = 0;
    int orphaned = 0;
    int64_t polled_max = 0;
    struct timespec poll = { 0, POLL_NS };
    for (;;) {
        /* Wait first: a process shorter than one poll interval is never polled, because reading its /proc
         * entry right after exec, on the core it runs on, added a quarter of a millisecond to an empty
         * program. A SIGCHLD that came before this call is pending (blocked) and ends the wait at once. */
        sigtimedwait(&chld, NULL, &poll);
        pid_t done = wait4(pid, &status, WNOHANG, &usage);
        if (done == pid)
            break;
        if (done < 0 && errno != EINTR) {
            fprintf(stderr, "nn-exec: wait4: %s\n", strerror(errno));
            return LAUNCHER_ERROR;
        }
        int64_t rss = resident_bytes(pid);
        if (rss > polled_max)
            polled_max = rss;
        if (o.mem_cap > 0 && rss > o.mem_cap && !cap_killed) {
            kill(pid, SIGKILL);
            cap_killed = 1;
        }
        if (o.parent > 0 && !orphaned && getppid() != o.parent) {
            kill(pid, SIGKILL);
            orphaned = 1;
        }
    }
    int64_t wall = now_ns() - started;

    int exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    int signal_number = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
    dprintf(report,
        "{\"exit_code\":%d,\"signal\":%d,\"wall_ns\":%" PRId64 ",\"max_rss_bytes\":%" PRId64
        ",\"user_ns\":%" PRId64 ",\"sys_ns\":%" PRId64 ",\"polled_rss_max_bytes\":%" PRId64
        ",\"memory_cap_killed\":%s,\"exec_errno\":%d}\n",
        exit_code, signal_number, wall, (int64_t)usage.ru_maxrss * 1024,
        timeval_ns(usage.ru_utime), timeval_ns(usage.ru_stime), polled_max,
        cap_killed ? "true" : "false", exec_errno);
    if (close(report) != 0) {
        fprintf(stderr, "nn-exec: cannot write the report %s: %s\n", o.report, strerror(errno));
        return LAUNCHER_ERROR;
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + signal_number;
}
