/*
 * nn-spawn: the native baselines of instance start for the NearNative agent. It starts a native program COUNT
 * times (after WARMUP starts that are kept apart), each time from nothing to the program's exit, one way:
 *
 *   nn-spawn fork-exec   WARMUP COUNT PROGRAM [ARGS...]   fork, execve, waitpid: how a shell starts a process
 *   nn-spawn posix-spawn WARMUP COUNT PROGRAM [ARGS...]   posix_spawn, waitpid: the cheapest general way
 *   nn-spawn namespaced  WARMUP COUNT PROGRAM [ARGS...]   fork, unshare(new user, PID, mount, network, IPC and
 *                                                         UTS namespaces), fork, execve: a container's isolation
 *                                                         without an image
 *
 * The program's stdout and stderr go to /dev/null. Prints one JSON line in the shape of `nn-wasmtime instances`:
 *   {"warmupNs":[...],"startNs":[...],"liveInstances":0,"residentBefore":null,"residentAfter":null}
 * (a process keeps nothing alive in a host, so there is no resident figure), or, when the kernel forbids the
 * method (unprivileged namespaces switched off), {"unavailable":"REASON"} with exit status 0.
 *
 * Exit codes: 0; 1 when a start fails or the program exits non-zero; 2 for a bad command line.
 */
#define _GNU_SOURCE
#include "nn_timing.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <sched.h>
#include <spawn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define EXIT_FAILED 1
#define EXIT_USAGE 2
#define NAMESPACES (CLONE_NEWUSER | CLONE_NEWPID | CLONE_NEWNS | CLONE_NEWNET | CLONE_NEWIPC | CLONE_NEWUTS)

extern char **environ;

typedef int (*start_fn)(char **command, pid_t *pid);

/* In a child: stdout and stderr to /dev/null, then the program. Never returns. */
static void exec_quietly(char **command)
{
    int null = open("/dev/null", O_WRONLY);
    if (null < 0 || dup2(null, STDOUT_FILENO) < 0 || dup2(null, STDERR_FILENO) < 0)
        _exit(127);
    execve(command[0], command, environ);
    _exit(127);
}

static int start_fork_exec(char **command, pid_t *pid)
{
    *pid = fork();
    if (*pid == 0)
        exec_quietly(command);
    return *pid < 0 ? errno : 0;
}

static int start_posix_spawn(char **command, pid_t *pid)
{
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    int error = posix_spawn(pid, command[0], &actions, NULL, command, environ);
    posix_spawn_file_actions_destroy(&actions);
    return error;
}

/* The first child enters the new namespaces; its child is PID 1 of the new PID namespace and runs the program.
 * The first child exits with the program's status, so one waitpid covers the whole start. */
static int start_namespaced(char **command, pid_t *pid)
{
    *pid = fork();
    if (*pid != 0)
        return *pid < 0 ? errno : 0;
    if (unshare(NAMESPACES) != 0)
        _exit(126);
    pid_t inner = fork();
    if (inner == 0)
        exec_quietly(command);
    int status;
    if (inner < 0 || waitpid(inner, &status, 0) < 0)
        _exit(126);
    _exit(WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
}

/* Whether this process may create the namespaces: tried in a child, so this process stays where it is. */
static int namespaces_error(void)
{
    pid_t pid = fork();
    if (pid == 0)
        _exit(unshare(NAMESPACES) == 0 ? 0 : errno);
    int status;
    if (pid < 0 || waitpid(pid, &status, 0) < 0)
        return errno;
    return WIFEXITED(status) ? WEXITSTATUS(status) : EPERM;
}

/* One start: from before the start to the program's exit collected. Returns the program's status or -1. */
static int time_start(start_fn start, char **command, uint64_t *elapsed)
{
    uint64_t begin = now_ns();
    pid_t pid;
    int error = start(command, &pid);
    if (error != 0) {
        fprintf(stderr, "nn-spawn: cannot start %s: %s\n", command[0], strerror(error));
        return -1;
    }
    int status;
    if (waitpid(pid, &status, 0) < 0)
        return -1;
    *elapsed = now_ns() - begin;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

int main(int argc, char **argv)
{
    long warmup, count;
    if (argc < 5 || parse_count(argv[2], &warmup) != 0 || parse_count(argv[3], &count) != 0 || count == 0) {
        fprintf(stderr, "usage: nn-spawn fork-exec|posix-spawn|namespaced WARMUP COUNT PROGRAM [ARGS...]\n");
        return EXIT_USAGE;
    }

    start_fn start;
    if (strcmp(argv[1], "fork-exec") == 0) {
        start = start_fork_exec;
    } else if (strcmp(argv[1], "posix-spawn") == 0) {
        start = start_posix_spawn;
    } else if (strcmp(argv[1], "namespaced") == 0) {
        int error = namespaces_error();
        if (error != 0) {
            printf("{\"unavailable\":\"unshare of user, PID, mount, network, IPC and UTS namespaces: %s\"}\n", strerror(error));
            return 0;
        }
        start = start_namespaced;
    } else {
        fprintf(stderr, "nn-spawn: unknown method '%s'\n", argv[1]);
        return EXIT_USAGE;
    }

    char **command = argv + 4;
    uint64_t *times = malloc(sizeof(uint64_t) * (size_t)(warmup + count));
    if (times == NULL)
        abort();
    for (long i = 0; i < warmup + count; i++) {
        int code = time_start(start, command, &times[i]);
        if (code != 0) {
            fprintf(stderr, "nn-spawn: start %ld of %s exited with %d\n", i, command[0], code);
            return EXIT_FAILED;
        }
    }

    printf("{");
    print_times("warmupNs", times, warmup);
    printf(",");
    print_times("startNs", times + warmup, count);
    printf(",\"liveInstances\":0,\"residentBefore\":null,\"residentAfter\":null}\n");
    return 0;
}
