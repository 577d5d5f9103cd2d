package dev.oci4j.image.internal.layer;

import dev.oci4j.image.layer.LayerEntry;
import java.time.Instant;

/**
 * The writer's normalizations, applied to every entry just before it is written.
 *
 * @param fixedMtime replaces every mtime when not null
 * @param clampMtime caps every mtime when not null (SOURCE_DATE_EPOCH, like {@code tar --clamp-mtime})
 * @param rootOwnership writes uid and gid 0
 */
public record EntryPolicy(Instant fixedMtime, Instant clampMtime, boolean rootOwnership) {

    public LayerEntry apply(LayerEntry e) {
        Instant mtime = e.mtime();
        if (fixedMtime != null) {
            mtime = fixedMtime;
        } else if (clampMtime != null && mtime.isAfter(clampMtime)) {
            mtime = clampMtime;
        }
        // Whole seconds: sub-second times would cost a PAX header per entry and tie the digest to
        // file system timestamp precision.
        mtime = Instant.ofEpochSecond(mtime.getEpochSecond());
        boolean sameOwner = !rootOwnership || (e.uid() == 0 && e.gid() == 0);
        if (mtime.equals(e.mtime()) && sameOwner) {
            return e;
        }
        LayerEntry.Builder b = e.toBuilder().mtime(mtime);
        if (rootOwnership) {
            b.uid(0).gid(0);
        }
        return b.build();
    }
}
