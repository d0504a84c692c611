/*
 * The benchmark's client: tight loops of real syscalls, so no shell runs per operation.
 *
 *   loop read   FILE SECONDS THREADS   open + read to EOF (128 KiB buffer) + close; prints ops/s
 *   loop count  FILE OPS THREADS       the same, a fixed number of times (for RSS and garbage)
 *   loop cat    FILE SECONDS           fork + exec cat FILE > /dev/null; prints ops/s
 *   loop stream FILE SECONDS REQUEST   read the whole file with REQUEST-byte reads; prints MB/s (10^6 bytes)
 *   loop write  FILE SECONDS TEXT      open(O_WRONLY|O_TRUNC) + write TEXT + close, as echo does; prints ops/s
 *   loop run    SECONDS CMD ARGS...    fork + exec CMD > /dev/null, at least once and until SECONDS passed; runs/s
 *
 * Output is one line: "rate=R ops=N seconds=S bytes_per_op=B". Any failed syscall stops with exit 1.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define READ_BUFFER (128 * 1024)

struct job {
    const char *file;
    double seconds;
    long ops_limit;
    long ops;
    long bytes;
};

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void die(const char *what, const char *file)
{
    perror(what);
    fprintf(stderr, "loop: %s failed on %s\n", what, file);
    exit(1);
}

/* Reads a whole file with requests of the given size; returns the byte count. */
static long read_all(const char *file, char *buf, size_t request)
{
    int fd = open(file, O_RDONLY);
    if (fd < 0)
        die("open", file);
    long total = 0;
    ssize_t n;
    while ((n = read(fd, buf, request)) > 0)
        total += n;
    if (n < 0)
        die("read", file);
    close(fd);
    return total;
}

static void *read_worker(void *arg)
{
    struct job *job = arg;
    char *buf = malloc(READ_BUFFER);
    double deadline = now() + job->seconds;
    while (job->ops_limit > 0 ? job->ops < job->ops_limit : now() < deadline) {
        job->bytes += read_all(job->file, buf, READ_BUFFER);
        job->ops++;
    }
    free(buf);
    return NULL;
}

static void report(double rate, long ops, double seconds, long bytes)
{
    printf("rate=%.1f ops=%ld seconds=%.3f bytes_per_op=%ld\n", rate, ops, seconds, ops > 0 ? bytes / ops : 0);
}

static int run_reads(const char *file, double seconds, long ops_limit, int threads)
{
    struct job jobs[64];
    pthread_t ids[64];
    if (threads < 1 || threads > 64)
        threads = 1;
    double start = now();
    for (int i = 0; i < threads; i++) {
        jobs[i] = (struct job){ .file = file, .seconds = seconds,
                                .ops_limit = ops_limit > 0 ? ops_limit / threads : 0 };
        pthread_create(&ids[i], NULL, read_worker, &jobs[i]);
    }
    long ops = 0, bytes = 0;
    for (int i = 0; i < threads; i++) {
        pthread_join(ids[i], NULL);
        ops += jobs[i].ops;
        bytes += jobs[i].bytes;
    }
    double elapsed = now() - start;
    report(ops / elapsed, ops, elapsed, bytes);
    return 0;
}

static int run_cat(const char *file, double seconds)
{
    long ops = 0;
    double start = now();
    while (now() < start + seconds) {
        pid_t pid = fork();
        if (pid < 0)
            die("fork", file);
        if (pid == 0) {
            int null = open("/dev/null", O_WRONLY);
            dup2(null, 1);
            execlp("cat", "cat", file, (char *)NULL);
            _exit(127);
        }
        int status;
        if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
            die("cat", file);
        ops++;
    }
    double elapsed = now() - start;
    report(ops / elapsed, ops, elapsed, 0);
    return 0;
}

static int run_command(double seconds, char **command)
{
    long ops = 0;
    double start = now();
    do {
        pid_t pid = fork();
        if (pid < 0)
            die("fork", command[0]);
        if (pid == 0) {
            int null = open("/dev/null", O_WRONLY);
            dup2(null, 1);
            execvp(command[0], command);
            _exit(127);
        }
        int status;
        if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
            die("run", command[0]);
        ops++;
    } while (now() < start + seconds);
    double elapsed = now() - start;
    report(ops / elapsed, ops, elapsed, 0);
    return 0;
}

static int run_stream(const char *file, double seconds, size_t request)
{
    char *buf = malloc(request);
    long ops = 0, bytes = 0;
    double start = now();
    do {
        bytes += read_all(file, buf, request);
        ops++;
    } while (now() < start + seconds);
    double elapsed = now() - start;
    free(buf);
    report(bytes / elapsed / 1e6, ops, elapsed, bytes);
    return 0;
}

static int run_writes(const char *file, double seconds, const char *text)
{
    size_t length = strlen(text);
    long ops = 0;
    double start = now();
    while (now() < start + seconds) {
        int fd = open(file, O_WRONLY | O_TRUNC);
        if (fd < 0)
            die("open", file);
        if (write(fd, text, length) != (ssize_t)length)
            die("write", file);
        if (close(fd) != 0)
            die("close", file);
        ops++;
    }
    double elapsed = now() - start;
    report(ops / elapsed, ops, elapsed, (long)length * ops);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc == 5 && strcmp(argv[1], "read") == 0)
        return run_reads(argv[2], atof(argv[3]), 0, atoi(argv[4]));
    if (argc == 5 && strcmp(argv[1], "count") == 0)
        return run_reads(argv[2], 0, atol(argv[3]), atoi(argv[4]));
    if (argc == 4 && strcmp(argv[1], "cat") == 0)
        return run_cat(argv[2], atof(argv[3]));
    if (argc == 5 && strcmp(argv[1], "stream") == 0)
        return run_stream(argv[2], atof(argv[3]), (size_t)atol(argv[4]));
    if (argc == 5 && strcmp(argv[1], "write") == 0)
        return run_writes(argv[2], atof(argv[3]), argv[4]);
    if (argc >= 4 && strcmp(argv[1], "run") == 0)
        return run_command(atof(argv[2]), argv + 3);
    fprintf(stderr, "usage: loop read|count|cat|stream|write|run FILE ... (see the comment at the top of loop.c)\n");
    return 2;
}
