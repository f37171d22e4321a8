"""Writing a large new file in blocks, straight to the disk where the OS allows.

A release package is written once, fsync'd, and then only read by someone
else. Through the page cache that costs a copy into freshly allocated cache
pages for every byte (on a virtual machine the largest single cost of packing,
and a very variable one), then the fsync before publishing waits for all of
it to reach the disk. With O_DIRECT the bytes go from the encryptor's output
pages to the disk as they are written, no cache is filled, and the final fsync has
almost nothing left to do. Durability is unchanged: the caller still fsyncs
before publishing.

O_DIRECT is tried only on a filesystem that sits on a block device of this
machine (a device number with a non-zero major): on a network share (NFS, SMB),
FUSE or tmpfs, whose device numbers are anonymous, each uncached write could
be a round trip or a copy anyway, and the page cache is the better path.

Where O_DIRECT is not tried or not available (not Linux, a filesystem without
it, or a device that refuses our alignment), the same calls write through the page
cache and ask the kernel every `WRITEBACK_STEP` bytes to start writing back
what is there, so the final fsync waits for the tail and a large release
does not fill memory with dirty pages.
"""

from __future__ import annotations

import contextlib
import errno
import os

# Direct writes start at offsets and have lengths that are multiples of ALIGN, from a
# page-aligned buffer: 4096 satisfies 512-byte and 4K-sector devices alike.
ALIGN = 4096
WRITEBACK_STEP = 16 << 20
_TRY_DIRECT = hasattr(os, "O_DIRECT")
_CAN_START_WRITEBACK = hasattr(os, "posix_fadvise") and hasattr(os, "POSIX_FADV_DONTNEED")


def _on_local_block_device(fd: int) -> bool:
    return os.major(os.fstat(fd).st_dev) != 0


def _set_direct(fd: int, on: bool) -> bool:
    """Switch O_DIRECT on or off for `fd`; False when the OS or filesystem refuses."""
    import fcntl  # POSIX only; _TRY_DIRECT is False where it is missing

    flags = fcntl.fcntl(fd, fcntl.F_GETFL)
    wanted = flags | os.O_DIRECT if on else flags & ~os.O_DIRECT
    try:
        fcntl.fcntl(fd, fcntl.F_SETFL, wanted)
    except OSError:
        return False
    return True


class BlockWriter:
    """Writes a new file at `fd` in blocks, directly to the disk while they are aligned.

    `write_at` is called with blocks in increasing offsets. While each starts
    at a multiple of ALIGN, is a multiple of ALIGN long and lies in page-aligned
    memory, it goes to the disk without the page cache; the first block that
    is not (typically the short last one), or one the device refuses, switches
    the file to ordinary cached writes for good. Does not close or fsync `fd`:
    the caller does both.
    """

    def __init__(self, fd: int) -> None:
        self._fd = fd
        self._kicked = 0  # offset up to which writeback was started (cached mode)
        self.direct = _TRY_DIRECT and _on_local_block_device(fd) and _set_direct(fd, True)

    def write_at(self, offset: int, data: bytes | bytearray | memoryview, /) -> None:
        view = memoryview(data).cast("B")
        if self.direct and not (offset % ALIGN or len(view) % ALIGN):
            try:
                got = os.pwrite(self._fd, view, offset)
            except OSError as error:
                if error.errno != errno.EINVAL:
                    raise
                got = 0  # the device wants another alignment: cached writes from here on
            offset += got
            view = view[got:]
        if view:
            if self.direct:
                self.direct = False
                _set_direct(self._fd, False)
            self._write_cached(offset, view)

    def _write_cached(self, offset: int, view: memoryview) -> None:
        while view:
            got = os.pwrite(self._fd, view, offset)
            if got <= 0:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            view = view[got:]
            offset += got
        if _CAN_START_WRITEBACK and offset - self._kicked >= WRITEBACK_STEP:
            with contextlib.suppress(OSError):  # only a hint; the caller's fsync decides
                os.posix_fadvise(
                    self._fd, self._kicked, offset - self._kicked, os.POSIX_FADV_DONTNEED
                )
            self._kicked = offset
