import { statfsSync } from 'node:fs';

/**
 * Linux `statfs` magic numbers of the local, kernel-backed file systems whose `stat` is always
 * current: ext2/3/4, XFS, Btrfs, tmpfs, ramfs, overlayfs, ZFS, F2FS, bcachefs, ReiserFS, JFS.
 * Not NFS, SMB/CIFS, FUSE (sshfs, gcsfuse, s3fs…), 9p, Ceph, Lustre or GPFS: an NFS client may
 * answer `stat` from its attribute cache for up to a minute while `open` revalidates, and object
 * store mounts make up folder times.
 */
const localLinuxTypes = new Set([0xef53, 0x58465342, 0x9123683e, 0x01021994, 0x858458f6, 0x794c7630, 0x2fc12fc1, 0xf2f52010, 0xca451a4e, 0x52654973, 0x3153464a]);

/**
 * Whether `stat` on `file` can be trusted to show every change at once, as a cache check needs.
 * On Linux only the file systems above; elsewhere true (macOS and Windows give no portable way
 * to tell a network share, which the README says to read with `--no-cache`). False when
 * `statfs` fails.
 */
export function statIsCurrent(file: string, platform: NodeJS.Platform = process.platform): boolean {
	if (platform !== 'linux') {
		return true;
	}
	try {
		return localLinuxTypes.has(statfsSync(file).type);
	} catch {
		return false;
	}
}
