/*
 * The reference: a minimal libfuse2 file system serving the same bytes as uprocfs's benchmark fixtures,
 * so the benchmark can tell the cost of FUSE itself from the cost of uprocfs.
 *
 *   cfs CONTENT_DIR MOUNTPOINT [fuse options]
 *
 * CONTENT_DIR holds meminfo, cpuinfo and blob16m (copied from uprocfs by the driver); they are served
 * read-only from memory. "scratch" is a writable tunable that keeps the last write, up to 4 KiB.
 * Like procfs and uprocfs, files report size 0 and are meant to be mounted with -o direct_io.
 *
 *   cfs --tree COPY_DIR MOUNTPOINT [fuse options]
 *
 * serves a static copy of a /proc tree instead (procsnap.py makes it): a pass-through of COPY_DIR with
 * getattr, readlink, readdir, open, read and release, regular files reporting size 0. What a copy cannot
 * hold is answered as procfs answers it: "self" is a link to the caller's thread group and "thread-self"
 * to its task, and the caller's own pid directory, when the copy lacks it, is the host's /proc/PID (the
 * reader as a visitor, as uprocfs serves it), listed at the root for that caller only. Files listed in
 * COPY_DIR/.read-errors open and then fail every read with their errno, as environ of a kernel thread does.
 */
#define FUSE_USE_VERSION 26
#include <errno.h>
#include <fcntl.h>
#include <dirent.h>
#include <fuse.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define SCRATCH_MAX 4096

struct file {
    const char *name;
    char *data;
    size_t size;
    int writable;
};

static struct file files[] = {
    { "meminfo", NULL, 0, 0 },
    { "cpuinfo", NULL, 0, 0 },
    { "blob16m", NULL, 0, 0 },
    { "scratch", NULL, 0, 1 },
};
#define FILE_COUNT (sizeof(files) / sizeof(files[0]))

static pthread_mutex_t scratch_lock = PTHREAD_MUTEX_INITIALIZER;

static struct file *find(const char *path)
{
    for (size_t i = 0; i < FILE_COUNT; i++)
        if (path[0] == '/' && strcmp(path + 1, files[i].name) == 0)
            return &files[i];
    return NULL;
}

static int cfs_getattr(const char *path, struct stat *st)
{
    memset(st, 0, sizeof(*st));
    if (strcmp(path, "/") == 0) {
        st->st_mode = S_IFDIR | 0555;
        st->st_nlink = 2;
        return 0;
    }
    struct file *f = find(path);
    if (!f)
        return -ENOENT;
    st->st_mode = S_IFREG | (f->writable ? 0666 : 0444);
    st->st_nlink = 1;
    return 0;
}

static int cfs_readdir(const char *path, void *buf, fuse_fill_dir_t fill, off_t offset, struct fuse_file_info *fi)
{
    (void)offset;
    (void)fi;
    if (strcmp(path, "/") != 0)
        return -ENOTDIR;
    fill(buf, ".", NULL, 0);
    fill(buf, "..", NULL, 0);
    for (size_t i = 0; i < FILE_COUNT; i++)
        fill(buf, files[i].name, NULL, 0);
    return 0;
}

static int cfs_open(const char *path, struct fuse_file_info *fi)
{
    struct file *f = find(path);
    if (!f)
        return -ENOENT;
    if ((fi->flags & O_ACCMODE) != O_RDONLY && !f->writable)
        return -EACCES;
    fi->direct_io = 1;
    return 0;
}

static int cfs_read(const char *path, char *buf, size_t size, off_t offset, struct fuse_file_info *fi)
{
    (void)fi;
    struct file *f = find(path);
    if (!f)
        return -ENOENT;
    /* Only the tunable changes; the read-only files need no lock. */
    if (f->writable)
        pthread_mutex_lock(&scratch_lock);
    size_t n = 0;
    if ((size_t)offset < f->size) {
        n = f->size - offset < size ? f->size - offset : size;
        memcpy(buf, f->data + offset, n);
    }
    if (f->writable)
        pthread_mutex_unlock(&scratch_lock);
    return (int)n;
}

static int cfs_write(const char *path, const char *buf, size_t size, off_t offset, struct fuse_file_info *fi)
{
    (void)fi;
    struct file *f = find(path);
    if (!f || !f->writable)
        return -EIO;
    if (offset != 0 || size > SCRATCH_MAX)
        return -EINVAL;
    pthread_mutex_lock(&scratch_lock);
    memcpy(f->data, buf, size);
    f->size = size;
    pthread_mutex_unlock(&scratch_lock);
    return (int)size;
}

static int cfs_truncate(const char *path, off_t size)
{
    (void)size;
    struct file *f = find(path);
    if (!f)
        return -ENOENT;
    return f->writable ? 0 : -EACCES;
}

static int load(struct file *f, const char *dir)
{
    char path[4096];
    snprintf(path, sizeof(path), "%s/%s", dir, f->name);
    FILE *in = fopen(path, "rb");
    if (!in) {
        perror(path);
        return -1;
    }
    fseek(in, 0, SEEK_END);
    f->size = (size_t)ftell(in);
    rewind(in);
    f->data = malloc(f->size ? f->size : 1);
    size_t got = fread(f->data, 1, f->size, in);
    fclose(in);
    return got == f->size ? 0 : -1;
}

static struct fuse_operations operations = {
    .getattr = cfs_getattr,
    .readdir = cfs_readdir,
    .open = cfs_open,
    .read = cfs_read,
    .write = cfs_write,
    .truncate = cfs_truncate,
};

/* ---- --tree: a static copy of a /proc tree ---- */

static const char *tree_root;

/* Files that open but fail on read, from COPY_DIR/.read-errors ("/PATH ERRNO" lines), sorted by path. */
struct read_error {
    char *path;
    int number;
};
static struct read_error *read_errors;
static size_t read_error_count;

static int by_path(const void *a, const void *b)
{
    return strcmp(((const struct read_error *)a)->path, ((const struct read_error *)b)->path);
}

static void load_read_errors(void)
{
    char path[4096], line[4200];
    snprintf(path, sizeof(path), "%s/.read-errors", tree_root);
    FILE *in = fopen(path, "r");
    if (!in)
        return;
    size_t capacity = 0;
    while (fgets(line, sizeof(line), in)) {
        char name[4096];
        int number;
        if (sscanf(line, "%4095s %d", name, &number) != 2)
            continue;
        if (read_error_count == capacity) {
            capacity = capacity ? capacity * 2 : 256;
            read_errors = realloc(read_errors, capacity * sizeof(*read_errors));
        }
        read_errors[read_error_count].path = strdup(name);
        read_errors[read_error_count++].number = number;
    }
    fclose(in);
    qsort(read_errors, read_error_count, sizeof(*read_errors), by_path);
}

static int read_error_of(const char *path)
{
    struct read_error key = { (char *)path, 0 };
    struct read_error *hit = read_error_count
        ? bsearch(&key, read_errors, read_error_count, sizeof(*read_errors), by_path) : NULL;
    return hit ? hit->number : 0;
}

/* The caller's thread group: fuse_get_context() gives the calling thread; its status names the group. */
static int caller_tgid(void)
{
    int tid = (int)fuse_get_context()->pid;
    char path[64], line[256];
    snprintf(path, sizeof(path), "/proc/%d/status", tid);
    FILE *in = fopen(path, "r");
    if (!in)
        return tid;
    int tgid = tid;
    while (fgets(line, sizeof(line), in))
        if (sscanf(line, "Tgid: %d", &tgid) == 1)
            break;
    fclose(in);
    return tgid;
}

static int is_pid(const char *s, size_t n)
{
    if (n == 0 || n > 10 || s[0] == '0')
        return 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return 0;
    return 1;
}

enum kind { BACKED, SELF_LINK, THREAD_SELF_LINK };

/* Where PATH lives: the copy, or for the caller's own pid missing from it, the host's /proc. */
static enum kind map(const char *path, char *out, size_t size)
{
    const char *rest = path + 1;
    size_t n = strcspn(rest, "/");
    if (n == 4 && strncmp(rest, "self", 4) == 0 && rest[4] == '\0')
        return SELF_LINK;
    if (n == 11 && strncmp(rest, "thread-self", 11) == 0 && rest[11] == '\0')
        return THREAD_SELF_LINK;
    snprintf(out, size, "%s%s", tree_root, path);
    if (is_pid(rest, n) && access(out, F_OK) != 0) {
        char first[16];
        memcpy(first, rest, n);
        first[n] = '\0';
        if (atoi(first) == caller_tgid())
            snprintf(out, size, "/proc%s", path);
    }
    return BACKED;
}

static int tree_getattr(const char *path, struct stat *st)
{
    char real[4096];
    enum kind k = map(path, real, sizeof(real));
    if (k != BACKED) {
        memset(st, 0, sizeof(*st));
        st->st_mode = S_IFLNK | 0777;
        st->st_nlink = 1;
        st->st_size = 8;
        return 0;
    }
    if (lstat(real, st) != 0)
        return -errno;
    if (S_ISREG(st->st_mode))
        st->st_size = 0;
    return 0;
}

static int tree_readlink(const char *path, char *buf, size_t size)
{
    char real[4096];
    enum kind k = map(path, real, sizeof(real));
    if (k == SELF_LINK) {
        snprintf(buf, size, "%d", caller_tgid());
        return 0;
    }
    if (k == THREAD_SELF_LINK) {
        snprintf(buf, size, "%d/task/%d", caller_tgid(), (int)fuse_get_context()->pid);
        return 0;
    }
    ssize_t n = readlink(real, buf, size - 1);
    if (n < 0)
        return -errno;
    buf[n] = '\0';
    return 0;
}

static int tree_readdir(const char *path, void *buf, fuse_fill_dir_t fill, off_t offset, struct fuse_file_info *fi)
{
    (void)offset;
    (void)fi;
    char real[4096];
    if (map(path, real, sizeof(real)) != BACKED)
        return -ENOTDIR;
    DIR *d = opendir(real);
    if (!d)
        return -errno;
    struct dirent *e;
    while ((e = readdir(d)) != NULL)
        if (strcmp(path, "/") != 0 || strcmp(e->d_name, ".read-errors") != 0)
            fill(buf, e->d_name, NULL, 0);
    closedir(d);
    if (strcmp(path, "/") == 0) {
        /* The reader as a visitor: its own pid, which no copy holds. */
        char name[16], own[4096];
        snprintf(name, sizeof(name), "%d", caller_tgid());
        snprintf(own, sizeof(own), "%s/%s", tree_root, name);
        if (access(own, F_OK) != 0)
            fill(buf, name, NULL, 0);
    }
    return 0;
}

static int tree_open(const char *path, struct fuse_file_info *fi)
{
    char real[4096];
    if (map(path, real, sizeof(real)) != BACKED)
        return -ELOOP;
    if ((fi->flags & O_ACCMODE) != O_RDONLY)
        return -EACCES;
    int fd = open(real, O_RDONLY);
    if (fd < 0)
        return -errno;
    /* The descriptor in the low half, the errno its reads fail with (if any) in the high half. */
    fi->fh = (uint64_t)(uint32_t)fd | (uint64_t)read_error_of(path) << 32;
    fi->direct_io = 1;
    return 0;
}

static int tree_read(const char *path, char *buf, size_t size, off_t offset, struct fuse_file_info *fi)
{
    (void)path;
    if (fi->fh >> 32)
        return -(int)(fi->fh >> 32);
    ssize_t n = pread((int)(uint32_t)fi->fh, buf, size, offset);
    return n < 0 ? -errno : (int)n;
}

static int tree_release(const char *path, struct fuse_file_info *fi)
{
    (void)path;
    close((int)(uint32_t)fi->fh);
    return 0;
}

static struct fuse_operations tree_operations = {
    .getattr = tree_getattr,
    .readlink = tree_readlink,
    .readdir = tree_readdir,
    .open = tree_open,
    .read = tree_read,
    .release = tree_release,
};

int main(int argc, char **argv)
{
    if (argc >= 4 && strcmp(argv[1], "--tree") == 0) {
        tree_root = argv[2];
        load_read_errors();
        argv[2] = argv[0];
        return fuse_main(argc - 2, argv + 2, &tree_operations, NULL);
    }
    if (argc < 3) {
        fprintf(stderr, "usage: cfs [--tree] CONTENT_DIR MOUNTPOINT [fuse options]\n");
        return 2;
    }
    for (size_t i = 0; i < FILE_COUNT; i++) {
        if (files[i].writable) {
            files[i].data = calloc(1, SCRATCH_MAX);
        } else if (load(&files[i], argv[1]) != 0) {
            return 1;
        }
    }
    argv[1] = argv[0];
    return fuse_main(argc - 1, argv + 1, &operations, NULL);
}
