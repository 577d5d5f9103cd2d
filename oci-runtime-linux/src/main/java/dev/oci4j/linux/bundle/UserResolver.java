package dev.oci4j.linux.bundle;

import dev.oci4j.runtime.User;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Resolves an image's {@code User} ({@code user}, {@code uid}, {@code user:group}, {@code uid:gid},
 * and the mixed forms) against the rootfs's own {@code /etc/passwd} and {@code /etc/group}
 * (image-spec conversion.md, "Parsed Fields"): numeric ids are copied verbatim, names are looked
 * up, an unknown name is an error naming it. Without a group, the primary group is the user's
 * from {@code /etc/passwd} (0 for a uid it does not list, as Docker does); the additional gids are
 * the groups listing the user as a member, less the primary one.
 */
final class UserResolver {

    private record PasswdEntry(String name, long uid, long gid) {
    }

    private record GroupEntry(String name, long gid, List<String> members) {
    }

    private UserResolver() {
    }

    /** Resolves {@code spec}; {@code field} names where it came from for the error message. */
    static User resolve(String spec, Path rootfs, String field) throws IOException {
        String userPart = spec;
        String groupPart = null;
        int colon = spec.indexOf(':');
        if (colon >= 0) {
            userPart = spec.substring(0, colon);
            groupPart = spec.substring(colon + 1);
            if (groupPart.isEmpty() || groupPart.contains(":")) {
                throw new ConversionException(field, "user \"" + spec + "\": expected user, uid, user:group or uid:gid");
            }
        }
        if (userPart.isEmpty()) {
            throw new ConversionException(field, "user \"" + spec + "\": the user part is empty");
        }
        List<PasswdEntry> passwd = null;
        Optional<PasswdEntry> entry;
        long uid;
        if (isNumeric(userPart)) {
            uid = id(userPart, spec, field);
            passwd = passwd(rootfs);
            entry = passwd.stream().filter(p -> p.uid() == uid).findFirst();
        } else {
            passwd = passwd(rootfs);
            String name = userPart;
            entry = passwd.stream().filter(p -> p.name().equals(name)).findFirst();
            if (entry.isEmpty()) {
                throw new ConversionException(field, "user \"" + name + "\" not found in the image's /etc/passwd"
                        + (hasFile(rootfs, "/etc/passwd") ? "" : " (the image has no /etc/passwd)"));
            }
            uid = entry.get().uid();
        }
        List<GroupEntry> groups = groups(rootfs);
        long gid;
        if (groupPart == null) {
            gid = entry.map(PasswdEntry::gid).orElse(0L);
        } else if (isNumeric(groupPart)) {
            gid = id(groupPart, spec, field);
        } else {
            String name = groupPart;
            gid = groups.stream().filter(g -> g.name().equals(name)).findFirst().map(GroupEntry::gid)
                    .orElseThrow(() -> new ConversionException(field, "group \"" + name
                            + "\" not found in the image's /etc/group"
                            + (hasFile(rootfs, "/etc/group") ? "" : " (the image has no /etc/group)")));
        }
        User.Builder user = User.builder().uid(uid).gid(gid);
        if (entry.isPresent()) {
            String name = entry.get().name();
            TreeSet<Long> additional = new TreeSet<>();
            for (GroupEntry g : groups) {
                if (g.members().contains(name) && g.gid() != gid) {
                    additional.add(g.gid());
                }
            }
            user.additionalGids(new ArrayList<>(additional));
        }
        return user.build();
    }

    private static boolean isNumeric(String s) {
        return !s.isEmpty() && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static long id(String s, String spec, String field) {
        try {
            long id = Long.parseLong(s);
            if (id <= 0xFFFF_FFFFL) {
                return id;
            }
        } catch (NumberFormatException e) {
            // too long: reported below
        }
        throw new ConversionException(field, "user \"" + spec + "\": id " + s + " is out of range (0 to 4294967295)");
    }

    private static boolean hasFile(Path rootfs, String path) {
        try {
            return RootfsFiles.resolve(rootfs, path).filter(Files::isRegularFile).isPresent();
        } catch (IOException e) {
            return false;
        }
    }

    private static List<String[]> records(Path rootfs, String path, int minFields) throws IOException {
        Optional<Path> file = RootfsFiles.resolve(rootfs, path);
        if (file.isEmpty() || !Files.isRegularFile(file.get())) {
            return List.of();
        }
        List<String[]> out = new ArrayList<>();
        for (String line : Files.readAllLines(file.get(), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split(":", -1);
            if (fields.length >= minFields) {
                out.add(fields);
            }
        }
        return out;
    }

    private static List<PasswdEntry> passwd(Path rootfs) throws IOException {
        List<PasswdEntry> out = new ArrayList<>();
        for (String[] f : records(rootfs, "/etc/passwd", 4)) {
            if (isNumeric(f[2]) && isNumeric(f[3])) {
                out.add(new PasswdEntry(f[0], Long.parseLong(f[2]), Long.parseLong(f[3])));
            }
        }
        return out;
    }

    private static List<GroupEntry> groups(Path rootfs) throws IOException {
        List<GroupEntry> out = new ArrayList<>();
        for (String[] f : records(rootfs, "/etc/group", 3)) {
            if (isNumeric(f[2])) {
                List<String> members = f.length > 3 && !f[3].isEmpty() ? List.of(f[3].split(",")) : List.of();
                out.add(new GroupEntry(f[0], Long.parseLong(f[2]), members.stream().map(String::trim).toList()));
            }
        }
        return out;
    }
}
