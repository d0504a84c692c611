/*
 * The reference: a minimal libfuse2 file system serving the same bytes as uprocfs's benchmark fixtures,
 * so the benchmark can tell the cost of FUSE itself from the cost of uprocfs.
 *
 *   cfs CONTENT_DIR MOUNTPOINT [fuse options]
 *
 * CONTENT_DIR holds meminfo, cpuinfo and blob16m (copied from uprocfs by the driver); they are served
 * read-only from memory. "scratch" is a writable tunable that keeps the last write, up to 4 KiB.
 * Like procfs and uprocfs, files report size 0 and are meant to be mounted with -o direct_io.
 */
#define FUSE_USE_VERSION 26
#include <errno.h>
#include <fcntl.h>
#include <fuse.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: cfs CONTENT_DIR MOUNTPOINT [fuse options]\n");
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
